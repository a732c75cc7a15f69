import type { TermStats } from "./index/term-stats.ts";
import type { AnalysedQuery } from "./query.ts";
import { fold } from "./text/normalize.ts";
import { bigram } from "./text/terms.ts";

/** How much of a question a text covers, each term weighted by its rarity (IDF). */
export type Coverage = { concepts: number; bigrams: number; ordinal: boolean; combined: number };

function phrasePresent(phrase: string[], tokens: ReadonlySet<string>): boolean {
  if (phrase.length === 1) return tokens.has(phrase[0]!);
  for (let i = 0; i + 1 < phrase.length; i++) if (!tokens.has(bigram(phrase[i]!, phrase[i + 1]!))) return false;
  return true;
}

/** Does the text hold the enumerated item the question asks for ("Tám là, …")? */
export function hasOrdinalItem(query: AnalysedQuery, text: string): boolean {
  if (!query.ordinal) return false;
  return query.ordinal.test(query.accented ? text.toLowerCase() : fold(text));
}

/**
 * Does the text define the term asked about: a heading "Thế nào là X" / "X là gì", or a sentence
 * that starts "X là …" / "X được hiểu là …"?
 */
export function definesSubject(query: AnalysedQuery, text: string): boolean {
  return definesSubjectFolded(query, fold(text));
}

/** `definesSubject` on text already folded. */
export function definesSubjectFolded(query: AnalysedQuery, foldedText: string): boolean {
  return query.definitionOf !== undefined && definesTerm(query.definitionOf, foldedText, { clauseStart: true });
}

/**
 * Does folded text define the term (folded syllables): a heading "Thế nào là X" / "X là gì", or a
 * sentence that says "X là …", "X được hiểu là …", "X chính là …" — with `clauseStart`, only where a
 * sentence or clause begins (the retrieval bonus); otherwise anywhere (choosing a sentence to quote).
 */
export function definesTerm(term: string[], foldedText: string, options: { clauseStart?: boolean } = {}): boolean {
  if (term.length === 0) return false;
  const subject = term.join(" ");
  const folded = foldedText.replace(/[^\p{L}\p{N}\n.:;,]+/gu, " ");
  return new RegExp(`(?:^|[\\n.:;,]\\s*${options.clauseStart ? "" : "| "})(?:the nao la ${subject}|${subject} la gi|${subject} (?:la|duoc hieu la|co nghia la|chinh la) )`, "u").test(folded);
}

/** Share of the question's own bigrams (question words included) that a heading repeats. */
export function echoes(query: AnalysedQuery, headingTokens: ReadonlySet<string>): number {
  if (query.echo.length === 0) return 0;
  return query.echo.filter((pair) => headingTokens.has(pair)).length / query.echo.length;
}

/**
 * The longest run of the question's syllables found in the same order in a text, as a share of
 * the question: "dân vận khéo thì" found whole scores higher than its words found apart.
 */
export function phraseMatch(query: AnalysedQuery, textFolded: string[]): number {
  const q = query.sequence;
  if (q.length < 2) return 0;
  let best = 0;
  const previous = new Array<number>(q.length + 1).fill(0);
  for (const word of textFolded) {
    for (let j = q.length; j >= 1; j--) {
      previous[j] = q[j - 1] === word ? previous[j - 1]! + 1 : 0;
      if (previous[j]! > best) best = previous[j]!;
    }
  }
  return best >= 2 ? best / q.length : 0;
}

export function coverage(query: AnalysedQuery, tokens: ReadonlySet<string>, stats: TermStats, text?: string): Coverage {
  let conceptTotal = 0;
  let conceptHit = 0;
  for (const concept of query.concepts) {
    const weight = stats.idf(concept.folded);
    conceptTotal += weight;
    if (tokens.has(concept.folded) || concept.alternatives.some((phrase) => phrasePresent(phrase, tokens))) conceptHit += weight;
  }
  let bigramTotal = 0;
  let bigramHit = 0;
  for (const pair of query.bigrams) {
    const weight = stats.idf(pair.token) * pair.weight;
    bigramTotal += weight;
    if (tokens.has(pair.token) || pair.alternatives.some((phrase) => phrasePresent(phrase, tokens))) bigramHit += weight;
  }
  const concepts = conceptTotal > 0 ? conceptHit / conceptTotal : 0;
  const bigrams = bigramTotal > 0 ? bigramHit / bigramTotal : concepts;
  const ordinal = text !== undefined && hasOrdinalItem(query, text);
  return { concepts, bigrams, ordinal, combined: 0.5 * concepts + 0.5 * bigrams };
}
