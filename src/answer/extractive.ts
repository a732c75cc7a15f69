import type { TermStats } from "../index/term-stats.ts";
import type { AnalysedQuery } from "../query.ts";
import type { RankedPassage } from "../retrieve.ts";
import { coverage, definesSubject, hasOrdinalItem, phraseMatch } from "../score.ts";
import { collapseWhitespace, fold, syllables } from "../text/normalize.ts";
import { sentenceRanges } from "../text/sentences.ts";
import { isFunctionWord, searchTokens } from "../text/terms.ts";
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

const LIST_WORDS = new Set(["nhiem", "vu", "trach", "noi", "dung", "phuong", "thuc", "giai", "phap", "buoc", "yeu", "cau", "lam", "gom", "bao", "cac", "nhung"]);

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
function bestListBlock(query: AnalysedQuery, searches: string[], paragraphsByPassage: Paragraph[][], preferred: number, stats: TermStats, prior: number[]): ListBlock | undefined {
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
        const score = 0.35 * framed + 0.25 * leadCover + 0.2 * whole + (p === preferred ? 0.05 : 0) + 0.3 * prior[p]!;
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
  // How the retriever ranked each passage, relative to the first: its headings and title count there.
  const prior = top.map((r) => Math.max(0, r.score) / Math.max(1e-9, top[0]!.score));
  const sentences: Sentence[] = [];
  const paragraphsByPassage = top.map(({ passage }) => paragraphsOf(passage.clean));
  top.forEach(({ passage }, p) => {
    // The whole passage (with its title, headings and any lead-in) frames each of its sentences.
    const context = new Set(passage.search.split(" "));
    paragraphsByPassage[p]!.forEach((paragraph, g) => {
      sentenceRanges(paragraph.text).forEach(([start, end], index) => {
        const text = paragraph.text.slice(start, end);
        // A heading ("1. Thế nào là dân vận") names a topic; it does not answer the question.
        if (paragraph.text.length < 120 && !/[.!…:;"”)]$/.test(paragraph.text)) return;
        const own = new Set(searchTokens(text));
        const alone = coverage(query, own, stats, text);
        const framed = coverage(query, context, stats, text);
        const ordinal = hasOrdinalItem(query, index === 0 ? paragraph.text : text) ? 0.3 : 0;
        const defines = definesSubject(query, text) ? 0.25 : 0;
        const evidence = Math.min(1, 0.6 * alone.combined + 0.4 * framed.combined + ordinal);
        const phrase = 0.3 * phraseMatch(query, syllables(text).map(fold));
        sentences.push({ text, passage: p, paragraph: g, index, evidence, score: evidence + defines + phrase + 0.25 * prior[p]! });
      });
    });
  });
  sentences.sort((a, b) => b.score - a.score);
  // Asked for an item by its number ("bước thứ hai"): answer from that item when a passage has it.
  const ordinalHit = query.ordinal ? sentences.find((s) => s.index === 0 && hasOrdinalItem(query, paragraphsByPassage[s.passage]![s.paragraph]!.text)) : undefined;
  // When the first passage's own heading asks the question ("AI PHỤ TRÁCH DÂN VẬN ?", "Vai trò của
  // công tác dân vận"), its opening sentences are the answer even if they repeat none of its words.
  const leaf = top[0]!.passage.section.split(" › ").pop() ?? "";
  // The heading must be mostly the question's own words ("1- Mục tiêu" for "Mục tiêu của … là gì?"),
  // not a long heading that happens to contain them.
  const leafWords = syllables(leaf.replace(/^(?:[IVXLC]+|\d{1,2}|[a-zđ])\s*[.\-–)]\s*/u, "")).map(fold).filter((w) => !isFunctionWord(w));
  const questionWords = new Set(query.sequence);
  const leafPrecision = leafWords.length ? leafWords.filter((w) => questionWords.has(w)).length / leafWords.length : 0;
  // …and together with the document's identity it must cover most of the question: "2. Thủ trưởng cơ
  // quan" does not answer what the head of the agency owes the people's inspection board.
  const identity = `${top[0]!.passage.docKind} ${top[0]!.passage.docTitle} ${top[0]!.passage.docIssuer} ${top[0]!.passage.section}`;
  const headingRecall = coverage(query, new Set(searchTokens(identity)), stats).concepts;
  const headingAnswers = !ordinalHit && leafWords.length >= 2 && leafPrecision >= 0.6 && headingRecall >= 0.7;
  const headingAt = paragraphsByPassage[0]!.findIndex((p) => fold(p.text).startsWith(fold(leaf).replace(/…$/, "").slice(0, 12)));
  const opening = headingAnswers
    ? sentences.filter((s) => s.passage === 0 && s.paragraph > headingAt).sort((a, b) => a.paragraph - b.paragraph || a.index - b.index)[0]
    : undefined;
  const best = ordinalHit ?? opening ?? sentences[0];
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
    const candidate = bestListBlock(query, top.map((r) => r.passage.search), paragraphsByPassage, best.passage, stats, prior);
    // The list must come from where the best evidence is; and when one item stands out (the question
    // names it: "giao Ban Dân vận làm gì"), that item is the answer, not the whole list.
    const inBlock = (s: Sentence) => candidate && s.passage === candidate.passage && s.paragraph >= candidate.first && s.paragraph <= candidate.last;
    // Words that name the list ("trách nhiệm", "nhiệm vụ") say nothing about which item is meant.
    // Nor do the words of the list's own heading and lead-in: they describe every item alike.
    const shared = new Set(LIST_WORDS);
    if (candidate) {
      const lead = paragraphsByPassage[candidate.passage]![candidate.first - 1]?.text ?? "";
      for (const word of syllables(`${top[candidate.passage]!.passage.section} ${lead}`).map(fold)) shared.add(word);
    }
    const specific = { ...query, concepts: query.concepts.filter((c) => !shared.has(c.folded)), bigrams: query.bigrams.filter((b) => !b.token.split("_").some((w) => shared.has(w))) };
    const itemScores = candidate
      ? paragraphsByPassage[candidate.passage]!.slice(candidate.first, candidate.last + 1).map((item) => coverage(specific, new Set(searchTokens(item.text)), stats).combined).sort((a, b) => b - a)
      : [];
    const standsOut = itemScores.length >= 2 && itemScores[0]! >= itemScores[1]! + 0.2 && inBlock(best);
    const block = candidate && (candidate.passage === best.passage || candidate.passage === 0) && !standsOut ? candidate : undefined;
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
      // The list's heading reads as a lead-in without its outline number ("2. Thủ trưởng cơ quan" → "Thủ trưởng cơ quan").
      const outlineNumber = /^(?:[IVXLC]+|\d{1,2}|[a-zđ])\s*[.\-–)]\s+/u;
      const intro = lead ? collapseWhitespace(lead).replace(/^[*•]\s*/, "").replace(outlineNumber, "").replace(/(?<![:.])$/, ":") : heading ? `${heading.replace(outlineNumber, "")}:` : "";
      const lines = shown.map((item) => (/^[-–+•*]\s/.test(item) ? item.replace(/^[-–+•*]\s*/, "- ") : `- ${item}`));
      if (items.length > MAX_ITEMS) lines.push(`(còn ${items.length - MAX_ITEMS} ý nữa trong nguồn [${n}])`);
      return { answer: `${intro} [${n}]\n${lines.join("\n")}`.trim(), mode: "list", citations, evidence };
    }
  }

  // Otherwise the best sentence, with the sentences that come close to it.
  const chosen: Sentence[] = [best];
  let length = best.text.length;
  // Another sentence joins only when it scores close to the best one and brings a part of the
  // question the chosen ones leave out: no padding with near-repeats.
  const covered = new Set(query.concepts.map((c) => c.folded).filter((w) => syllables(best.text).map(fold).includes(w)));
  const followers = opening
    ? sentences.filter((s) => s.passage === 0 && s !== opening && s.paragraph > headingAt).sort((a, b) => a.paragraph - b.paragraph || a.index - b.index).slice(0, 2)
    : [];
  for (const next of followers) {
    if (length + next.text.length > MAX_ANSWER_CHARS) break;
    chosen.push(next);
    length += next.text.length;
  }
  for (const candidate of ordinalHit || opening ? [] : sentences.slice(1)) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (candidate.score < best.score * 0.9 || length + candidate.text.length > MAX_ANSWER_CHARS) continue;
    const words = new Set(syllables(candidate.text).map(fold));
    const adds = query.concepts.filter((c) => !covered.has(c.folded) && words.has(c.folded));
    if (adds.length === 0) continue;
    for (const c of adds) covered.add(c.folded);
    chosen.push(candidate);
    length += candidate.text.length;
  }
  // An enumerated item asked for by its number reads whole: keep the next sentence of its paragraph.
  if (query.ordinal && best.index === 0 && chosen.length === 1) {
    const next = sentences.find((s) => s.passage === best.passage && s.paragraph === best.paragraph && s.index === 1);
    if (next && length + next.text.length <= MAX_ANSWER_CHARS) chosen.push(next);
  }
  // The best sentence leads; the others follow in document order.
  const rest = chosen.slice(1).sort((a, b) => a.passage - b.passage || a.paragraph - b.paragraph || a.index - b.index);
  chosen.splice(1, chosen.length - 1, ...rest);
  const parts = chosen.map((sentence) => {
    const quote = collapseWhitespace(sentence.text).replace(/^[-–+•*]\s*/, "");
    return `${quote} [${cite(sentence.passage, quote)}]`;
  });
  return { answer: parts.join(" "), mode: "extractive", citations, evidence };
}
