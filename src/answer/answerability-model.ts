/**
 * The fitted answerability model. Written by `npm run fit -- --write` (bot/cli/fit.ts) from the
 * training questions (test/fixtures/answer-train-a.jsonl, answer-train-b.jsonl); edit by refitting,
 * not by hand. Thresholds: "answer" at or above `answer`, "related" at or above `related`, else "none".
 */
import type { FeatureName } from "./answerability.ts";

export type AnswerabilityModel = {
  bias: number;
  weights: Record<FeatureName, number>;
  thresholds: { answer: number; related: number };
};

export const ANSWERABILITY: AnswerabilityModel = {
  bias: -2,
  weights: {
    coverage: 2,
    support: 2,
    headingEcho: 0,
    fulltextMargin: 0,
    similarity: 0,
    unknownWords: -3,
    typeFound: 0.5,
    focusGap: -1,
    structured: 0.5,
    shortQuestion: 0,
    fromTop: 0.5,
  },
  thresholds: { answer: 0.6, related: 0.4 },
};
