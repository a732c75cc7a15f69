import type { LogisticModel } from "./answerability.ts";

/**
 * The fitted answerability models. Written by `npm run fit -- --write` (bot/cli/fit.ts) from the
 * training questions (test/fixtures/answer-train-a.jsonl, test/fixtures/answer-train-b.jsonl); refit rather than edit by hand.
 * Fitted on 174 questions (130 answerable); 5-fold cross-validated: có đáp án: trả lời đúng 48, trả lời sai 4, liên quan 69, báo không có 9; không có đáp án: báo không có 11, liên quan 29, trả lời 4.
 */
export type AnswerabilityModel = {
  /** Do the documents cover the question? (answerable against unanswerable questions) */
  covered: LogisticModel;
  /** Is the proposed answer right? (its passage holds the answer) */
  right: LogisticModel;
  /** "none" below `covered`; otherwise "answer" at or above `answer`, else "related". */
  thresholds: { covered: number; answer: number };
};

export const ANSWERABILITY: AnswerabilityModel = {
  covered: {
    bias: 0.774,
    weights: {
      coverage: 1.439,
      support: 1.499,
      headingEcho: 1.12,
      fulltextMargin: 1.057,
      similarity: 0.23,
      unknownWords: 0.545,
      unknownPairs: -1.885,
      missingRare: 0.248,
      typeFound: -1.237,
      focusGap: 0.584,
      structured: 2.226,
      shortQuestion: -0.088,
      fromTop: 0.139,
    },
  },
  right: {
    bias: -4.522,
    weights: {
      coverage: 1.317,
      support: 2.382,
      headingEcho: 2.866,
      fulltextMargin: 1.025,
      similarity: 0.335,
      unknownWords: 0.745,
      unknownPairs: -0.209,
      missingRare: 0.601,
      typeFound: 0.826,
      focusGap: 0.223,
      structured: 1.444,
      shortQuestion: -0.371,
      fromTop: 1.191,
    },
  },
  thresholds: { covered: 0.48, answer: 0.65 },
};
