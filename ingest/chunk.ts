import { sentenceRanges } from "../src/text/sentences.ts";
import type { Paragraph } from "./clean.ts";
import { sliceParagraph } from "./clean.ts";
import type { Heading } from "./outline.ts";
import { detectHeading, legalLabel } from "./outline.ts";

/**
 * Structure-aware chunking. A section that fits stays whole with its heading; a larger one is cut
 * between its subsections, enumerations ("Một là", "Bước thứ hai") are packed together up to the
 * size limit, and a paragraph is only ever cut between sentences. Every chunk keeps its heading path.
 */

export type ChunkLimits = { maxChars: number; minChars: number };
export const DEFAULT_LIMITS: ChunkLimits = { maxChars: 1600, minChars: 280 };

export type DraftChunk = {
  headings: string[];
  paragraphs: Paragraph[];
  /** The lead-in of an enumeration ("… cụ thể hóa thành tám nội dung như sau:") when the chunk holds later items without it. Indexed, not quoted. */
  context?: string;
};

type Section = {
  heading?: Heading;
  label: string;
  body: Paragraph[];
  children: Section[];
  size: number;
};

/** Builds the outline tree. Paragraphs before the first heading belong to the root. */
export function buildOutline(paragraphs: Paragraph[]): Section {
  const root: Section = { label: "", body: [], children: [], size: 0 };
  const stack: Section[] = [root];
  let titleOf: Section | undefined;
  for (const paragraph of paragraphs) {
    const heading = detectHeading(paragraph.text);
    if (!heading) {
      const top = stack[stack.length - 1]!;
      // "Chương II" followed by its name on the next line ("TRÁCH NHIỆM VÀ QUYỀN HẠN"): one label.
      if (titleOf === top && paragraph.text.length <= 120 && paragraph.text === paragraph.text.toUpperCase() && /\p{L}/u.test(paragraph.text)) {
        top.label = `${top.label}. ${paragraph.text}`;
      }
      titleOf = undefined;
      top.body.push(paragraph);
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.heading!.level >= heading.level) stack.pop();
    const insideArticle = stack.some((section) => section.heading?.kind === "article");
    const section: Section = { heading, label: legalLabel(heading, insideArticle), body: [paragraph], children: [], size: 0 };
    stack[stack.length - 1]!.children.push(section);
    stack.push(section);
    titleOf = heading.level <= 3 && paragraph.text.length <= 30 ? section : undefined;
  }
  const measure = (section: Section): number => {
    section.size = section.body.reduce((n, p) => n + p.text.length + 1, 0) + section.children.reduce((n, c) => n + measure(c), 0);
    return section.size;
  };
  measure(root);
  return root;
}

function allParagraphs(section: Section): Paragraph[] {
  return [...section.body, ...section.children.flatMap(allParagraphs)];
}

/** Cuts an over-long paragraph between sentences into pieces of at most `max` characters. */
function splitParagraph(paragraph: Paragraph, max: number): Paragraph[] {
  if (paragraph.text.length <= max) return [paragraph];
  const pieces: Paragraph[] = [];
  let from = 0;
  let last = 0;
  for (const [, end] of sentenceRanges(paragraph.text)) {
    if (end - from > max && last > from) {
      pieces.push(sliceParagraph(paragraph, from, last));
      from = last;
      while (from < paragraph.text.length && paragraph.text[from] === " ") from++;
    }
    last = end;
  }
  if (from < paragraph.text.length) pieces.push(sliceParagraph(paragraph, from, paragraph.text.length));
  return pieces;
}

/** Greedy packing of paragraphs into chunks of at most `max` characters. */
function pack(paragraphs: Paragraph[], path: string[], limits: ChunkLimits): DraftChunk[] {
  const chunks: DraftChunk[] = [];
  let current: Paragraph[] = [];
  let size = 0;
  for (const paragraph of paragraphs.flatMap((p) => splitParagraph(p, limits.maxChars))) {
    if (current.length > 0 && size + paragraph.text.length > limits.maxChars) {
      chunks.push({ headings: path, paragraphs: current });
      current = [];
      size = 0;
    }
    current.push(paragraph);
    size += paragraph.text.length + 1;
  }
  if (current.length > 0) {
    // A short tail joins the chunk before it when the two together stay near the limit.
    const previous = chunks[chunks.length - 1];
    const previousSize = previous ? previous.paragraphs.reduce((n, p) => n + p.text.length + 1, 0) : 0;
    if (previous && size < limits.minChars && previousSize + size <= limits.maxChars * 1.3) previous.paragraphs.push(...current);
    else chunks.push({ headings: path, paragraphs: current });
  }
  return chunks;
}

