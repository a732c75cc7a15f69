import type { LogisticModel } from "./answerability.ts";

/**
 * The fitted answerability models. Written by `npm run fit -- --write` (bot/cli/fit.ts) from the
 * training questions (test/fixtures/answer-train-a.jsonl, test/fixtures/answer-train-b.jsonl, test/fixtures/answer-train-c.jsonl); refit rather than edit by hand.
 * Fitted on 270 questions (200 answerable); 5-fold cross-validated: có đáp án: trả lời đúng 97, trả lời sai 7, liên quan 86, báo không có 10; không có đáp án: báo không có 30, liên quan 30, trả lời 10.
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
    bias: -1.225,
    weights: {
      coverage: 0.401,
      support: 0.378,
      headingEcho: 0.823,
      fulltextMargin: 0.574,
      similarity: 0.078,
      unknownWords: 0.228,
      unknownPairs: -0.779,
      missingRare: 0.002,
      typeFound: 1.7,
      focusGap: 0.157,
      structured: 1.138,
      shortQuestion: 0.038,
      fromTop: 0.397,
    },
  },
  right: {
    bias: -3.326,
    weights: {
      coverage: 0.361,
      support: 0.824,
      headingEcho: 1.099,
      fulltextMargin: 0.916,
      similarity: 0.083,
      unknownWords: 0.346,
      unknownPairs: -0.339,
      missingRare: 0.337,
      typeFound: 1.69,
      focusGap: 0.016,
      structured: 0.921,
      shortQuestion: 0.085,
      fromTop: 1.075,
    },
  },
  thresholds: { covered: 0.62, answer: 0.63 },
};
