import type { Registry } from "../documents/registry.ts";
import type { TermStats } from "../index/term-stats.ts";
import type { Lexicon } from "../lexicon.ts";
import { fold, foldedSyllables, nfc } from "../text/normalize.ts";
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

/** "tỉnh Thanh Bình", "TỈNH THANH BÌNH", "thành phố Cần Thơ" in an issuer or title: the name after the unit, capitalised ("Tỉnh ủy" is a body). */
const DOCUMENT_PLACE = /(?<!\p{L})(?:tỉnh|thành phố|TỈNH|THÀNH PHỐ)[ \t]+(?!(?:ủy|uỷ|ỦY|UỶ)(?!\p{L}))((?:\p{Lu}\p{L}*)(?:[ \t]+\p{Lu}\p{L}*){0,3})/gu;

const titleCase = (name: string) => name.split(/\s+/).map((w) => w.charAt(0) + w.slice(1).toLocaleLowerCase("vi")).join(" ");

const withPlaces = new WeakMap<Registry, Map<Lexicon, Lexicon>>();

/**
 * The lexicon with the provinces and cities the documents' issuers and titles name ("Ủy ban nhân dân tỉnh Thanh Bình")
 * added to its places, so that a question naming one ("theo quy chế Thanh Bình") is scoped to that province's texts
 * though the lexicon's list does not hold it (a new province, a renamed one). Only for reading the question's scope:
 * such a place is in the documents by construction.
 */
export function withDocumentPlaces(lexicon: Lexicon, registry: Registry): Lexicon {
  let byLexicon = withPlaces.get(registry);
  if (!byLexicon) withPlaces.set(registry, (byLexicon = new Map()));
  const cached = byLexicon.get(lexicon);
  if (cached) return cached;
  const known = new Set(lexicon.places.map((place) => place.phrase.join(" ")));
  const added: Array<{ name: string; phrase: string[] }> = [];
  for (const document of registry.documents) {
    // Issuer and title apart: a name never runs from one into the other ("… tỉnh Thanh Bình" + "Quyết định …").
    for (const match of [document.issuer, document.title].flatMap((line) => [...line.matchAll(DOCUMENT_PLACE)])) {
      const name = titleCase(match[1]!);
      const phrase = foldedSyllables(name);
      if (phrase.length < 2 || known.has(phrase.join(" "))) continue;
      known.add(phrase.join(" "));
      added.push({ name, phrase });
    }
  }
  const extended = added.length ? { ...lexicon, places: [...lexicon.places, ...added] } : lexicon;
  byLexicon.set(lexicon, extended);
  return extended;
}
