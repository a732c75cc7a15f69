import type { TermStats } from "../index/term-stats.ts";
import type { AnalysedQuery } from "../query.ts";
import type { RankedPassage } from "../retrieve.ts";
import { coverage, definesSubject, hasOrdinalItem } from "../score.ts";
import { collapseWhitespace, fold } from "../text/normalize.ts";
import { sentenceRanges } from "../text/sentences.ts";
import { searchTokens } from "../text/terms.ts";
import type { Citation } from "./types.ts";

/**
 * The answer without a language model: the sentences of the retrieved passages that best answer the
 * question, quoted verbatim with [n] markers; or, when the question asks for a list (duties, steps,
 * tasks) and a passage holds one, the items of that list in order, one per line.
 */

type Sentence = {
  text: string;
  passage: number;
  paragraph: number;
  index: number;
  score: number;
  evidence: number;
};

type Paragraph = { text: string; marker: string | undefined };

/** The kind of list marker a paragraph starts with; items of one list share it. */
const MARKERS: Array<[string, RegExp]> = [
  ["dash", /^\s*[-–+•]\s/u],
  ["step", /^\s*(?:Bước|BƯỚC)\s+thứ\s/u],
  ["ordinal", /^\s*[-–+•]?\s*(?:(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là|Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))(?![\p{L}])/u],
  ["number", /^\s*\d{1,2}\s*[.)\-–]\s/u],
  ["letter", /^\s*[a-zđ]\s*[.)]\s/u],
];

