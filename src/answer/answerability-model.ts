import type { LogisticModel } from "./answerability.ts";

/**
 * The fitted answerability models. Written by `npm run fit -- --write` (bot/cli/fit.ts) from the
 * training questions (test/fixtures/answer-train-a.jsonl, test/fixtures/answer-train-b.jsonl, test/fixtures/answer-train-c.jsonl, test/fixtures/answer-train-offtopic.jsonl); refit rather than edit by hand.
 * Fitted on 294 questions (200 answerable); 5-fold cross-validated: có đáp án: trả lời đúng 84, trả lời sai 9, liên quan 97, báo không có 10; không có đáp án: báo không có 54, liên quan 36, trả lời 4.
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
    bias: -1.203,
    weights: {
      coverage: 0.657,
      support: 0.691,
      headingEcho: 0.929,
      fulltextMargin: 0.553,
      similarity: 0.145,
      unknownWords: -0.104,
      unknownPairs: -1.345,
      missingRare: 0,
      typeFound: 1.607,
      focusGap: 0,
      structured: 1.202,
      shortQuestion: -0.11,
      fromTop: 0.284,
    },
  },
  right: {
    bias: -2.9,
    weights: {
      coverage: 0.386,
      support: 0.789,
      headingEcho: 1.098,
      fulltextMargin: 0.859,
      similarity: 0.129,
      unknownWords: 0,
      unknownPairs: -0.673,
      missingRare: 0,
      typeFound: 1.581,
      focusGap: 0,
      structured: 1.206,
      shortQuestion: -0.025,
      fromTop: 0.948,
    },
  },
  thresholds: { covered: 0.55, answer: 0.62 },
};
