import type { TermStats } from "../index/term-stats.ts";
import type { Lexicon } from "../lexicon.ts";
import { fold, nfc } from "../text/normalize.ts";
import { bigram } from "../text/terms.ts";

/**
 * The places (knowledge/lexicon.yaml `places`) a question names that no document mentions: "Tỉnh ủy
 * Bắc Ninh" asked of a knowledge base that only has Bắc Giang's texts. The documents say nothing about
 * such a place, however well its other words match, so the question is not covered. A place is named
 * when typed as a name (capitalised: "Bắc Ninh", "Hòa Bình", "Thành phố Hồ Chí Minh") or after the word for its
 * unit ("tỉnh bac ninh", "thành phố Hải Phòng"): "diễn biến hòa bình" and "nam định kỳ" name no place.
 * It is mentioned when every pair of its syllables occurs in some passage (the term statistics keep
 * these pairs even when one passage has them: src/lexicon.ts placeBigrams).
 */

/** The words for a province or city, as folded syllables, that may come right before its name. */
const UNITS: ReadonlyArray<readonly string[]> = [["tinh"], ["thanh", "pho"], ["tp"], ["tinh", "uy"], ["thanh", "uy"]];

/**
 * The places a question names: typed as a name (first and last syllables capitalised) or after the word for
 * its unit ("tỉnh bac ninh"); "diễn biến hòa bình" and "mỗi năm định kỳ" name none.
 */
export function namedPlaces(question: string, lexicon: Lexicon): Array<{ name: string; phrase: readonly string[] }> {
  // As typed, capitals kept (syllables() lower-cases).
  const typed = nfc(question).match(/[\p{L}\p{N}]+/gu) ?? [];
  const folded = typed.map((s) => fold(s).toLowerCase());
  const named: Array<{ name: string; phrase: readonly string[] }> = [];
  for (const { name, phrase } of lexicon.places) {
    for (let at = 0; at + phrase.length <= folded.length; at++) {
      if (!phrase.every((word, i) => folded[at + i] === word)) continue;
      const asName = [typed[at]!, typed[at + phrase.length - 1]!].every((s) => /^\p{Lu}/u.test(s));
      const afterUnit = UNITS.some((unit) => unit.length <= at && unit.every((word, i) => folded[at - unit.length + i] === word));
      if (!asName && !afterUnit) continue;
      named.push({ name, phrase });
      break;
    }
  }
  return named;
}

export function placesNotInDocuments(question: string, lexicon: Lexicon, stats: TermStats): string[] {
  return namedPlaces(question, lexicon)
    .filter(({ phrase }) => phrase.slice(1).some((word, i) => stats.documentFrequency(bigram(phrase[i]!, word)) === 0))
    .map(({ name }) => name);
}
