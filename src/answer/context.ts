import type { TermStats } from "../index/term-stats.ts";
import type { KnowledgeIndex } from "../index/store.ts";
import type { AnalysedQuery } from "../query.ts";
import type { RankedPassage } from "../retrieve.ts";
import type { ParagraphInfo } from "../structure/blocks.ts";
import { passageText } from "./passage-text.ts";
import type { QuestionAnalysis } from "./question.ts";
import { PASSAGES_READ } from "./weights.ts";

/** What every answer rule reads: the question, read two ways, and the passages retrieval ranked first. */
export type AnswerContext = {
  intent: QuestionAnalysis;
  query: AnalysedQuery;
  /** The passages the rules read, in rank order. */
  read: RankedPassage[];
  /** Every passage retrieved (the heading rule looks at all of them: a heading is cheap to check); `read` is its head. */
  ranked: RankedPassage[];
  /** Their paragraphs (blank-line separated), with list markers. */
  paragraphs: ParagraphInfo[][];
  /** Each ranked passage's retrieval score relative to the first (0..1); index i is `ranked[i]` (and `read[i]`). */
  prior: number[];
  stats: TermStats;
  index: KnowledgeIndex;
};

export function answerContext(intent: QuestionAnalysis, query: AnalysedQuery, ranked: RankedPassage[], index: KnowledgeIndex): AnswerContext {
  const read = ranked.slice(0, PASSAGES_READ);
  const top = Math.max(1e-9, read[0]?.score ?? 0);
  return {
    intent,
    query,
    read,
    ranked,
    paragraphs: read.map((r) => passageText(r.passage).paragraphs),
    prior: ranked.map((r) => Math.max(0, r.score) / top),
    stats: index.stats,
    index,
  };
}
