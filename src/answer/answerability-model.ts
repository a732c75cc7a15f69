import type { LogisticModel } from "./features.ts";

/**
 * The fitted answerability models. Written by `npm run fit -- --write` (bot/cli/fit.ts) from the
 * training questions (test/fixtures/answer-train-a.jsonl, test/fixtures/answer-train-b.jsonl, test/fixtures/answer-train-c.jsonl, test/fixtures/answer-train-d.jsonl, test/fixtures/answer-train-offtopic.jsonl); refit rather than edit by hand.
 * Fitted on 373 questions (255 answerable); 5-fold cross-validated: có đáp án: trả lời đúng 127, trả lời sai 7, liên quan 109, báo không có 12; không có đáp án: báo không có 63, liên quan 44, trả lời 11.
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
    bias: -1.733,
    weights: {
      coverage: 0.524,
      support: 0.832,
      headingEcho: 0.766,
      fulltextMargin: 0.527,
      similarity: 0.15,
      unknownWords: 0,
      unknownPairs: -0.966,
      missingRare: 0,
      typeFound: 1.819,
      focusGap: 0,
      structured: 1.242,
      shortQuestion: -0.071,
      fromTop: 0.457,
    },
  },
  right: {
    bias: -3.136,
    weights: {
      coverage: 0.421,
      support: 1.031,
      headingEcho: 0.89,
      fulltextMargin: 0.881,
      similarity: 0.172,
      unknownWords: 0,
      unknownPairs: -0.494,
      missingRare: 0,
      typeFound: 1.701,
      focusGap: 0,
      structured: 1.028,
      shortQuestion: -0.019,
      fromTop: 1.062,
    },
  },
  thresholds: { covered: 0.55, answer: 0.63 },
};
