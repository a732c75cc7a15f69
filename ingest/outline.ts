/**
 * Outline detection: which paragraphs are headings, at which level, and how a citation names them.
 * Levels follow Vietnamese administrative drafting: Phần › Chương › Mục › Điều › I › 1 › 1.1 › a ›
 * labels ("* Nội dung:") › enumerations ("Bước thứ hai", "Hai là").
 */

export type HeadingKind =
  | "part" | "chapter" | "section" | "article" | "roman" | "arabic" | "arabic2" | "letter" | "label" | "item";

export type Heading = { kind: HeadingKind; level: number; label: string };

const LEVEL: Record<HeadingKind, number> = {
  part: 1, chapter: 2, section: 3, article: 4, roman: 5, arabic: 6, arabic2: 7, letter: 8, label: 9, item: 10,
};

const ROMAN = "(?:X{0,3}(?:IX|IV|V?I{0,3}))";
const ORDINALS = "nhất|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười";

const PATTERNS: Array<[HeadingKind, RegExp]> = [
  ["part", /^(PHẦN|Phần)\s+(THỨ\s+\S+|thứ\s+\S+|[IVXLC]+\b|\d+\b)/u],
  ["chapter", /^(CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b/u],
  ["section", /^(MỤC|Mục)\s+(\d+|[IVXLC]+)\s*[.:\-–]?\s/u],
  ["article", /^(Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:\-–]/u],
  ["roman", new RegExp(`^(?=[IVX])${ROMAN}\\s*[.\\-–):]\\s*\\S`, "u")],
  ["arabic2", /^\d{1,2}\.\d{1,2}\.?\s+\S/u],
  ["arabic", /^\d{1,2}\s*[.\-–)]\s+\S/u],
  ["letter", /^[a-zđ]\s*[.)]\s+\S/u],
  ["label", /^[*•]\s*[^*]{2,60}:\s*$/u],
  ["item", new RegExp(`^[-–+•]?\\s*((Bước|BƯỚC)\\s+(thứ|THỨ)\\s+(${ORDINALS}|\\d+)|(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\\s+là|Thứ\\s+(${ORDINALS})(\\s+là)?)\\s*[,:.]?\\s`, "iu")],
];

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
  for (const [kind, pattern] of PATTERNS) {
    if (!pattern.test(trimmed)) continue;
    // "1- …" that is a date or figure ("15-10-1949", "2- 3 lần") is not a heading.
    if ((kind === "arabic" || kind === "roman") && /^\d{1,2}\s*[-.]\s*\d/.test(trimmed)) continue;
    return { kind, level: LEVEL[kind], label: shortLabel(trimmed, kind) };
  }
  return undefined;
}

export function isStructuralLine(text: string): boolean {
  return detectHeading(text) !== undefined;
}

/** Renames a numbered heading inside an Điều as the law names it: "Khoản 1", "Điểm a". */
export function legalLabel(heading: Heading, insideArticle: boolean): string {
  if (!insideArticle) return heading.label;
  const number = heading.label.match(/^(\d{1,2}|[a-zđ])\s*[.)\-–]\s*(.*)$/u);
  if (!number) return heading.label;
  const [, mark, rest] = number;
  const name = heading.kind === "arabic" ? `Khoản ${mark}` : heading.kind === "letter" ? `Điểm ${mark}` : heading.label;
  return rest && heading.label.length <= 60 ? `${name}. ${rest}` : name;
}
