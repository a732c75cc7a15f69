import type { AnswerResult } from "../../src/answer/types.ts";
import { SECTION_SEPARATOR } from "../../src/index/schema.ts";

/** Plain-text rendering of an answer for the terminal: the answer, then its sources. */
export function renderAnswerText(result: AnswerResult): string {
  if (result.abstained) return result.answer;
  const sources = result.citations.map((c) => {
    const id = c.docNumber ? ` (số ${c.docNumber})` : "";
    const where = c.section ? `${SECTION_SEPARATOR}${c.section}` : "";
    return `[${c.n}] ${c.docTitle}${id}${where}`;
  });
  return `${result.answer}\n\nNguồn:\n${sources.join("\n")}`;
}
