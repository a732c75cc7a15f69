import type { TermStats } from "../index/term-stats.ts";
import type { Lexicon } from "../lexicon.ts";
import { findPhrase } from "../lexicon.ts";
import { bigram } from "../text/terms.ts";

/**
 * The places (knowledge/lexicon.yaml `places`) a question names that no document mentions: "Tỉnh ủy
 * Bắc Ninh" asked of a knowledge base that only has Bắc Giang's texts. The documents say nothing about
 * such a place, however well its other words match, so the question is not covered. A place counts as
 * mentioned when every pair of its syllables occurs in some passage (the term statistics keep these
 * pairs even when one passage has them: src/lexicon.ts placeBigrams).
 */
export function placesNotInDocuments(words: readonly string[], lexicon: Lexicon, stats: TermStats): string[] {
  const absent: string[] = [];
  for (const { name, phrase } of lexicon.places) {
    if (findPhrase([...words], phrase) < 0) continue;
    const pairs = phrase.slice(1).map((word, i) => bigram(phrase[i]!, word));
    if (pairs.some((pair) => stats.documentFrequency(pair) === 0)) absent.push(name);
  }
  return absent;
}
