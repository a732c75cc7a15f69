import type { TermStats } from "../index/term-stats.ts";
import type { AnalysedQuery } from "../query.ts";
import type { RankedPassage } from "../retrieve.ts";
import { echoes } from "../score.ts";
import { searchTokens } from "../text/terms.ts";
import type { Candidate } from "./candidate.ts";
import type { AnswerabilityModel } from "./answerability-model.ts";
import { ANSWERABILITY } from "./answerability-model.ts";

/**
 * Whether the documents answer the question, as a calibrated probability: a logistic regression over
 * a few named features of the question, the retrieval and the proposed answer, fitted on the training
 * questions (`npm run fit`), never on the sets we report on.
 */

export const FEATURE_NAMES = [
  "coverage", "support", "headingEcho", "fulltextMargin", "similarity", "unknownWords", "typeFound", "focusGap", "structured", "shortQuestion", "fromTop",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export type Grade = "answer" | "related" | "none";

const STRUCTURED: ReadonlySet<Candidate["rule"]> = new Set(["item", "actor-list", "steps", "who-duty", "heading", "definition"]);

/**
 * Question words the corpus never uses (IDF-weighted share of the question's content words): "đảng
 * phí", "biên chế", a province that is not in the documents. A word whose lexicon alternative the
 * corpus uses is known.
 */
export function unknownShare(query: AnalysedQuery, stats: TermStats): number {
  let total = 0;
  let unknown = 0;
  for (const concept of query.concepts) {
    const weight = stats.idf(concept.folded);
    total += weight;
    const known = stats.documentFrequency(concept.folded) > 0
      || concept.alternatives.some((phrase) => phrase.every((word) => stats.documentFrequency(word) > 0));
    if (!known) unknown += weight;
  }
  return total > 0 ? unknown / total : 0;
}

export function featuresOf(input: { query: AnalysedQuery; ranked: RankedPassage[]; candidate: Candidate | undefined; stats: TermStats }): Features {
  const { query, ranked, candidate, stats } = input;
  const top = ranked[0];
  const cited = candidate ? ranked.find((r) => r.passage.id === candidate.passage.id) : undefined;
  const [first, second] = [...ranked].map((r) => r.fulltext).sort((a, b) => b - a);
  const leaf = cited ? new Set(searchTokens(cited.passage.headings.join(" "))) : new Set<string>();
  return {
    coverage: top?.coverage.combined ?? 0,
    support: candidate?.support ?? 0,
    headingEcho: cited ? echoes(query, leaf) : 0,
    fulltextMargin: first ? (first - (second ?? 0)) / first : 0,
    similarity: cited?.similarity ?? top?.similarity ?? 0,
    unknownWords: unknownShare(query, stats),
    typeFound: candidate?.typeFound ? 1 : 0,
    focusGap: candidate?.focusMatch === undefined ? 0 : 1 - candidate.focusMatch,
    structured: candidate && STRUCTURED.has(candidate.rule) ? 1 : 0,
    shortQuestion: 1 / (1 + query.concepts.length),
    fromTop: candidate && candidate.rank === 0 ? 1 : 0,
  };
}

/** The probability that the proposed answer is right. */
export function answerability(features: Features, model: AnswerabilityModel = ANSWERABILITY): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

export function gradeOf(probability: number, model: AnswerabilityModel = ANSWERABILITY): Grade {
  if (probability >= model.thresholds.answer) return "answer";
  if (probability >= model.thresholds.related) return "related";
  return "none";
}
