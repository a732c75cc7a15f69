import type { Passage } from "../../index/schema.ts";
import { coverage } from "../../score.ts";
import { isHeadingLike, isRealHeading, isRecipientsLead, listBlocks, listSubject } from "../../structure/blocks.ts";
import { containment, contentWords } from "../../structure/facts.ts";
import { STEPS_LEAD, withoutOutlineNumber } from "../../text/drafting.ts";
import { fold, foldedSyllables } from "../../text/normalize.ts";
import { searchTokens } from "../../text/terms.ts";
import { sentenceRanges } from "../../text/sentences.ts";
import type { Candidate, QuotedLine } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import { phraseEcho, questionOutsideFocus } from "../echo.ts";
import { countedNouns, ITEM_NOUN_PATTERN, MEANS_KINDS, sameItemNoun, statedCounts } from "../question.ts";
import { namesActor } from "../evidence.ts";
import { scopeMatch } from "../scope.ts";
import { focusScore, namesScore, subjectScore } from "../subject.ts";
import { LIMITS, LIST } from "../weights.ts";
import { firstSentence } from "./text.ts";

/**
 * A list question ("X có trách nhiệm gì", "các bước xây dựng mô hình") answered with a whole list:
 * the one whose subject is the actor the question names, never a neighbouring actor's. Lists come
 * from the facts table (whole, even when cut between passages): those in the passages retrieved,
 * and those whose subject the question names wherever they are. Options are scored on the table's
 * text; only the chosen list's passages are read from the index.
 */

type ListOption = {
  subject: string; lead: string; steps: boolean; headings: string[];
  /** The items are the numbered parts of a text. */
  outline: boolean;
  /** For the numbered parts of a text: the text's title and the part's heading, which frame them as a lead-in frames a list. */
  frame: string;
  /** The items are an assignment clause's parts: a list only for a question that names its actor. */
  assignment: boolean;
  /**
   * Where the list starts, the passage of each item, its best rank among the passages read (-1 when none is read)
   * and among all the passages retrieved (-1 when retrieval did not return it).
   */
  passageId: string; itemIds: string[]; rank: number; retrievedRank: number;
  items: string[];
  /** Its document is the one the question names (1), another one (0), or not known / none named (0.5). */
  scope: number;
};

/** An item as the reply shows it (its first sentence); lists are also compared on this text. */
const shown = (item: string) => firstSentence(item, LIMITS.itemChars);

function optionsOf(context: AnswerContext): ListOption[] {
  const read = new Map(context.read.map((r, i) => [r.passage.id, i]));
  const retrieved = new Map(context.ranked.map((r, i) => [r.passage.id, i]));
  const table = context.index.facts;
  const touching = table.touching(read.keys());
  const sharing = new Set([...context.intent.wordsWithAlternatives, ...context.intent.focusVariants.flat()]);
  const named = table.bySubject((words) => subjectScore(context, words) ?? 0, LIST.tableMin, sharing).slice(0, 4).map((m) => m.fact);
  // A question that names a document ("bài Dân vận năm 1949", "NQ 25") may mean any list of it, retrieved or not.
  const scopeOf = new Map<string, number>();
  if (context.intent.scope.documentNumber || context.intent.scope.year || context.intent.scope.place) {
    for (const { passage } of context.ranked) scopeOf.set(passage.docId, Math.max(scopeOf.get(passage.docId) ?? 0, scopeMatch(context.intent, passage)));
  }
  const titles = new Map(context.ranked.map(({ passage }) => [passage.docId, passage.docTitle]));
  const scoped = table.inDocuments([...scopeOf].filter(([, match]) => match === 1).map(([docId]) => docId));
  const options = [...new Set([...touching, ...named, ...scoped])].map((fact): ListOption => {
    const itemIds = fact.itemPassages ?? fact.items.map(() => fact.passageId);
    const ranks = [fact.passageId, ...itemIds].map((id) => read.get(id)).filter((r) => r !== undefined);
    const retrievedRanks = [fact.passageId, ...itemIds].map((id) => retrieved.get(id)).filter((r) => r !== undefined);
    return {
      subject: fact.subject, lead: fact.lead, steps: fact.kind === "steps" || STEPS_LEAD.test(fact.lead), headings: fact.headings, outline: Boolean(fact.outline), assignment: Boolean(fact.assignment),
      frame: fact.outline ? `${(fact.docId ? titles.get(fact.docId) : undefined) ?? ""} ${fact.subject}` : "",
      passageId: fact.passageId, itemIds, rank: ranks.length ? Math.min(...ranks) : -1, retrievedRank: retrievedRanks.length ? Math.min(...retrievedRanks) : -1, items: fact.items.map(shown),
      scope: (fact.docId ? scopeOf.get(fact.docId) : undefined) ?? 0.5,
    };
  });
  // Lists inside the passages read that the table does not hold (an index built without it).
  const covered = new Set(touching.flatMap((f) => [f.passageId, ...(f.itemPassages ?? [])]));
  context.read.forEach(({ passage }, p) => {
    if (covered.has(passage.id)) return;
    const paragraphs = context.paragraphs[p]!;
    for (const block of listBlocks(paragraphs)) {
      const lead = block.lead >= 0 ? paragraphs[block.lead]!.text : "";
      if (isRecipientsLead(lead)) continue;
      options.push({
        subject: listSubject(passage.headings, lead || undefined), lead, headings: passage.headings, outline: false, assignment: false, frame: "",
        steps: block.marker === "step" || STEPS_LEAD.test(lead),
        passageId: passage.id, itemIds: block.items.map(() => passage.id), rank: p, retrievedRank: p, items: block.items.map((i) => shown(paragraphs[i]!.text)),
        scope: scopeOf.get(passage.docId) ?? 0.5,
      });
    }
  });
  return options;
}

