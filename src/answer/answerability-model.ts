import type { LogisticModel } from "./answerability.ts";

/**
 * The fitted answerability models. Written by `npm run fit -- --write` (bot/cli/fit.ts) from the
 * training questions (test/fixtures/answer-train-a.jsonl, test/fixtures/answer-train-b.jsonl); refit rather than edit by hand.
 * Fitted on 174 questions (130 answerable); 5-fold cross-validated: có đáp án: trả lời đúng 66, trả lời sai 4, liên quan 54, báo không có 6; không có đáp án: báo không có 19, liên quan 18, trả lời 7.
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
    bias: -1.226,
    weights: {
      coverage: 0.633,
      support: 0.721,
      headingEcho: 0.626,
      fulltextMargin: 0.468,
      similarity: 0.131,
      unknownWords: 0.146,
      unknownPairs: -0.915,
      missingRare: -0.063,
      typeFound: 1.879,
      focusGap: 0.186,
      structured: 1.317,
      shortQuestion: -0.006,
      fromTop: 0.052,
    },
  },
  right: {
    bias: -3.036,
    weights: {
      coverage: 0.581,
      support: 1.106,
      headingEcho: 1.106,
      fulltextMargin: 0.65,
      similarity: 0.111,
      unknownWords: 0.266,
      unknownPairs: -0.414,
      missingRare: 0.198,
      typeFound: 1.537,
      focusGap: 0.101,
      structured: 1.14,
      shortQuestion: -0.001,
      fromTop: 0.897,
    },
  },
  thresholds: { covered: 0.62, answer: 0.62 },
};
