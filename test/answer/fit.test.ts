import { describe, expect, it } from "vitest";
import type { Features } from "../../src/answer/answerability.ts";
import { FEATURE_NAMES, gradeOf, logistic } from "../../src/answer/answerability.ts";
import type { Example } from "../../src/answer/fit.ts";
import { chooseThresholds, crossValidated, fitLogistic } from "../../src/answer/fit.ts";

const features = (coverage: number, typeFound: number): Features => ({ ...Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])), coverage, typeFound }) as Features;

/** Answerable questions have high coverage and the type asked for; unanswerable ones lack one of them. Deterministic. */
const examples: Example[] = Array.from({ length: 60 }, (_, i) => {
  const answerable = i % 3 !== 0;
  const coverage = answerable ? 0.55 + (i % 7) * 0.06 : 0.15 + (i % 5) * 0.07;
  return { features: features(coverage, answerable || i % 2 === 0 ? 1 : 0), answerable, right: answerable && i % 5 !== 1 };
});

describe("fitting the answerability models", () => {
  it("learns which way each feature points", () => {
    const model = fitLogistic(examples.map((e) => ({ features: e.features, label: e.answerable })));
    expect(model.weights.coverage).toBeGreaterThan(0);
    expect(logistic(features(0.9, 1), model)).toBeGreaterThan(0.8);
    expect(logistic(features(0.1, 0), model)).toBeLessThan(0.2);
  });

  it("chooses thresholds on held-out scores: few answerable refused, few wrong answers asserted", () => {
    const held = crossValidated(examples);
    const thresholds = chooseThresholds(examples, held, { maxRefused: 0.05, maxWrong: 0.15 });
    const model = { covered: fitLogistic(examples.map((e) => ({ features: e.features, label: e.answerable }))), right: fitLogistic(examples.map((e) => ({ features: e.features, label: e.right }))), thresholds };
    const grades = held.map((s) => gradeOf(s, model));
    const answerable = examples.filter((e) => e.answerable).length;
    expect(examples.filter((e, i) => e.answerable && grades[i] === "none").length).toBeLessThanOrEqual(0.05 * answerable);
    const asserted = examples.filter((_, i) => grades[i] === "answer");
    expect(asserted.filter((e) => !e.right).length).toBeLessThanOrEqual(0.15 * asserted.length);
    expect(examples.filter((e, i) => !e.answerable && grades[i] === "none").length).toBeGreaterThan(0);
  });
});