const isEnumeration = (section: Section) => section.heading?.kind === "item" || section.heading?.kind === "label";

/** Articles (Điều) and the parts above them are the units a legal citation names: never merged. */
function holdsArticles(section: Section): boolean {
  return section.children.some((child) => child.heading!.level <= 4 || holdsArticles(child));
}

function chunkSection(section: Section, path: string[], limits: ChunkLimits, carry: Paragraph[]): DraftChunk[] {
  const here = section.label ? [...path, section.label] : path;
  const carrySize = carry.reduce((n, p) => n + p.text.length + 1, 0);
  if (section.size + carrySize <= limits.maxChars && !holdsArticles(section)) {
    return [{ headings: here, paragraphs: [...carry, ...allParagraphs(section)] }];
  }
  const out: DraftChunk[] = [];
  const ownSize = section.body.reduce((n, p) => n + p.text.length + 1, 0);
  let pending = [...carry, ...section.body];
  // A whole enumeration (the five steps, "Một là … Tám là") stays in one chunk with its lead-in, up
  // to twice the limit: a list answered in pieces misleads more than a long passage does.
  const enumeration = section.children.filter(isEnumeration);
  const enumerationSize = enumeration.reduce((n, c) => n + c.size, 0);
  const wholeList = enumeration.length > 1 && enumeration.length === section.children.length
    && enumerationSize + ownSize + carrySize <= limits.maxChars * 2;
  // A bare heading or a short lead-in travels with the first subsection instead of standing alone.
  if (!wholeList && (ownSize >= limits.minChars || section.children.length === 0)) {
    const packed = pack(pending, here, limits);
    pending = [];
    // A lead-in ("… đề ra bảy nhóm nhiệm vụ:") left short at the end goes with the items it introduces.
    const tail = packed[packed.length - 1];
    if (tail && packed.length > 1 && section.children.length > 0 && tail.paragraphs.reduce((n, p) => n + p.text.length, 0) < limits.minChars) {
      packed.pop();
      pending = tail.paragraphs;
    }
    out.push(...packed);
  }
  let group: Section[] = [];
  let groupSize = 0;
  const flushGroup = (maxChars = limits.maxChars, whole = false) => {
    if (group.length === 0) return;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const label = group.length === 1 ? first.label : `${first.label} – ${last.label}`;
    const paragraphs = [...pending, ...group.flatMap(allParagraphs)];
    const withLead = pending.length > 0;
    pending = [];
    const lead = section.body.length > 1 ? section.body[section.body.length - 1]!.text : undefined;
    for (const chunk of pack(paragraphs, whole ? here : [...here, label], { ...limits, maxChars })) {
      out.push(withLead && chunk.paragraphs[0] === paragraphs[0] || !lead ? chunk : { ...chunk, context: lead });
    }
    group = [];
    groupSize = 0;
  };
  if (wholeList) {
    group = enumeration;
    flushGroup(limits.maxChars * 2 + ownSize + carrySize, true);
    return out;
  }
  for (const child of section.children) {
    if (isEnumeration(child) && child.size <= limits.maxChars) {
      if (groupSize + child.size > limits.maxChars) flushGroup();
      group.push(child);
      groupSize += child.size;
      continue;
    }
    flushGroup();
    out.push(...chunkSection(child, here, limits, pending));
    pending = [];
  }
  flushGroup();
  if (pending.length > 0) out.push(...pack(pending, here, limits));
  return out;
}

export function chunkParagraphs(paragraphs: Paragraph[], limits: ChunkLimits = DEFAULT_LIMITS): DraftChunk[] {
  return chunkSection(buildOutline(paragraphs), [], limits, []);
}
