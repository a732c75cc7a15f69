/**
 * Outline detection: which paragraphs are headings, at which level, and how a citation names them.
 * Levels follow Vietnamese administrative drafting: Phần › Chương › Mục › Điều › I › 1 › 1.1 › a ›
 * labels ("* Nội dung:") › enumerations ("Bước thứ hai", "Hai là").
 */
import type { HeadingKind } from "../src/text/drafting.ts";
import { HEADING_LEVEL, HEADING_PATTERNS } from "../src/text/drafting.ts";

export type { HeadingKind } from "../src/text/drafting.ts";

export type Heading = { kind: HeadingKind; level: number; label: string };

/** Max characters of a heading used whole as its label; longer numbered paragraphs are cut. */
const LABEL_MAX = 110;

function shortLabel(text: string, kind: HeadingKind): string {
  const cleaned = text.replace(/^[-–+•*]\s*/, "").replace(/\s*[:.;,]\s*$/, "").trim();
  if (cleaned.length <= LABEL_MAX) return cleaned;
  // A long numbered paragraph: name it by its first words, ending at a clause break when one is near.
  const words = cleaned.split(/\s+/);
  const limit = kind === "item" ? 9 : 12;
  let label = words.slice(0, limit).join(" ");
  const clause = label.search(/[;:]/);
  if (clause > 20) label = label.slice(0, clause);
  return `${label.replace(/[,;:.]$/, "")}…`;
}

/** Detects a heading at the start of a paragraph; undefined for body text. */
export function detectHeading(text: string): Heading | undefined {
  const trimmed = text.trim();
  for (const [kind, pattern] of HEADING_PATTERNS) {
    if (!pattern.test(trimmed)) continue;
    // "1- …" that is a date or figure ("15-10-1949", "2- 3 lần") is not a heading.
    if ((kind === "arabic" || kind === "roman") && /^\d{1,2}\s*[-.]\s*\d/.test(trimmed)) continue;
    return { kind, level: HEADING_LEVEL[kind], label: shortLabel(trimmed, kind) };
  }
  return undefined;
}

export function isStructuralLine(text: string): boolean {
  return detectHeading(text) !== undefined;
}

/** Renames a numbered heading inside an Điều as the law names it: "Khoản 1", "Điểm a". */
export function legalLabel(heading: Heading, insideArticle: boolean): string {
  if (!insideArticle) return heading.label;
  const number = heading.label.match(/^(\d{1,2}|[a-zđ]\d?)\s*[.)\-–]\s*(.*)$/u);
  if (!number) return heading.label;
  const [, mark, rest] = number;
  const name = heading.kind === "arabic" ? `Khoản ${mark}` : heading.kind === "letter" ? `Điểm ${mark}` : heading.label;
  return rest && heading.label.length <= 60 ? `${name}. ${rest}` : name;
}