/**
 * The sentence of a lead-in that introduces the list: a passage may begin in the middle of the paragraph
 * whose last sentence ends in ":" ("… hội nhập quốc tế. Đồng thời, đồng chí Bí thư đề nghị … sau:").
 */
function leadSentence(lead: string): string {
  return lead.length <= LIMITS.leadChars || !/:\s*$/.test(lead) ? lead : lastSentence(lead);
}

/** The last sentence of a lead-in: the one that introduces the list. */
function lastSentence(lead: string): string {
  const [start] = sentenceRanges(lead).at(-1) ?? [0];
  return lead.slice(start).trim();
}

/** "3. Ban Chấp hành Công đoàn cơ quan" → "Ban Chấp hành Công đoàn cơ quan:"; a lead-in ending in ":" stays as written. */
function introOf(option: ListOption, statesCount = false): string {
  // Asked "mấy việc", the sentence that gives their number ("… có ba việc quan trọng …, đó là: …") is the answer's first line.
  if (statesCount) {
    const sentence = lastSentence(option.lead.trim());
    if (countedNouns(fold(sentence).toLowerCase()).length > 0) return `${firstSentence(sentence, LIMITS.itemChars).replace(/[.;:]\s*$/, "")}:`;
  }
  const lead = leadSentence(option.lead.trim());
  const label = /^[*•]\s*(.{2,40}?):?\s*$/u.exec(lead)?.[1];
  // A lead-in that is only an outline number ("CHƯƠNG II", its title on the next line) names nothing: the heading does.
  const named = withoutOutlineNumber(lead).replace(/:?\s*$/, "");
  if (named && !label && (/:\s*$/.test(lead) || (lead.length <= 120 && !/[.;]$/.test(lead)))) return `${named}:`;
  const heading = [...option.headings].reverse().find((h) => isRealHeading(h) && withoutOutlineNumber(h) !== label);
  // With no heading, the sentence that introduces the list says what it is better than a subject cut from it.
  if (!heading && !label && named) return `${firstSentence(lastSentence(named), LIMITS.itemChars).replace(/[.;:]\s*$/, "")}:`;
  const base = heading ? withoutOutlineNumber(heading) : option.subject;
  return `${base}${label ? ` — ${label}` : ""}:`;
}

/** The words of "trách nhiệm", "nhiệm vụ": a lead-in saying them names a list of duties, as every actor's list is. */
const DUTY_WORDS = new Set(["trach", "nhiem", "vu"]);

/** Words that name a list or ask for one: they say nothing about which item is meant. */
const LIST_WORDS = new Set(["nhiem", "vu", "trach", "noi", "dung", "phuong", "thuc", "giai", "phap", "buoc", "yeu", "cau", "lam", "gom", "bao", "cac", "nhung", "phai", "viec", "cong", "tac", "hien"]);

