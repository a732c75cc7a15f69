import type { AnswerabilityModel } from "./answerability-model.ts";
import type { Features } from "./answerability.ts";
import { answerability, FEATURE_NAMES } from "./answerability.ts";

/**
 * Fitting the answerability model: L2-regularised logistic regression by gradient descent (a dozen
 * features and a few hundred questions need nothing more), k-fold cross-validated probabilities, and
 * the two thresholds chosen on those held-out probabilities.
 */

export type Example = { features: Features; /** The proposed answer is right. */ right: boolean; answerable: boolean };

export function fitLogistic(examples: Example[], options: { l2?: number; iterations?: number; rate?: number } = {}): Pick<AnswerabilityModel, "bias" | "weights"> {
  const l2 = options.l2 ?? 0.05;
  const iterations = options.iterations ?? 4000;
  const rate = options.rate ?? 0.5;
  const d = FEATURE_NAMES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = Math.max(1, examples.length);
  const x = examples.map((e) => FEATURE_NAMES.map((name) => e.features[name]));
  const y = examples.map((e) => (e.right ? 1 : 0));
  for (let step = 0; step < iterations; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[i]![j]!;
      const error = 1 / (1 + Math.exp(-z)) - y[i]!;
      gb += error;
      for (let j = 0; j < d; j++) gw[j]! += error * x[i]![j]!;
    }
    b -= (rate * gb) / n;
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
  }
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, Math.round(w[j]! * 1000) / 1000])) as AnswerabilityModel["weights"];
  return { bias: Math.round(b * 1000) / 1000, weights };
}

/** Held-out probabilities: each example scored by a model fitted on the other folds (folds by position). */
export function crossValidated(examples: Example[], folds = 5): number[] {
  const out = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => i % folds !== f);
    const model = { ...fitLogistic(train), thresholds: { answer: 1, related: 1 } };
    examples.forEach((e, i) => {
      if (i % folds === f) out[i] = answerability(e.features, model);
    });
  }
  return out;
}

export type ThresholdChoice = { answer: number; related: number };

/**
 * The thresholds, from held-out probabilities. "related" is the lowest grade that still shows the
 * documents: below it the reply is "not covered". It is chosen so that no more than `maxRefused` of
 * the answerable questions are refused, then as high as that allows, so that unanswerable questions
 * are refused. "answer" asserts: it is chosen to keep wrong assertions (a wrong passage, or an
 * unanswerable question answered) at most `maxWrong` of the assertions made, as low as that allows.
 */
export function chooseThresholds(examples: Example[], probabilities: number[], goals = { maxRefused: 0.08, maxWrong: 0.1 }): ThresholdChoice {
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const answerable = examples.map((e, i) => ({ e, p: probabilities[i]! })).filter((x) => x.e.answerable);
  let related = grid[0]!;
  for (const t of grid) if (answerable.filter((x) => x.p < t).length <= goals.maxRefused * answerable.length) related = t;
  let answer = 0.99;
  for (const t of [...grid].reverse()) {
    const asserted = examples.map((e, i) => ({ e, p: probabilities[i]! })).filter((x) => x.p >= t);
    const wrong = asserted.filter((x) => !x.e.right).length;
    if (asserted.length > 0 && t >= related && wrong <= goals.maxWrong * asserted.length) answer = t;
  }
  return { answer, related };
}
