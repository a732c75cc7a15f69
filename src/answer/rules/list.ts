import type { Passage } from "../../index/schema.ts";
import { coverage } from "../../score.ts";
import { isRealHeading, listBlocks, listSubject } from "../../structure/blocks.ts";
import type { Fact } from "../../structure/facts.ts";
import { containment, subjectMatch, subjectNames } from "../../structure/facts.ts";
import { withoutOutlineNumber } from "../../text/drafting.ts";
import { foldedSyllables } from "../../text/normalize.ts";
import { isFunctionWord, searchTokens } from "../../text/terms.ts";
import type { Candidate, QuotedLine } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import { LIMITS, LIST } from "../weights.ts";
import { firstSentence } from "./text.ts";

/**
 * A list question ("X có trách nhiệm gì", "các bước xây dựng mô hình") answered with a whole list:
 * the one whose subject is the actor the question names, never a neighbouring actor's; items that
 * run on into the next passage are gathered from the facts table.
 */

type ListOption = {
  passage: Passage; rank: number; subject: string; lead: string; items: string[]; steps: boolean; headings: string[];
  /** For a list of numbered parts: the passage of each item. */
  itemPassages?: Passage[];
};


function optionsFromPassages(context: AnswerContext): ListOption[] {
  return context.read.flatMap(({ passage }, p) => {
    const paragraphs = context.paragraphs[p]!;
    return listBlocks(paragraphs).map((block): ListOption => {
      const lead = block.lead >= 0 ? paragraphs[block.lead]!.text : "";
      return {
        passage, rank: p, subject: listSubject(passage.headings, lead || undefined), lead,
        items: block.items.map((i) => paragraphs[i]!.text),
        steps: block.marker === "step" || /\b(?:các bước|trình tự|quy trình)\b/iu.test(lead), headings: passage.headings,
      };
    });
  });
}

/**
 * How well a list's subject is the actor the question asks about: the F1 of the focus the question
 * names and the subject's words, or, when the question's wording hides its focus, how much of the
 * subject the question repeats (discounted). Undefined when the question names no actor and repeats
 * little of this one.
 */
function subjectScore(context: AnswerContext, subjectWords: string[]): number | undefined {
  const { focusVariants, wordsWithAlternatives } = context.intent;
  const f1 = Math.max(0, ...focusVariants.map((focus) => subjectMatch(focus.filter((w) => !isFunctionWord(w)), subjectWords, context.stats)));
  const repeated = LIST.containment * containment(subjectWords, wordsWithAlternatives, context.stats);
  if (!context.intent.focus.length && repeated < LIST.focusMin) return undefined;
  return Math.max(f1, repeated);
}

/** The best score over the names a list goes by (its subject, its heading). */
function namesScore(context: AnswerContext, subject: string, headings: string[]): number | undefined {
  const scores = subjectNames(subject, headings).map((name) => subjectScore(context, name)).filter((x) => x !== undefined);
  return scores.length ? Math.max(...scores) : undefined;
}

async function optionsFromTable(context: AnswerContext, known: Set<string>): Promise<ListOption[]> {
  const out: ListOption[] = [];
  for (const { fact } of context.index.facts.bySubject((words) => subjectScore(context, words) ?? 0, LIST.tableMin).slice(0, 4)) {
    if (known.has(fact.passageId) && !fact.itemPassages) continue;
    const passage = await context.index.passage(fact.passageId);
    if (!passage) continue;
    const itemPassages = fact.itemPassages ? await Promise.all(fact.itemPassages.map((id) => context.index.passage(id))) : undefined;
    if (itemPassages?.some((p) => !p)) continue;
    out.push({ passage, rank: context.read.findIndex((r) => r.passage.id === fact.passageId), subject: fact.subject, lead: fact.lead, items: fact.items, steps: fact.kind === "steps", headings: fact.headings, itemPassages: itemPassages as Passage[] | undefined });
  }
  return out;
}

