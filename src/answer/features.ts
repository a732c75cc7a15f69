/**
 * The answerability features' names and the way each may push the score: shared by the features'
 * computation (answerability.ts), the fitted models (answerability-model.ts, written by `npm run fit`)
 * and the fitting (fit.ts).
 */

export const FEATURE_NAMES = [
  "coverage", "support", "headingEcho", "fulltextMargin", "similarity", "unknownWords", "unknownPairs", "missingRare", "typeFound", "focusGap", "structured", "shortQuestion", "fromTop",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * The way each feature may push the score, fixed before fitting: more coverage can only make an
 * answer likelier, a word the corpus never uses only less likely. Fitting keeps each weight on its
 * side (or at zero), so a quirk of the training questions cannot turn a feature around.
 */
export const FEATURE_SIGNS: Record<FeatureName, 1 | -1> = {
  coverage: 1, support: 1, headingEcho: 1, fulltextMargin: 1, similarity: 1, unknownWords: -1, unknownPairs: -1,
  missingRare: -1, typeFound: 1, focusGap: -1, structured: 1, shortQuestion: -1, fromTop: 1,
};
export type Features = Record<FeatureName, number>;

export type LogisticModel = { bias: number; weights: Record<FeatureName, number> };
