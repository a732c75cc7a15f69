/**
 * Turns raw text (hard-wrapped PDF lines, markdown emphasis, page furniture) into clean
 * paragraphs, each keeping a map from its clean characters back to the source, so a chunk
 * can always show the verbatim text it came from.
 */
import { LIST_START } from "../src/text/drafting.ts";

export type Paragraph = {
  /** Clean text: emphasis markers dropped, hard line breaks joined, whitespace collapsed. */
  text: string;
  /** For each character of `text`, its offset in the source text. */
  map: Int32Array;
  /** Source character range [start, end). */
  start: number;
  end: number;
  /** 1-based source line range, inclusive. */
  lineStart: number;
  lineEnd: number;
};

type Line = { text: string; start: number; line: number };

/** A line that is only a separator between documents in one file ("---o0o---"). */
export const DOCUMENT_SEPARATOR = /^\s*[-–—_=*~.]{2,}\s*[oO0]\s*[0oO]\s*[oO0]\s*[-–—_=*~.]{2,}\s*$/;

/** Lines that are page furniture, not content: page numbers and PDF page markers. */
const FURNITURE = [
  /^\s*[-–—]*\s*(trang|page)?\s*\d{1,4}\s*(\/|of|trên)?\s*\d{0,4}\s*[-–—]*\s*$/i,
  /^\s*--\s*\d+\s+of\s+\d+\s*--\s*$/i,
];

/** Short lines that state where an article came from: kept as metadata, not as body text. */
export const BYLINE = /^\s*(tác giả|theo|nguồn|nguồn tin)\s*:\s*\S.*$/i;
/** A bare time stamp or date line of a web page ("05:59 07/09/2023"). */
export const TIMESTAMP_LINE = /^\s*(\d{1,2}:\d{2}(:\d{2})?\s+)?\d{1,2}[/-]\d{1,2}[/-]\d{4}(\s+\d{1,2}:\d{2})?\s*$/;

