import type { LogisticModel } from "./features.ts";

/**
 * The fitted answerability models. Written by `npm run fit -- --write` (bot/cli/fit.ts) from the
 * training questions (test/fixtures/answer-train-a.jsonl, test/fixtures/answer-train-b.jsonl, test/fixtures/answer-train-c.jsonl, test/fixtures/answer-train-d.jsonl, test/fixtures/answer-train-offtopic.jsonl); refit rather than edit by hand.
 * Fitted on 373 questions (255 answerable); 5-fold cross-validated: có đáp án: trả lời đúng 132, trả lời sai 8, liên quan 106, báo không có 9; không có đáp án: báo không có 58, liên quan 47, trả lời 13.
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
    bias: -1.731,
    weights: {
      coverage: 0.523,
      support: 0.828,
      headingEcho: 0.768,
      fulltextMargin: 0.533,
      similarity: 0.149,
      unknownWords: 0,
      unknownPairs: -0.963,
      missingRare: 0,
      typeFound: 1.815,
      focusGap: 0,
      structured: 1.256,
      shortQuestion: -0.069,
      fromTop: 0.453,
    },
  },
  right: {
    bias: -3.14,
    weights: {
      coverage: 0.429,
      support: 1.036,
      headingEcho: 0.873,
      fulltextMargin: 0.875,
      similarity: 0.187,
      unknownWords: 0,
      unknownPairs: -0.501,
      missingRare: 0,
      typeFound: 1.708,
      focusGap: 0,
      structured: 1.033,
      shortQuestion: -0.027,
      fromTop: 1.071,
    },
  },
  thresholds: { covered: 0.52, answer: 0.63 },
};
