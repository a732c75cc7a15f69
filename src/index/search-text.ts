import type { Lexicon } from "../lexicon.ts";
import { expansionsIn } from "../lexicon.ts";
import { bigram } from "../text/terms.ts";

/**
 * What the full-text index stores for a passage: folded syllables and syllable bigrams of its
 * document title, heading path and text, plus the other forms of any abbreviation it uses ("QCDC" also indexes
 * "quy che dan chu"), so both ways of writing a term find it. Given as folded syllables: `frame` (title,
 * headings, lead-in) then `text`, each folded once by the caller (ingest reuses them for the vector and the signature).
 */
export function buildSearchText(lexicon: Lexicon, frame: readonly string[], text: readonly string[]): string {
  const words = [...frame, ...text];
  const tokens: string[] = [...words];
  for (let i = 0; i + 1 < words.length; i++) tokens.push(bigram(words[i]!, words[i + 1]!));
  for (const phrase of expansionsIn(lexicon, text as string[])) {
    tokens.push(...phrase);
    for (let i = 0; i + 1 < phrase.length; i++) tokens.push(bigram(phrase[i]!, phrase[i + 1]!));
  }
  return tokens.join(" ");
}