/**
 * "Thủ trưởng có trách nhiệm gì với Ban Thanh tra nhân dân?": when one item alone holds what the
 * question adds to the actor, that item is the answer. Not when the question asks for several ("những việc gì").
 */
function standingOut(context: AnswerContext, option: ListOption, docTitle: string): number | undefined {
  if (context.intent.words.some((w) => w === "nhung" || w === "gom")) return undefined;
  // Words of the list's own frame (its document, headings, lead-in, actor) describe every item alike.
  const frame = new Set([...foldedSyllables(`${docTitle} ${option.subject} ${option.lead} ${option.headings.join(" ")}`), ...context.intent.focus]);
  const specific = context.query.concepts.filter((c) => !frame.has(c.folded) && !LIST_WORDS.has(c.folded) && !/^\d+$/.test(c.folded));
  const total = specific.reduce((n, c) => n + context.stats.idf(c.folded), 0);
  if (specific.length < 2 || total === 0) return undefined;
  const scores = option.items.map((item) => {
    const words = new Set(foldedSyllables(item));
    return specific.reduce((n, c) => n + (words.has(c.folded) ? context.stats.idf(c.folded) : 0), 0) / total;
  });
  const order = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score);
  const [first, second] = order;
  return first && first.score >= LIST.singleItem && first.score - (second?.score ?? 0) >= LIST.singleMargin ? first.i : undefined;
}

/**
 * The list has as many items as the question says, or its lead-in states that count ("… thành tám nội dung như sau:"),
 * or, asked "mấy việc", its lead-in gives a number of them ("… có ba việc quan trọng").
 */
function hasStatedCount(option: ListOption, intent: AnswerContext["intent"]): boolean {
  const counts = intent.counts ?? [];
  const lead = fold(option.lead).toLowerCase();
  if (counts.includes(option.items.length) || statedCounts(lead).some((n) => counts.includes(n))) return true;
  // "mấy nội dung trọng tâm" and "… có ba việc quan trọng", "… một số nội dung trọng tâm sau:": the sentence that
  // introduces the list names them (an earlier one, "đã đề ra bảy nhóm nhiệm vụ", counts something else).
  const noun = intent.countedNoun;
  if (noun === undefined) return false;
  const intro = fold(lastSentence(option.lead)).toLowerCase();
  // A number given names its own noun ("tám nội dung" are not "mấy nhiệm vụ"); a list introduced as "một số nội dung
  // trọng tâm sau:" gives none, and a general noun stands for another ("mấy việc trọng tâm").
  return countedNouns(intro).includes(noun) || (/:\s*$/.test(intro) && [...intro.matchAll(INTRODUCED_NOUN)].some((m) => sameItemNoun(m[1]!, noun)));
}

/**
 * The list's heading path, subject or the sentence of its lead-in that introduces it says one of the syllable
 * pairs that name the kind of items asked for (an earlier sentence of the lead-in may say "khắc phục hạn chế"
 * of a list of tasks).
 */
function namesKind(kind: readonly string[], option: ListOption): boolean {
  // A paragraph cut off to serve as a heading ("2- Thời gian tới, phải tạo được sự chuyển biến tích cực…") says what
  // the text aims at, not what kind of items the list under it holds.
  const frame = ` ${foldedSyllables(`${option.headings.filter(isRealHeading).join(" ")} ${option.subject} ${lastSentence(option.lead)}`).join(" ")} `;
  return kind.some((pair) => frame.includes(` ${pair} `));
}

/** "các / những / một số <noun> …" in the sentence that introduces a list (folded): the noun of its items. */
const INTRODUCED_NOUN = new RegExp(`\\b(?:cac|nhung|mot so|mot vai) (${ITEM_NOUN_PATTERN})\\b`, "g");

/** A lead-in or item compared with another: folded, its first 80 syllable characters. */
const leadKey = (text: string) => foldedSyllables(text).join(" ").slice(0, 80);

/** "các bước", "trình tự", "quy trình" anywhere in a name: every procedure's name may say them. */
const STEP_WORDS = new RegExp(STEPS_LEAD.source, "giu");