const SENTENCE_END = /[.!?…:]["”’»)\]]*\s*$/;
const STARTS_LOWER = /^\s*["“(]?\p{Ll}/u;

/** Splits text into lines with their offsets; "**…****…**" runs glued to a heading become separate lines. */
function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let lineNo = 1;
  for (const raw of source.split("\n")) {
    // Markdown bold runs glued together ("CỦA BAN BÍ THƯ****Về …", "QUAN ĐIỂM**1- Mục tiêu**") hide a line break.
    const glue = /\*{4}|\*{2}(?=\s*(?:\d{1,2}|[IVX]+)\s*[-.]\s)/g;
    let pieceStart = 0;
    for (const match of raw.matchAll(glue)) {
      const cut = match.index + (match[0].length === 4 ? 2 : 0);
      if (cut > pieceStart && raw.slice(pieceStart, cut).trim()) {
        lines.push({ text: raw.slice(pieceStart, cut), start: offset + pieceStart, line: lineNo });
        pieceStart = cut;
      }
    }
    lines.push({ text: raw.slice(pieceStart), start: offset + pieceStart, line: lineNo });
    offset += raw.length + 1;
    lineNo += 1;
  }
  return lines;
}

/** Marks characters of a line to drop: emphasis markers and broken replacement characters. */
function dropMask(text: string): Uint8Array {
  const drop = new Uint8Array(text.length);
  if (!/[*_\uFFFD]/.test(text)) return drop;
  const mark = (from: number, length: number) => drop.fill(1, from, from + length);
  for (const m of text.matchAll(/\*{2,}|_{2,}/g)) mark(m.index, m[0].length);
  // Single * or _ used as emphasis: touching a word on one side and space/punctuation on the other.
  for (const m of text.matchAll(/(?<=^|[\s("“'])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?=$|[\s)"”',.;:!?])/g)) mark(m.index, 1);
  for (const m of text.matchAll(/\uFFFD/g)) mark(m.index, 1);
  return drop;
}

/** Is this line the start of a heading or list item, which never continues the line before it? */
export type LineClassifier = (text: string) => boolean;

/**
 * A paragraph being built: its text as pieces (runs of a line copied whole, single spaces), and for each
 * UTF-16 unit of the text its offset in the source. Runs are sliced rather than copied one character at
 * a time: cleaning was the largest cost of preparing a text file (`npm run bench:ingest`, December 2026).
 */
type Builder = { parts: string[]; length: number; lastSpace: boolean; map: number[]; lineStart: number; lineEnd: number; lastLine: string; rawStart: number; rawEnd: number };

function isSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code === 32 || code === 9 || code === 0xa0 || code === 13 || code === 11 || code === 12 || (code > 0x1fff && /\s/.test(text[i]!));
}

/** A line whose only spaces are single ASCII spaces between words: kept whole (most lines are). */
const PLAIN_LINE = /^\S+(?: \S+)*$/;

function appendLine(builder: Builder, line: Line): void {
  const text = line.text;
  const drop = /[*_\uFFFD]/.test(text) ? dropMask(text) : undefined;
  if (!drop && PLAIN_LINE.test(text)) return appendPlainLine(builder, line);
  const space = (at: number) => {
    builder.parts.push(" ");
    builder.map.push(at);
    builder.length++;
    builder.lastSpace = true;
  };
  if (builder.length > 0 && !builder.lastSpace) space(line.start);
  // Start of the run of kept characters not yet copied, or -1.
  let run = -1;
  const flush = (end: number) => {
    if (run >= 0) builder.parts.push(text.slice(run, end));
    run = -1;
  };
  for (let i = 0; i < text.length; i++) {
    if (drop?.[i]) {
      flush(i);
      continue;
    }
    if (isSpaceAt(text, i)) {
      flush(i);
      if (builder.length > 0 && !builder.lastSpace) space(line.start + i);
      continue;
    }
    if (run < 0) run = i;
    builder.map.push(line.start + i);
    builder.length++;
    builder.lastSpace = false;
  }
  flush(text.length);
  endLine(builder, line);
}

/** What a line leaves on the paragraph besides its characters: its line number and the verbatim range. */
function endLine(builder: Builder, line: Line): void {
  const text = line.text;
  builder.lineEnd = line.line;
  builder.lastLine = text;
  // The verbatim range runs from the first to the last visible character, markers included.
  const lead = text.length - text.trimStart().length;
  if (builder.rawStart < 0) builder.rawStart = line.start + lead;
  builder.rawEnd = line.start + text.trimEnd().length;
}

/** `appendLine` for a plain line: its text as it is, each character at its own offset, after a space if one is due. */
function appendPlainLine(builder: Builder, line: Line): void {
  if (builder.length > 0 && !builder.lastSpace) {
    builder.parts.push(" ");
    builder.map.push(line.start);
    builder.length++;
  }
  const { text, start } = line;
  builder.parts.push(text);
  for (let i = 0; i < text.length; i++) builder.map.push(start + i);
  builder.length += text.length;
  builder.lastSpace = false;
  endLine(builder, line);
}

function finish(builder: Builder): Paragraph | undefined {
  let text = builder.parts.join("");
  let map = builder.map;
  // Parentheses left empty by a removed broken character: "(�)" → "".
  const empty = /\(\s*\)/g;
  if (empty.test(text)) {
    const keep: number[] = [];
    const kept: string[] = [];
    const cut = new Uint8Array(text.length);
    for (const m of text.matchAll(/\s?\(\s*\)/g)) cut.fill(1, m.index, m.index + m[0].length);
    for (let i = 0; i < text.length; i++) if (!cut[i]) { kept.push(text[i]!); keep.push(map[i]!); }
    text = kept.join("");
    map = keep;
  }
  let from = 0;
  let to = text.length;
  while (from < to && text[from] === " ") from++;
  while (to > from && text[to - 1] === " ") to--;
  if (from >= to) return undefined;
  const mapped = Int32Array.from(map.slice(from, to));
  return {
    text: text.slice(from, to),
    map: mapped,
    start: Math.min(builder.rawStart, mapped[0]!),
    end: Math.max(builder.rawEnd, mapped[mapped.length - 1]! + 1),
    lineStart: builder.lineStart,
    lineEnd: builder.lineEnd,
  };
}

/** Typical width of a hard-wrapped text (PDF extraction), or 0 when lines are whole paragraphs. */
function wrapWidth(lines: Line[]): number {
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length < 5) return 0;
  const p90 = lengths[Math.floor(lengths.length * 0.9)]!;
  if (p90 > 220 || p90 < 50) return 0;
  const nearWidth = lines.filter((l) => {
    const t = l.text.trim();
    return t.length >= p90 * 0.7 && !SENTENCE_END.test(t);
  }).length;
  return nearWidth / lengths.length > 0.3 ? p90 : 0;
}

export type CleanResult = {
  paragraphs: Paragraph[];
  /** Lines set aside as metadata (bylines, time stamps), with their text. */
  metaLines: string[];
  /** Indexes into `paragraphs` where a document separator stood. */
  separators: number[];
};

/**
 * Builds paragraphs. A line joins the one before it when that line does not end a sentence and
 * the new line starts in lower case, or when the text is hard-wrapped and the line before ran to
 * the wrap width. Headings and list items (per `isStructural`) always start a new paragraph.
 */
export function cleanText(source: string, isStructural: LineClassifier): CleanResult {
  const lines = splitLines(source);
  const width = wrapWidth(lines);
  const paragraphs: Paragraph[] = [];
  const metaLines: string[] = [];
  const separators: number[] = [];
  let current: Builder | undefined;

  const close = () => {
    if (current) {
      const paragraph = finish(current);
      if (paragraph) paragraphs.push(paragraph);
    }
    current = undefined;
  };

  for (const line of lines) {
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    if (DOCUMENT_SEPARATOR.test(trimmed)) {
      close();
      separators.push(paragraphs.length);
      continue;
    }
    if (FURNITURE.some((re) => re.test(trimmed))) continue;
    if ((BYLINE.test(trimmed) && trimmed.length < 120) || TIMESTAMP_LINE.test(trimmed)) {
      metaLines.push(trimmed);
      continue;
    }
    const structural = isStructural(trimmed.replace(/^[*_]+/, ""));
    if (current && /^[\p{P}\s]+$/u.test(trimmed)) {
      // A line of punctuation only (a closing bracket left alone by extraction) belongs to the line before.
      appendLine(current, line);
      continue;
    }
    if (current && !structural) {
      const previous = current.lastLine.trim();
      const previousEnds = SENTENCE_END.test(previous);
      const continuesSentence = !previousEnds && STARTS_LOWER.test(trimmed) && !LIST_START.test(trimmed);
      const wrapped = width > 0 && previous.length >= width * 0.6 && !/[.!?…:;]["”’»)]*$/.test(previous);
      if (continuesSentence || wrapped) {
        appendLine(current, line);
        continue;
      }
    }
    close();
    current = { parts: [], length: 0, lastSpace: false, map: [], lineStart: line.line, lineEnd: line.line, lastLine: "", rawStart: -1, rawEnd: -1 };
    appendLine(current, line);
  }
  close();
  return { paragraphs, metaLines, separators };
}

/** The paragraph's clean text between two of its character positions, with the source range. */
export function sliceParagraph(paragraph: Paragraph, from: number, to: number): Paragraph {
  const map = paragraph.map.slice(from, to);
  return { ...paragraph, text: paragraph.text.slice(from, to), map, start: map[0]!, end: map[map.length - 1]! + 1 };
}
