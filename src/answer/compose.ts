import type { Passage } from "../index/schema.ts";
import { SECTION_SEPARATOR } from "../index/schema.ts";
import { messages } from "../messages.ts";
import type { RankedPassage } from "../retrieve.ts";
import { isRealHeading } from "../structure/blocks.ts";
import { withoutOutlineNumber } from "../text/drafting.ts";
import { collapseWhitespace } from "../text/normalize.ts";
import type { Candidate } from "./candidate.ts";
import type { ScoredSentence } from "./evidence.ts";
import { shorten } from "./rules/text.ts";
import type { Citation } from "./types.ts";
import { LIMITS } from "./weights.ts";

/** Numbered citations in order of first use; each keeps the words quoted from its passage. */
class Citations {
  readonly list: Citation[] = [];

  cite(passage: Passage, quote: string, within?: string): number {
    let citation = this.list.find((c) => c.chunkId === passage.id);
    if (!citation) {
      // A heading inside the passage that the quote sits under makes the source exact.
      const deeper = within && passage.headings.at(-1) !== within ? within : undefined;
      const section = deeper ? [passage.section, deeper].filter(Boolean).join(SECTION_SEPARATOR) : passage.section;
      const label = deeper ? `${passage.citation}${SECTION_SEPARATOR}${deeper}` : passage.citation;
      citation = { n: this.list.length + 1, chunkId: passage.id, docTitle: passage.docTitle, docNumber: passage.docNumber, section, quote: "", label, alsoIn: [] };
      this.list.push(citation);
    }
    citation.quote = citation.quote ? `${citation.quote} … ${quote}` : quote;
    return citation.n;
  }
}

const bare = (text: string) => collapseWhitespace(text).replace(/^[-–+•*]\s*/u, "");

/** A confident answer: the candidate's lines, quoted verbatim, each passage cited with [n]. */
export function composeAnswer(candidate: Candidate): { text: string; citations: Citation[] } {
  const citations = new Citations();
  if (!candidate.listed) {
    // Sentences read on; the marker follows the last sentence quoted from each passage.
    const parts = candidate.lines.map((line, i) => {
      const n = citations.cite(line.passage, bare(line.text), line.within);
      return candidate.lines[i + 1]?.passage.id === line.passage.id ? bare(line.text) : `${bare(line.text)} [${n}]`;
    });
    return { text: parts.join(" "), citations: citations.list };
  }
  const out: string[] = [];
  let current: string | undefined;
  if (candidate.lead) {
    const n = citations.cite(candidate.lead.passage, bare(candidate.lead.text), candidate.lead.within);
    current = candidate.lead.passage.id;
    out.push(`${bare(candidate.lead.text)} [${n}]`);
  }
  for (const line of candidate.lines) {
    const n = citations.cite(line.passage, bare(line.text));
    // A list that runs on into another passage says where each part comes from.
    const marker = line.passage.id === current ? "" : ` [${n}]`;
    current = line.passage.id;
    out.push(`- ${bare(line.text)}${marker}`);
  }
  if (candidate.more > 0) out.push(messages.moreItems(candidate.more, citations.list.at(-1)!.n));
  return { text: out.join("\n"), citations: citations.list };
}

/**
 * Not sure: what the documents say closest to the question, nothing asserted. The proposed answer
 * comes first, as quotes (a list stays a list), then the best sentence of the other nearest passages.
 */
export function composeRelated(candidate: Candidate | undefined, ranked: RankedPassage[], sentences: ScoredSentence[]): { text: string; citations: Citation[] } {
  const citations = new Citations();
  const lines: string[] = [];
  const shown = new Set<string>();
  if (candidate && !candidate.listed) {
    // Sentences quoted together; each run of sentences from one passage is cited to that passage.
    const runs: Array<{ passage: Passage; texts: string[]; within?: string }> = [];
    for (const line of candidate.lead ? [candidate.lead, ...candidate.lines] : candidate.lines) {
      const last = runs.at(-1);
      if (last?.passage.id === line.passage.id) last.texts.push(bare(line.text));
      else runs.push({ passage: line.passage, texts: [bare(line.text)], ...(line.within ? { within: line.within } : {}) });
      shown.add(line.passage.id);
    }
    // The rule already chose how much to quote (a list written as prose may run past answerChars): not cut again.
    const quoted = runs.reduce((n, run) => n + run.texts.join(" ").length, 0);
    const budget = Math.floor(Math.min(LIMITS.proseChars, Math.max(LIMITS.answerChars, quoted)) / runs.length);
    lines.push(`• ${runs.map((run) => `«${shorten(run.texts.join(" "), budget)}» [${citations.cite(run.passage, run.texts.join(" "), run.within)}]`).join(" ")}`);
  } else if (candidate) {
    const first = candidate.lead ?? candidate.lines[0]!;
    const n = citations.cite(first.passage, bare(first.text), first.within);
    lines.push(`• ${candidate.lead ? bare(candidate.lead.text) : ""} [${n}]`.replace("•  [", "• ["));
    for (const line of candidate.lines) lines.push(`  - ${bare(line.text)}${line.passage.id === first.passage.id ? "" : ` [${citations.cite(line.passage, bare(line.text))}]`}`);
    if (candidate.more > 0) lines.push(`  ${messages.moreItems(candidate.more, n)}`);
    for (const line of [candidate.lead, ...candidate.lines]) if (line) shown.add(line.passage.id);
  }
  // The nearest passages are all shown, whatever the proposed answer quoted: when it is wrong, one of them is often right.
  // (as many as LIMITS.relatedPassages besides those the proposed answer quotes).
  ranked.map((r, p) => ({ passage: r.passage, p })).filter(({ passage }) => !shown.has(passage.id)).slice(0, LIMITS.relatedPassages).forEach(({ passage, p }) => {
    const best = sentences.find((s) => s.passage === p)?.text ?? passage.clean.split(/\n{2,}/).find((x) => x.length > 80) ?? passage.clean;
    const quote = shorten(bare(best), LIMITS.relatedChars);
    lines.push(`• «${quote}» [${citations.cite(passage, quote)}]`);
  });
  return { text: `${messages.related}\n${lines.join("\n")}`, citations: citations.list };
}

/** Short topic names for "not found": the deepest real heading of the nearest passages, without its number. */
export function suggestionsFrom(ranked: RankedPassage[]): string[] {
  const out: string[] = [];
  for (const { passage } of ranked) {
    // Units that only number a clause ("Khoản 4", "Điểm a") name no topic: their article does.
    const headings = passage.headings.filter((h) => isRealHeading(h) && withoutOutlineNumber(h).length >= 4);
    const leaf = headings.pop() ?? passage.docTitle;
    const topic = withoutOutlineNumber(leaf).replace(/…$/, "").trim();
    // An all-caps heading ("NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU") reads as a sentence.
    const cased = topic === topic.toUpperCase() ? topic.toLowerCase() : topic;
    const label = cased.charAt(0).toUpperCase() + cased.slice(1);
    if (label && !out.some((s) => s.toLowerCase() === label.toLowerCase())) out.push(label);
    if (out.length === 3) break;
  }
  return out;
}