/**
 * How much of a procedure's name (its subject, else its heading) the question says, beyond the words for steps: "Trình tự
 * tổ chức hội nghị cán bộ, công chức" is named by "mở hội nghị CBCC … các bước", not by "xây dựng mô hình … mấy bước".
 */
function procedureNamed(option: ListOption, asked: ReadonlySet<string>, stats: AnswerContext["stats"]): number {
  const name = option.subject || option.headings.at(-1) || "";
  return containment(contentWords(withoutOutlineNumber(name).replace(STEP_WORDS, " ")), asked, stats);
}

type Choice = { option: ListOption; score: number; focusMatch: number | undefined; support: number; echo: number };

/** The best of these lists for the question, or undefined when none may answer it. */
function choose(context: AnswerContext, all: ListOption[]): Choice | undefined {
  const { intent, query, stats } = context;
  // "những kết quả gì" is not answered by a list of tasks: the list's frame must name the kind asked for.
  const options = intent.itemKind ? all.filter((option) => namesKind(intent.itemKind!, option)) : all;
  const matches = options.map((option) => namesScore(context, option.subject, option.headings));
  // A list one of whose items introduces another list ("2. Ban Thanh tra nhân dân có các trách nhiệm sau đây:", an
  // article's clause over its points a), b), c)) frames that list: the nested list holds the items, and answers instead.
  const leads = new Set(options.map((option) => leadKey(option.lead)).filter((key) => key.length > 0));
  const framesAnother = (option: ListOption) => option.items.some((item) => /:\s*$/.test(item) && leads.has(leadKey(item)));
  // When the question names an actor and some list is that actor's own, only such lists compete.
  const named = intent.focus.length > 0 && matches.some((m) => (m ?? 0) >= LIST.focusMin);
  // "bằng những cách nào" favours a list of means ("Hình thức công khai", "Phương thức:") over other lists, unless it is
  // another actor's: "Phương thức" of the đoàn thể does not say how the cấp ủy leads.
  const ofMeans = options.map((option, i) => Boolean(intent.means) && namesKind(MEANS_KINDS, option)
    && (!namesActor(foldedSyllables(option.subject).join(" ")) || (matches[i] ?? 0) >= LIST.focusMin));
  // When some list is in the document the question names, lists of other (or unknown) documents do not compete.
  const inScope = options.some((option) => option.scope === 1);
  const outsideFocus = questionOutsideFocus(context);
  const asksGroups = intent.words.includes("nhom");
  const stepsRead = intent.type === "steps" && options.some((option) => option.steps && option.rank >= 0);
  let best: Choice | undefined;
  for (const [i, option] of options.entries()) {
    const focusMatch = matches[i];
    if (named && (focusMatch ?? 0) < LIST.focusMin) continue;
    // An assignment clause answers only a question that names its actor ("Ban Dân vận Tỉnh ủy được giao những việc gì").
    // (by the focus it names, not by words it happens to repeat: "NQ của BCH Đảng bộ tỉnh … về dân vận" names no Ban Dân vận).
    if (option.assignment && focusScore(context, contentWords(option.subject)) < LIST.focusMin) continue;
    if (inScope && option.scope !== 1) continue;
    // Steps answer a question about steps; "X phải làm gì" asks for a list of duties.
    if (option.steps && intent.type !== "steps") continue;
    // …and a question about steps, when the passages read hold a procedure, is not answered by another kind of list
    // (a chapter's articles "Điều 12. Thời gian…", "Điều 13. Trình tự…", whose heading the question repeats).
    if (stepsRead && !option.steps) continue;
    if (framesAnother(option)) continue;
    // The numbered parts of a text answer only when the question names that part ("những nhóm nhiệm vụ, giải pháp chủ yếu nào"),
    // or asks for the groups of the text it names ("NQ Bắc Giang đưa ra mấy nhóm nhiệm vụ, giải pháp") and names some of that part.
    if (option.outline && containment(contentWords(option.subject), intent.wordsWithAlternatives, stats) < (option.scope === 1 && asksGroups ? LIST.outlineGroups : LIST.outlineMin)) continue;
    // …and not when one of the parts is the actor the question names: that part's own list answers.
    if (option.outline && intent.focus.length > 0 && option.items.some((item) => (subjectScore(context, contentWords(withoutOutlineNumber(item))) ?? 0) >= LIST.focusMin)) continue;
    const support = coverage(query, new Set(searchTokens(`${option.frame} ${option.headings.join(" ")} ${option.lead} ${option.items.join(" ")}`)), stats).combined;
    // The named actor's own list keeps its passage's retrieval score even when that passage was retrieved but not
    // read ("5- Ban Dân vận Tỉnh ủy …" fourth, against a neighbouring clause of another actor read first).
    const rank = option.rank >= 0 ? option.rank : named ? option.retrievedRank : -1;
    const prior = rank >= 0 ? context.prior[rank]! : 0;
    // The list's own lead-in ("* Nội dung:" against "* Phương thức:") tells apart the lists of one actor:
    // the share of its words the question uses, beyond the actor's name ("Cấp uỷ:" says nothing more).
    const subjectWords = new Set(contentWords(option.subject));
    // ("Trách nhiệm của X" says what any list of X's duties is: it tells no list of X apart from another text's.)
    const leadWords = option.lead ? contentWords(withoutOutlineNumber(option.lead)).filter((w) => !subjectWords.has(w) && !DUTY_WORDS.has(w)) : [];
    const leadCover = leadWords.length ? containment(leadWords, intent.wordsWithAlternatives, stats) : 0;
    const echo = phraseEcho(outsideFocus, foldedSyllables(`${option.headings.join(" ")} ${option.subject} ${option.lead}`), stats);
    const procedure = intent.type === "steps" && option.steps ? procedureNamed(option, intent.wordsWithAlternatives, stats) : 0;
    const score = LIST.focus * (focusMatch ?? 0) + LIST.coverage * support + LIST.lead * leadCover + LIST.prior * prior + LIST.phrase * echo + (intent.type === "steps" && option.steps ? LIST.steps + LIST.procedure * procedure : 0) + (ofMeans[i] ? LIST.means : 0);
    if (!best || score > best.score) best = { option, score, focusMatch, support, echo };
  }
  return best;
}

