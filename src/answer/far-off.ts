import type { TermStats } from "../index/term-stats.ts";
import type { AnalysedQuery } from "../query.ts";
import type { RankedPassage } from "../retrieve.ts";
import { FAR_OFF } from "./weights.ts";

/**
 * A question from another field altogether ("Thủ đô của nước Pháp là thành phố nào?", "thủ tục đăng ký kết hôn cần
 * giấy tờ gì"): it names no term of the domain's lexicon, none of its word pairs is common in the documents ("công
 * tác", "dân vận", "cơ quan", "cán bộ" are), and the passage found first shares at most one pair with it (a "thành
 * phố", a "thủ tục"). Such passages are not related to it: the reply says the documents do not cover it.
 */
export function farOff(query: AnalysedQuery, top: RankedPassage | undefined, stats: TermStats): boolean {
  // In a handful of passages no word pair is "common", and without a lexicon no term names the domain: not judged.
  if (stats.passages < FAR_OFF.minPassages) return false;
  if (query.concepts.some((concept) => concept.alternatives.length > 0)) return false;
  const pairs = query.bigrams.filter((pair) => pair.weight === 1).map((pair) => pair.token);
  // A question of one or two word pairs ("Công bộc của dân là gì?") is judged by the model alone: too few pairs to tell.
  if (pairs.length <= FAR_OFF.sharedPairs) return false;
  if (pairs.some((pair) => stats.documentFrequency(pair) >= FAR_OFF.commonShare * stats.passages)) return false;
  const body = new Set(top?.passage.search.split(" ") ?? []);
  return pairs.filter((pair) => body.has(pair)).length < FAR_OFF.sharedPairs;
}
