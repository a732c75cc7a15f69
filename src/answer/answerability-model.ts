import type { LogisticModel } from "./answerability.ts";

/**
 * The fitted answerability models. Written by `npm run fit -- --write` (bot/cli/fit.ts) from the
 * training questions (test/fixtures/answer-train-a.jsonl, test/fixtures/answer-train-b.jsonl, test/fixtures/answer-train-c.jsonl, test/fixtures/answer-train-offtopic.jsonl); refit rather than edit by hand.
 * Fitted on 294 questions (200 answerable); 5-fold cross-validated: có đáp án: trả lời đúng 80, trả lời sai 6, liên quan 105, báo không có 9; không có đáp án: báo không có 51, liên quan 37, trả lời 6.
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
    bias: -1.151,
    weights: {
      coverage: 0.652,
      support: 0.556,
      headingEcho: 0.909,
      fulltextMargin: 0.567,
      similarity: 0.172,
      unknownWords: -0.147,
      unknownPairs: -1.416,
      missingRare: 0,
      typeFound: 1.625,
      focusGap: 0,
      structured: 1.22,
      shortQuestion: -0.1,
      fromTop: 0.341,
    },
  },
  right: {
    bias: -2.951,
    weights: {
      coverage: 0.403,
      support: 0.778,
      headingEcho: 1.122,
      fulltextMargin: 0.924,
      similarity: 0.158,
      unknownWords: 0,
      unknownPairs: -0.774,
      missingRare: 0,
      typeFound: 1.637,
      focusGap: 0,
      structured: 0.981,
      shortQuestion: -0.047,
      fromTop: 1.058,
    },
  },
  thresholds: { covered: 0.54, answer: 0.63 },
};
