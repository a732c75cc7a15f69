import type { Lexicon } from "../lexicon.ts";
import { expansionsIn } from "../lexicon.ts";
import { foldedSyllables } from "../text/normalize.ts";
import { bigram, searchTokens } from "../text/terms.ts";

/**
 * What the full-text index stores for a passage: folded syllables and syllable bigrams of its
 * document title, heading path and text, plus the other forms of any abbreviation it uses ("QCDC" also indexes
 * "quy che dan chu"), so both ways of writing a term find it.
 */
export function buildSearchText(lexicon: Lexicon, title: string, section: string, clean: string): string {
  const tokens = searchTokens(`${title}\n${section}\n${clean}`);
  const folded = foldedSyllables(clean);
  for (const phrase of expansionsIn(lexicon, folded)) {
    tokens.push(...phrase);
    for (let i = 0; i + 1 < phrase.length; i++) tokens.push(bigram(phrase[i]!, phrase[i + 1]!));
  }
  return tokens.join(" ");
}
