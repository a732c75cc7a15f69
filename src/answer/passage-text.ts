import type { Passage } from "../index/schema.ts";
import type { ParagraphInfo } from "../structure/blocks.ts";
import { paragraphsOf } from "../structure/blocks.ts";
import { fold, foldedSyllables } from "../text/normalize.ts";
import { sentenceRanges } from "../text/sentences.ts";
import { searchTokens } from "../text/terms.ts";

/** A sentence of a passage with what scoring reads of it, computed once. */
export type SentenceText = { paragraph: number; index: number; text: string; tokens: ReadonlySet<string>; folded: string; syllables: string[] };

export type PassageText = {
  paragraphs: ParagraphInfo[];
  sentences: SentenceText[];
  /** The passage's full-text tokens (title, headings, lead-in, text): what frames each of its sentences. */
  frame: ReadonlySet<string>;
};

/**
 * Passages kept analysed; the least recently used go first. A passage's id names its place (file, part, ordinal), not its
 * text: a file edited and ingested again keeps its ids, so an entry is reused only for the very text and search tokens
 * (title, headings, lexicon expansions) it was made from (the index swapped live after an edit, or a lexicon change,
 * would otherwise be answered from the old sentences and frame).
 */
const KEPT = 1_000;
const cache = new Map<string, { clean: string; search: string; analysed: PassageText }>();

/** A passage's paragraphs and sentences, split and tokenised once and reused by every question. */
export function passageText(passage: Passage): PassageText {
  const hit = cache.get(passage.id);
  if (hit && hit.clean === passage.clean && hit.search === passage.search) {
    cache.delete(passage.id);
    cache.set(passage.id, hit);
    return hit.analysed;
  }
  const paragraphs = paragraphsOf(passage.clean);
  const sentences: SentenceText[] = [];
  paragraphs.forEach((paragraph, g) => {
    sentenceRanges(paragraph.text).forEach(([start, end], index) => {
      const text = paragraph.text.slice(start, end);
      sentences.push({ paragraph: g, index, text, tokens: new Set(searchTokens(text)), folded: fold(text), syllables: foldedSyllables(text) });
    });
  });
  const analysed = { paragraphs, sentences, frame: new Set(passage.search.split(" ")) };
  cache.delete(passage.id);
  cache.set(passage.id, { clean: passage.clean, search: passage.search, analysed });
  if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return analysed;
}