/**
 * `countedOnly`: for "đề nghị tập trung mấy nội dung trọng tâm" (a number asked): only a list introduced as the things
 * counted answers; otherwise the sentence that states the number does.
 */
export async function listRule(context: AnswerContext, countedOnly = false): Promise<Candidate | undefined> {
  const { intent } = context;
  const all = optionsOf(context);
  if (all.length === 0) return undefined;
  // A question that says how many items ("tám nội dung là những gì") means a list of that many, when one may answer it.
  const counted = intent.counts || intent.countedNoun ? all.filter((option) => hasStatedCount(option, intent)) : [];
  const byCount = counted.length > 0 ? choose(context, counted) : undefined;
  const best = byCount ?? (countedOnly ? undefined : choose(context, all));
  if (!best) return undefined;
  const { option } = best;
  // Only now are the chosen list's passages read: from the retrieved ones, else from the index in one query.
  const known = new Map<string, Passage>(context.ranked.map((r) => [r.passage.id, r.passage]));
  const missing = [option.passageId, ...option.itemIds].filter((id) => !known.has(id));
  for (const passage of await context.index.passages(missing)) known.set(passage.id, passage);
  const home = known.get(option.passageId);
  if (!home || option.itemIds.some((id) => !known.has(id))) return undefined;
  const items: QuotedLine[] = option.items.map((item, i) => ({ passage: known.get(option.itemIds[i]!)!, text: item }));
  const single = standingOut(context, option, home.docTitle);
  const lines = single !== undefined ? [items[single]!] : items.slice(0, LIMITS.items);
  return {
    rule: best.focusMatch !== undefined && best.focusMatch >= LIST.focusMin ? "actor-list" : option.steps ? "steps" : option.outline ? "outline" : "list",
    lead: { passage: home, text: introOf(option, Boolean(byCount && intent.countedNoun)), ...(isHeadingLike(option.lead) ? { within: option.lead.trim() } : {}) },
    lines,
    listed: true,
    more: single !== undefined ? 0 : items.length - lines.length,
    passage: home,
    rank: option.rank,
    typeFound: intent.type !== "steps" || option.steps,
    ...(byCount ? { counted: true } : {}),
    ...(option.scope === 1 ? { inNamedDocument: true } : {}),
    focusMatch: best.focusMatch,
    support: best.support,
    echo: best.echo,
    score: best.score,
  };
}
