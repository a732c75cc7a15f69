import type { Lexicon } from "../lexicon.ts";
import { expansionsIn } from "../lexicon.ts";
import { foldedSyllables } from "../text/normalize.ts";
import { bigram } from "../text/terms.ts";

/**
 * What the full-text index stores for a passage: folded syllables and syllable bigrams of its
 * document title, heading path and text, plus the other forms of any abbreviation it uses ("QCDC" also indexes
 * "quy che dan chu"), so both ways of writing a term find it.
 */
export function buildSearchText(lexicon: Lexicon, title: string, section: string, clean: string, cleanFolded = foldedSyllables(clean)): string {
  // The same tokens as folding the three joined: the text's folded syllables are given when already made.
  const folded = cleanFolded;
  const words = [...foldedSyllables(`${title}\n${section}`), ...folded];
  const tokens: string[] = [...words];
  for (let i = 0; i + 1 < words.length; i++) tokens.push(bigram(words[i]!, words[i + 1]!));
  for (const phrase of expansionsIn(lexicon, folded)) {
    tokens.push(...phrase);
    for (let i = 0; i + 1 < phrase.length; i++) tokens.push(bigram(phrase[i]!, phrase[i + 1]!));
  }
  return tokens.join(" ");
}
