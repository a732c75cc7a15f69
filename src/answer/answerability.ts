import type { TermStats } from "../index/term-stats.ts";
import type { AnalysedQuery } from "../query.ts";
import type { RankedPassage } from "../retrieve.ts";
import { echoes } from "../score.ts";
import { searchTokens } from "../text/terms.ts";
import type { Candidate } from "./candidate.ts";
import type { AnswerabilityModel } from "./answerability-model.ts";
import type { Features, LogisticModel } from "./features.ts";
import { FEATURE_NAMES } from "./features.ts";
import { ANSWERABILITY } from "./answerability-model.ts";

/**
 * Whether the documents answer the question, as a calibrated probability: a logistic regression over
 * a few named features of the question, the retrieval and the proposed answer, fitted on the training
 * questions (`npm run fit`), never on the sets we report on.
 */

export { FEATURE_NAMES, FEATURE_SIGNS } from "./features.ts";
export type { FeatureName, Features, LogisticModel } from "./features.ts";

export type Grade = "answer" | "related" | "none";

const STRUCTURED: ReadonlySet<Candidate["rule"]> = new Set(["item", "actor-list", "steps", "outline", "who-duty", "signer", "heading", "definition"]);

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

/**
 * Pairs of the question's content words the corpus never has side by side ("đảng phí", "biên chế",
 * "Bắc Ninh" when only "an ninh" is there), as a share of its content pairs. Pairs met through a
 * lexicon alternative are known.
 */
export function unknownPairShare(query: AnalysedQuery, stats: TermStats): number {
  const pairs = query.bigrams.filter((b) => b.weight === 1);
  if (pairs.length === 0) return 0;
  const unknown = pairs.filter((b) => stats.documentFrequency(b.token) === 0 && !b.alternatives.some((phrase) => phrase.every((w) => stats.documentFrequency(w) > 0)));
  return unknown.length / pairs.length;
}

/**
 * The rarest question word the cited passages lack, as a share of the largest possible IDF: one
 * specific word left unanswered ("nhiệm kỳ", "phụ cấp") is the mark of a near miss.
 */
export function missingRare(query: AnalysedQuery, tokens: ReadonlySet<string>, stats: TermStats): number {
  const ceiling = stats.idf("\u0000never");
  let worst = 0;
  for (const concept of query.concepts) {
    const present = tokens.has(concept.folded) || concept.alternatives.some((phrase) => phrase.every((w) => tokens.has(w)));
    if (!present) worst = Math.max(worst, stats.idf(concept.folded));
  }
  return ceiling > 0 ? worst / ceiling : 0;
}

/** The words of what the answer quotes, with the headings and title they sit under. */
function quotedTokens(candidate: Candidate): Set<string> {
  const lines = [candidate.lead, ...candidate.lines].filter((l) => l !== undefined);
  const frame = [...new Set(lines.map((l) => `${l.passage.docKind} ${l.passage.docTitle} ${l.passage.docIssuer} ${l.passage.section}`))];
  return new Set(searchTokens(`${frame.join(" ")} ${lines.map((l) => l.text).join(" ")}`));
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
    unknownPairs: unknownPairShare(query, stats),
    missingRare: missingRare(query, candidate ? quotedTokens(candidate) : new Set(), stats),
    typeFound: candidate?.typeFound ? 1 : 0,
    focusGap: candidate?.focusMatch === undefined ? 0 : 1 - candidate.focusMatch,
    structured: candidate && STRUCTURED.has(candidate.rule) ? 1 : 0,
    shortQuestion: 1 / (1 + query.concepts.length),
    fromTop: candidate && candidate.rank === 0 ? 1 : 0,
  };
}


export function logistic(features: Features, model: LogisticModel): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/** How sure we are: that the documents cover the question, and that the proposed answer is right. */
export function answerability(features: Features, model: AnswerabilityModel = ANSWERABILITY): { covered: number; right: number } {
  return { covered: logistic(features, model.covered), right: logistic(features, model.right) };
}

/**
 * "none" when the documents likely do not cover the question; "answer" when the proposed answer is
 * likely right; "related" between: the documents have something, but maybe not this.
 */
export function gradeOf(scores: { covered: number; right: number }, model: AnswerabilityModel = ANSWERABILITY): Grade {
  if (scores.covered < model.thresholds.covered) return "none";
  return scores.right >= model.thresholds.answer ? "answer" : "related";
}
