import type { Passage } from "../../index/schema.ts";
import { coverage } from "../../score.ts";
import { isRealHeading, listBlocks, listSubject } from "../../structure/blocks.ts";
import type { Fact } from "../../structure/facts.ts";
import { containment, contentWords } from "../../structure/facts.ts";
import { withoutOutlineNumber } from "../../text/drafting.ts";
import { foldedSyllables } from "../../text/normalize.ts";
import { searchTokens } from "../../text/terms.ts";
import type { Candidate, QuotedLine } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import { namesScore, subjectScore } from "../subject.ts";
import { LIMITS, LIST } from "../weights.ts";
import { firstSentence } from "./text.ts";

/**
 * A list question ("X có trách nhiệm gì", "các bước xây dựng mô hình") answered with a whole list:
 * the one whose subject is the actor the question names, never a neighbouring actor's. Lists come
 * from the facts table (whole, even when cut between passages): those in the passages retrieved,
 * and those whose subject the question names wherever they are.
 */

type ListOption = {
  subject: string; lead: string; steps: boolean; headings: string[];
  /** The items are the numbered parts of a text. */
  outline: boolean;
  /** Where the list starts, and its best retrieval rank (-1 when retrieval did not return it). */
  passage: Passage; rank: number;
  items: QuotedLine[];
};

async function fromFact(context: AnswerContext, fact: Fact, cache: Map<string, Passage | undefined>): Promise<ListOption | undefined> {
  const load = async (id: string) => {
    if (!cache.has(id)) cache.set(id, context.ranked.find((r) => r.passage.id === id)?.passage ?? await context.index.passage(id));
    return cache.get(id);
  };
  const passage = await load(fact.passageId);
  const ids = fact.itemPassages ?? fact.items.map(() => fact.passageId);
  const passages = await Promise.all(ids.map(load));
  if (!passage || passages.some((p) => !p)) return undefined;
  const ranks = [fact.passageId, ...ids].map((id) => context.read.findIndex((r) => r.passage.id === id)).filter((r) => r >= 0);
  return {
    subject: fact.subject, lead: fact.lead, steps: fact.kind === "steps", headings: fact.headings, outline: Boolean(fact.outline), passage, rank: ranks.length ? Math.min(...ranks) : -1,
    items: fact.items.map((item, i) => ({ passage: passages[i]!, text: firstSentence(item, LIMITS.itemChars) })),
  };
}

/** Lists inside the passages read that the table does not hold (an index built without it). */
function fromPassages(context: AnswerContext, covered: Set<string>): ListOption[] {
  return context.read.flatMap(({ passage }, p) => {
    if (covered.has(passage.id)) return [];
    const paragraphs = context.paragraphs[p]!;
    return listBlocks(paragraphs).map((block): ListOption => {
      const lead = block.lead >= 0 ? paragraphs[block.lead]!.text : "";
      return {
        subject: listSubject(passage.headings, lead || undefined), lead, headings: passage.headings, outline: false, passage, rank: p,
        steps: block.marker === "step" || /\b(?:các bước|trình tự|quy trình)\b/iu.test(lead),
        items: block.items.map((i) => ({ passage, text: firstSentence(paragraphs[i]!.text, LIMITS.itemChars) })),
      };
    });
  });
}

async function optionsOf(context: AnswerContext): Promise<ListOption[]> {
  const facts = context.index.facts;
  const read = new Set(context.read.map((r) => r.passage.id));
  const touching = facts.facts.filter((f) => read.has(f.passageId) || f.itemPassages?.some((id) => read.has(id)));
  const named = facts.bySubject((words) => subjectScore(context, words) ?? 0, LIST.tableMin).slice(0, 4).map((m) => m.fact);
  const cache = new Map<string, Passage | undefined>();
  const options: ListOption[] = [];
  for (const fact of new Set([...touching, ...named])) {
    const option = await fromFact(context, fact, cache);
    if (option) options.push(option);
  }
  const covered = new Set(touching.flatMap((f) => [f.passageId, ...(f.itemPassages ?? [])]));
  return [...options, ...fromPassages(context, covered)];
}

/** "3. Ban Chấp hành Công đoàn cơ quan" → "Ban Chấp hành Công đoàn cơ quan:"; a lead-in ending in ":" stays as written. */
function introOf(option: ListOption): string {
  const lead = option.lead.trim();
  const label = /^[*•]\s*(.{2,40}?):?\s*$/u.exec(lead)?.[1];
  if (lead && !label && (/:\s*$/.test(lead) || (lead.length <= 120 && !/[.;]$/.test(lead)))) return `${withoutOutlineNumber(lead).replace(/:?\s*$/, "")}:`;
  const heading = [...option.headings].reverse().find((h) => isRealHeading(h) && withoutOutlineNumber(h) !== label);
  const base = heading ? withoutOutlineNumber(heading) : option.subject;
  return `${base}${label ? ` — ${label}` : ""}:`;
}

