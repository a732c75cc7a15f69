import type { AnswerResult } from "../../src/answer/types.ts";

/** Plain-text rendering of an answer for the terminal: the answer, then its sources. */
export function renderAnswerText(result: AnswerResult): string {
  if (result.abstained) return result.answer;
  const sources = result.citations.map((c) => `[${c.n}] ${c.label}`);
  return `${result.answer}\n\nNguồn:\n${sources.join("\n")}`;
}
