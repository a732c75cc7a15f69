import type { AnswerabilityModel } from "./answerability-model.ts";
import type { Features, LogisticModel } from "./answerability.ts";
import { FEATURE_NAMES, FEATURE_SIGNS, logistic } from "./answerability.ts";

/**
 * Fitting the answerability models: L2-regularised logistic regression by gradient descent (a dozen
 * features and a few hundred questions need nothing more), k-fold cross-validated probabilities, and
 * the thresholds chosen on those held-out probabilities.
 */

export type Example = {
  features: Features;
  answerable: boolean;
  /** The proposed answer is right (its passage holds the expected text). */
  right: boolean;
};

export function fitLogistic(rows: Array<{ features: Features; label: boolean }>, options: { l2?: number; iterations?: number; rate?: number } = {}): LogisticModel {
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 20000;
  const rate = options.rate ?? 1;
  const d = FEATURE_NAMES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = Math.max(1, rows.length);
  const x = rows.map((r) => FEATURE_NAMES.map((name) => r.features[name]));
  const y = rows.map((r) => (r.label ? 1 : 0));
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
    for (let j = 0; j < d; j++) {
      w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
      // Projected gradient: a weight stays on the side its feature is allowed to push.
      if (w[j]! * FEATURE_SIGNS[FEATURE_NAMES[j]!] < 0) w[j] = 0;
    }
  }
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, Math.round(w[j]! * 1000) / 1000])) as LogisticModel["weights"];
  return { bias: Math.round(b * 1000) / 1000, weights };
}

const coveredRows = (examples: Example[]) => examples.map((e) => ({ features: e.features, label: e.answerable }));
const rightRows = (examples: Example[]) => examples.map((e) => ({ features: e.features, label: e.right }));

export function fitModels(examples: Example[]): Pick<AnswerabilityModel, "covered" | "right"> {
  return { covered: fitLogistic(coveredRows(examples)), right: fitLogistic(rightRows(examples)) };
}

/** Held-out scores: each example scored by models fitted on the other folds (folds by position). */
export function crossValidated(examples: Example[], folds = 5): Array<{ covered: number; right: number }> {
  const out = examples.map(() => ({ covered: 0, right: 0 }));
  for (let f = 0; f < folds; f++) {
    const models = fitModels(examples.filter((_, i) => i % folds !== f));
    examples.forEach((e, i) => {
      if (i % folds === f) out[i] = { covered: logistic(e.features, models.covered), right: logistic(e.features, models.right) };
    });
  }
  return out;
}

/**
 * The thresholds, from held-out scores. `covered` decides "not covered": as high as it can be while
 * refusing at most `maxRefused` of the answerable questions, so that unanswerable ones are refused.
 * 4% by default: questions not seen in fitting are refused about twice as often as the cross-validated
 * rate (December 2026: 5% held-out on training gave 10–13% on the report sets), and the aim is ≤ 10%.
 * `answer` decides asserting: the lowest value that keeps wrong assertions (a wrong passage, or an
 * unanswerable question answered) at most `maxWrong` of the assertions made.
 */
export function chooseThresholds(examples: Example[], scores: Array<{ covered: number; right: number }>, goals = { maxRefused: 0.04, maxWrong: 0.15 }): AnswerabilityModel["thresholds"] {
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const rows = examples.map((e, i) => ({ e, s: scores[i]! }));
  const answerable = rows.filter((x) => x.e.answerable);
  let covered = grid[0]!;
  for (const t of grid) if (answerable.filter((x) => x.s.covered < t).length <= goals.maxRefused * answerable.length) covered = t;
  let answer = 0.99;
  for (const t of [...grid].reverse()) {
    const asserted = rows.filter((x) => x.s.covered >= covered && x.s.right >= t);
    const wrong = asserted.filter((x) => !x.e.right).length;
    if (asserted.length > 0 && wrong <= goals.maxWrong * asserted.length) answer = t;
  }
  return { covered, answer };
}