/** A lead-in that is a heading of its own ("2. Thủ trưởng cơ quan"), not a sentence ending in ":". */
const isHeadingLead = (lead: string) => lead.trim().length > 0 && lead.trim().length <= 110 && !/[.;:]\s*$/.test(lead.trim()) && !/^[*•]/u.test(lead.trim());

/** Words that name a list or ask for one: they say nothing about which item is meant. */
const LIST_WORDS = new Set(["nhiem", "vu", "trach", "noi", "dung", "phuong", "thuc", "giai", "phap", "buoc", "yeu", "cau", "lam", "gom", "bao", "cac", "nhung", "phai", "viec", "cong", "tac", "hien"]);

/**
 * "Thủ trưởng có trách nhiệm gì với Ban Thanh tra nhân dân?": when one item alone holds what the
 * question adds to the actor, that item is the answer. Not when the question asks for several ("những việc gì").
 */
function standingOut(context: AnswerContext, option: ListOption): QuotedLine | undefined {
  if (context.intent.words.some((w) => w === "nhung" || w === "gom")) return undefined;
  // Words of the list's own frame (its document, headings, lead-in, actor) describe every item alike.
  const frame = new Set([...foldedSyllables(`${option.passage.docTitle} ${option.subject} ${option.lead} ${option.headings.join(" ")}`), ...context.intent.focus]);
  const specific = context.query.concepts.filter((c) => !frame.has(c.folded) && !LIST_WORDS.has(c.folded) && !/^\d+$/.test(c.folded));
  const total = specific.reduce((n, c) => n + context.stats.idf(c.folded), 0);
  if (specific.length < 2 || total === 0) return undefined;
  const scores = option.items.map((item) => {
    const words = new Set(foldedSyllables(item.text));
    return specific.reduce((n, c) => n + (words.has(c.folded) ? context.stats.idf(c.folded) : 0), 0) / total;
  });
  const order = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score);
  const [first, second] = order;
  return first && first.score >= LIST.singleItem && first.score - (second?.score ?? 0) >= LIST.singleMargin ? option.items[first.i] : undefined;
}

export async function listRule(context: AnswerContext): Promise<Candidate | undefined> {
  const { intent, query, stats } = context;
  const options = await optionsOf(context);
  if (options.length === 0) return undefined;
  const matches = options.map((option) => namesScore(context, option.subject, option.headings));
  // When the question names an actor and some list is that actor's own, only such lists compete.
  const named = intent.focus.length > 0 && matches.some((m) => (m ?? 0) >= LIST.focusMin);
  let best: { option: ListOption; score: number; focusMatch: number | undefined; support: number } | undefined;
  for (const [i, option] of options.entries()) {
    const focusMatch = matches[i];
    if (named && (focusMatch ?? 0) < LIST.focusMin) continue;
    // The numbered parts of a text answer only when the question names that part ("những nhóm nhiệm vụ, giải pháp chủ yếu nào").
    if (option.outline && containment(contentWords(option.subject), intent.wordsWithAlternatives, stats) < LIST.outlineMin) continue;
    const support = coverage(query, new Set(searchTokens(`${option.headings.join(" ")} ${option.lead} ${option.items.map((x) => x.text).join(" ")}`)), stats).combined;
    const prior = option.rank >= 0 ? context.prior[option.rank]! : 0;
    // The list's own lead-in ("* Nội dung:" against "* Phương thức:") tells apart the lists of one actor.
    const leadCover = option.lead ? coverage(query, new Set(searchTokens(option.lead)), stats).concepts : 0;
    const score = LIST.focus * (focusMatch ?? 0) + LIST.coverage * support + LIST.lead * leadCover + LIST.prior * prior + (intent.type === "steps" && option.steps ? LIST.steps : 0);
    if (!best || score > best.score) best = { option, score, focusMatch, support };
  }
  if (!best) return undefined;
  const { option } = best;
  const single = standingOut(context, option);
  const shown = single ? [single] : option.items.slice(0, LIMITS.items);
  return {
    rule: best.focusMatch !== undefined && best.focusMatch >= LIST.focusMin ? "actor-list" : option.steps ? "steps" : "list",
    lead: { passage: option.passage, text: introOf(option), ...(isHeadingLead(option.lead) ? { within: option.lead.trim() } : {}) },
    lines: shown,
    listed: true,
    more: single ? 0 : option.items.length - shown.length,
    passage: option.passage,
    rank: option.rank,
    typeFound: intent.type !== "steps" || option.steps,
    focusMatch: best.focusMatch,
    support: best.support,
    score: best.score,
  };
}