function markerOf(text: string): string | undefined {
  return MARKERS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** Questions whose answer is naturally a list: duties, tasks, contents, methods, steps, who. */
const LIST_QUESTION = /\b(nhung|cac|gom|bao gom|nhiem vu|trach nhiem|noi dung|phuong thuc|giai phap|cac buoc|quy trinh|lam gi|nhung ai|ke ten|liet ke|yeu cau)\b/;

const MAX_ITEMS = 10;
const ITEM_CHARS = 220;
const MAX_SENTENCES = 3;
const MAX_ANSWER_CHARS = 700;

function paragraphsOf(clean: string): Paragraph[] {
  return clean.split(/\n{2,}/).map((text) => ({ text: text.trim(), marker: markerOf(text) })).filter((p) => p.text);
}

function shorten(text: string, max: number): string {
  const collapsed = collapseWhitespace(text);
  if (collapsed.length <= max) return collapsed;
  const cut = collapsed.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).replace(/[,;:]$/, "")}…`;
}

type ListBlock = { passage: number; first: number; last: number; score: number };

/**
 * The list that answers a list question: runs of two or more paragraphs with the same marker, each
 * scored by how well its lead-in (or label, "* Phương thức:") and first items cover the question.
 */
function bestListBlock(query: AnalysedQuery, searches: string[], paragraphsByPassage: Paragraph[][], preferred: number, stats: TermStats): ListBlock | undefined {
  let best: ListBlock | undefined;
  paragraphsByPassage.forEach((paragraphs, p) => {
    if (p > 1) return;
    let i = 0;
    while (i < paragraphs.length) {
      const marker = paragraphs[i]!.marker;
      let j = i;
      while (marker && j + 1 < paragraphs.length && paragraphs[j + 1]!.marker === marker) j++;
      if (marker && j > i) {
        const lead = paragraphs[i - 1]?.text ?? "";
        const body = paragraphs.slice(i, Math.min(j + 1, i + 4)).map((x) => x.text).join(" ");
        const framed = coverage(query, new Set(searchTokens(`${lead} ${body}`)), stats).combined;
        const leadCover = coverage(query, new Set(searchTokens(lead)), stats).concepts;
        const whole = coverage(query, new Set(searches[p]!.split(" ")), stats).combined;
        const score = 0.45 * framed + 0.3 * leadCover + 0.25 * whole + (p === preferred ? 0.1 : 0);
        if (!best || score > best.score) best = { passage: p, first: i, last: j, score };
      }
      i = j + 1;
    }
  });
  return best;
}

export type ExtractiveResult = {
  answer: string;
  mode: "extractive" | "list";
  citations: Citation[];
  /** How well the best evidence covers the question, 0..1. */
  evidence: number;
};

export function extractiveAnswer(query: AnalysedQuery, ranked: RankedPassage[], stats: TermStats): ExtractiveResult {
  const top = ranked.slice(0, 3);
  const sentences: Sentence[] = [];
  const paragraphsByPassage = top.map(({ passage }) => paragraphsOf(passage.clean));
  top.forEach(({ passage }, p) => {
    // The whole passage (with its title, headings and any lead-in) frames each of its sentences.
    const context = new Set(passage.search.split(" "));
    paragraphsByPassage[p]!.forEach((paragraph, g) => {
      sentenceRanges(paragraph.text).forEach(([start, end], index) => {
        const text = paragraph.text.slice(start, end);
        // A heading ("1. Thế nào là dân vận") names a topic; it does not answer the question.
        if (text.length < 90 && !/[.!?…:;"”)]$/.test(text) && index === 0 && sentenceRanges(paragraph.text).length === 1) return;
        const own = new Set(searchTokens(text));
        const alone = coverage(query, own, stats, text);
        const framed = coverage(query, context, stats, text);
        const ordinal = hasOrdinalItem(query, index === 0 ? paragraph.text : text) ? 0.3 : 0;
        const defines = definesSubject(query, text) ? 0.25 : 0;
        const evidence = Math.min(1, 0.6 * alone.combined + 0.4 * framed.combined + ordinal);
        sentences.push({ text, passage: p, paragraph: g, index, evidence, score: evidence + defines + 0.08 * (2 - p) });
      });
    });
  });
  sentences.sort((a, b) => b.score - a.score);
  // Asked for an item by its number ("bước thứ hai"): answer from that item when a passage has it.
  const ordinalHit = query.ordinal ? sentences.find((s) => s.index === 0 && hasOrdinalItem(query, paragraphsByPassage[s.passage]![s.paragraph]!.text)) : undefined;
  const best = ordinalHit ?? sentences[0];
  if (!best) return { answer: "", mode: "extractive", citations: [], evidence: 0 };

  const citations: Citation[] = [];
  const cite = (p: number, quote: string): number => {
    const passage = top[p]!.passage;
    let citation = citations.find((c) => c.chunkId === passage.id);
    if (!citation) {
      citation = { n: citations.length + 1, chunkId: passage.id, docTitle: passage.docTitle, docNumber: passage.docNumber, section: passage.section, quote: "", label: passage.citation };
      citations.push(citation);
    }
    citation.quote = citation.quote ? `${citation.quote} … ${quote}` : quote;
    return citation.n;
  };

  // A list question answered from a passage that holds a list: give the items in order.
  const evidence = Math.max(...sentences.map((s) => s.evidence));
  const wantsList = LIST_QUESTION.test(fold(query.question)) && !query.ordinal;
  if (wantsList) {
    const block = bestListBlock(query, top.map((r) => r.passage.search), paragraphsByPassage, best.passage, stats);
    if (block) {
      const { passage: p, first, last } = block;
      const paragraphs = paragraphsByPassage[p]!;
      const items = paragraphs.slice(first, last + 1);
      const before = paragraphs[first - 1]?.text;
      const lead = before && (/:\s*$/.test(before) || (before.length <= 120 && !/[.;]$/.test(before))) ? before : undefined;
      const shown = items.slice(0, MAX_ITEMS).map((item) => {
        const [range] = sentenceRanges(item.text);
        const firstSentence = range ? item.text.slice(range[0], range[1]) : item.text;
        return shorten(firstSentence, ITEM_CHARS);
      });
      const n = cite(p, [lead, ...shown].filter(Boolean).join(" … "));
      const heading = top[p]!.passage.section.split(" › ").filter((h) => !h.includes(" – ")).pop() ?? "";
      const intro = lead ? collapseWhitespace(lead).replace(/^[*•]\s*/, "").replace(/(?<![:.])$/, ":") : heading ? `${heading}:` : "";
      const lines = shown.map((item) => (/^[-–+•*]\s/.test(item) ? item.replace(/^[-–+•*]\s*/, "- ") : `- ${item}`));
      if (items.length > MAX_ITEMS) lines.push(`(còn ${items.length - MAX_ITEMS} ý nữa trong nguồn [${n}])`);
      return { answer: `${intro} [${n}]\n${lines.join("\n")}`.trim(), mode: "list", citations, evidence };
    }
  }

  // Otherwise the best sentence, with the sentences that come close to it.
  const chosen: Sentence[] = [best];
  let length = best.text.length;
  for (const candidate of ordinalHit ? [] : sentences.slice(1)) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (candidate.score < best.score * 0.9 || length + candidate.text.length > MAX_ANSWER_CHARS) continue;
    if (chosen.some((c) => fold(c.text) === fold(candidate.text))) continue;
    chosen.push(candidate);
    length += candidate.text.length;
  }
  // An enumerated item asked for by its number reads whole: keep the next sentence of its paragraph.
  if (query.ordinal && best.index === 0 && chosen.length === 1) {
    const next = sentences.find((s) => s.passage === best.passage && s.paragraph === best.paragraph && s.index === 1);
    if (next && length + next.text.length <= MAX_ANSWER_CHARS) chosen.push(next);
  }
  chosen.sort((a, b) => a.passage - b.passage || a.paragraph - b.paragraph || a.index - b.index);
  const parts = chosen.map((sentence) => {
    const quote = collapseWhitespace(sentence.text);
    return `${quote} [${cite(sentence.passage, quote)}]`;
  });
  return { answer: parts.join(" "), mode: "extractive", citations, evidence };
}
