import { OUTLINE_NUMBER } from "../../text/drafting.ts";
import { collapseWhitespace } from "../../text/normalize.ts";
import { sentenceRanges } from "../../text/sentences.ts";

/** Cuts a text to at most `max` characters at a word boundary, with "…". */
export function shorten(text: string, max: number): string {
  const collapsed = collapseWhitespace(text);
  if (collapsed.length <= max) return collapsed;
  const cut = collapsed.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).replace(/[,;:]$/, "")}…`;
}

/** The first sentence of a paragraph (an item reads by its first sentence), shortened to `max`. */
export function firstSentence(paragraph: string, max: number): string {
  // "e. Ai làm…", "2. Thủ trưởng…": an outline number is not a sentence of its own.
  const number = paragraph.match(OUTLINE_NUMBER)?.[0];
  if (number) return shorten(`${number}${firstSentence(paragraph.slice(number.length), max)}`, max);
  const [range] = sentenceRanges(paragraph);
  return shorten(range ? paragraph.slice(range[0], range[1]) : paragraph, max);
}

/** The sentences of a paragraph, in order. */
export function sentencesOf(paragraph: string): string[] {
  return sentenceRanges(paragraph).map(([start, end]) => paragraph.slice(start, end));
}
