import type { Passage } from "../index/schema.ts";
import type { Citation } from "./types.ts";

/**
 * Checks a generated answer's [n] markers against the passages it was given: markers that point at
 * no passage are removed, the others renumbered in order of use. Returns the cleaned text and the
 * citations that remain.
 */
export function verifyCitations(text: string, passages: Passage[], quoteOf: (p: Passage) => string): { text: string; citations: Citation[] } {
  const used = new Map<number, number>();
  const cleaned = text.replace(/\s*\[(\d{1,3})\]/g, (_match, digits: string) => {
    const n = Number(digits);
    if (n < 1 || n > passages.length) return "";
    if (!used.has(n)) used.set(n, used.size + 1);
    return ` [${used.get(n)}]`;
  });
  const citations = [...used.entries()].map(([original, n]): Citation => {
    const passage = passages[original - 1]!;
    return { n, chunkId: passage.id, docTitle: passage.docTitle, docNumber: passage.docNumber, section: passage.section, quote: quoteOf(passage), label: passage.citation, alsoIn: [] };
  });
  return { text: cleaned.replace(/[ \t]+\n/g, "\n").trim(), citations };
}