/** The list's items that run on in the neighbouring passages of the same document (a lead-in-less continuation). */
async function continuation(context: AnswerContext, option: ListOption): Promise<Array<{ passage: Passage; items: string[] }>> {
  const facts = context.index.facts.facts;
  const at = facts.findIndex((f) => f.passageId === option.passage.id && f.items[0] === option.items[0]);
  if (at < 0) return [];
  const same = (f: Fact | undefined) => f !== undefined && f.path === option.passage.path && f.subject === option.subject && f.kind === facts[at]!.kind;
  // A continuation has no lead-in of its own, or the one carried over from where the list began.
  const continues = (next: Fact, previous: Fact) => !next.lead || next.lead === previous.lead;
  let first = at;
  while (same(facts[first - 1]) && continues(facts[first]!, facts[first - 1]!)) first--;
  let last = at;
  while (same(facts[last + 1]) && continues(facts[last + 1]!, facts[last]!)) last++;
  const parts: Array<{ passage: Passage; items: string[] }> = [];
  for (let i = first; i <= last; i++) {
    const fact = facts[i]!;
    const passage = fact.passageId === option.passage.id ? option.passage : await context.index.passage(fact.passageId);
    if (passage) parts.push({ passage, items: fact.items });
  }
  return parts;
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

/** Words that name a list or ask for one: they say nothing about which item is meant. */
const LIST_WORDS = new Set(["nhiem", "vu", "trach", "noi", "dung", "phuong", "thuc", "giai", "phap", "buoc", "yeu", "cau", "lam", "gom", "bao", "cac", "nhung", "phai", "viec", "cong", "tac", "thuc", "hien"]);

function standingOut(context: AnswerContext, option: ListOption, items: QuotedLine[]): QuotedLine | undefined {
  const frame = new Set([...foldedSyllables(`${option.subject} ${option.lead} ${option.headings.join(" ")}`), ...context.intent.focus]);
  const specific = context.query.concepts.filter((c) => !frame.has(c.folded) && !LIST_WORDS.has(c.folded));
  const total = specific.reduce((n, c) => n + context.stats.idf(c.folded), 0);
  if (specific.length < 2 || total === 0) return undefined;
  const scores = items.map((item) => {
    const words = new Set(foldedSyllables(item.text));
    return specific.reduce((n, c) => n + (words.has(c.folded) ? context.stats.idf(c.folded) : 0), 0) / total;
  });
  const order = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score);
  const [first, second] = order;
  return first && first.score >= LIST.singleItem && first.score - (second?.score ?? 0) >= LIST.singleMargin ? items[first.i] : undefined;
}

export async function listRule(context: AnswerContext): Promise<Candidate | undefined> {
  const { intent, query, stats } = context;
  const read = optionsFromPassages(context);
  const options = [...read, ...(await optionsFromTable(context, new Set(context.read.map((r) => r.passage.id))))];
  if (options.length === 0) return undefined;
  let best: { option: ListOption; score: number; focusMatch: number | undefined; support: number } | undefined;
  const matches = options.map((option) => namesScore(context, option.subject, option.headings));
  // When the question names an actor and some list is that actor's own, only such lists compete.
  const named = intent.focus.length > 0 && matches.some((m) => (m ?? 0) >= LIST.focusMin);
  for (const [i, option] of options.entries()) {
    const focusMatch = matches[i];
    if (named && (focusMatch ?? 0) < LIST.focusMin) continue;
    const support = coverage(query, new Set(searchTokens(`${option.headings.join(" ")} ${option.lead} ${option.items.join(" ")}`)), stats).combined;
    const prior = option.rank >= 0 && option.rank < context.prior.length ? context.prior[option.rank]! : 0;
    // The list's own lead-in ("* Nội dung:" against "* Phương thức:") tells apart the lists of one actor.
    const leadCover = option.lead ? coverage(query, new Set(searchTokens(option.lead)), stats).concepts : 0;
    const score = LIST.focus * (focusMatch ?? 0) + LIST.coverage * support + LIST.lead * leadCover + LIST.prior * prior + (intent.type === "steps" && option.steps ? LIST.steps : 0);
    if (!best || score > best.score) best = { option, score, focusMatch, support };
  }
  if (!best) return undefined;
  const { option } = best;
  const parts = option.itemPassages ? [] : (await continuation(context, option)).filter((part) => part.items.length > 0);
  const all: QuotedLine[] = option.itemPassages
    ? option.items.map((item, i) => ({ passage: option.itemPassages![i]!, text: firstSentence(item, LIMITS.itemChars) }))
    : (parts.length ? parts : [{ passage: option.passage, items: option.items }])
      .flatMap(({ passage, items }) => items.map((item) => ({ passage, text: firstSentence(item, LIMITS.itemChars) })));
  // "Thủ trưởng có trách nhiệm gì với Ban Thanh tra nhân dân?": when one item alone holds what the
  // question adds to the actor, that item is the answer, under the list's lead-in.
  const single = standingOut(context, option, all);
  const shown = single ? [single] : all.slice(0, LIMITS.items);
  const leadPassage = parts[0]?.passage ?? option.passage;
  return {
    rule: best.focusMatch !== undefined && best.focusMatch >= LIST.focusMin ? "actor-list" : option.steps ? "steps" : "list",
    lead: { passage: leadPassage, text: introOf(option) },
    lines: shown,
    listed: true,
    more: single ? 0 : all.length - shown.length,
    passage: option.passage,
    rank: option.rank,
    typeFound: intent.type !== "steps" || option.steps,
    focusMatch: best.focusMatch,
    support: best.support,
    score: best.score,
  };
}
