import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { AnswerResult } from "./answer/types.ts";
import { AppError } from "./errors.ts";
import { normalizeForMatch } from "./text/normalize.ts";

/** One line of a question file: answerable (with expected verbatim text) or unanswerable. */
export const evalQuestionSchema = z.union([
  z.object({ id: z.string(), question: z.string().min(1), unanswerable: z.literal(true) }),
  z.object({
    id: z.string(), question: z.string().min(1), expect: z.array(z.string().min(1)).min(1), section: z.string().optional(),
    /** What kind of question it is (for reporting by type). */
    type: z.string().optional(),
    /** For a list question: one verbatim piece of each item the reply should carry. */
    items: z.array(z.string().min(1)).optional(),
    /** For a number, date or "who" question: the words carrying it, which the reply must quote. */
    quote: z.array(z.string().min(1)).optional(),
  }),
]);
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export async function readQuestionFile(file: string): Promise<EvalQuestion[]> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new AppError("not_found:file", `Không đọc được tệp câu hỏi ${file}.`, { file });
  }
  return raw.split(/\r?\n/).flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [evalQuestionSchema.parse(JSON.parse(line))];
    } catch {
      throw new AppError("invalid:questions", `${file}, dòng ${i + 1}: không đúng định dạng câu hỏi đánh giá.`, { file, line: i + 1 });
    }
  });
}

export type QuestionOutcome = {
  id: string;
  answerable: boolean;
  abstained: boolean;
  /** 1-based rank of the first passage containing an expected text; 0 when none does. */
  hitRank: number;
  citationHit: boolean;
  sectionOk: boolean;
  /** "answer", "related" or "none". */
  grade: string;
  /** Answered (not abstained) from a passage that holds the expected text. */
  answeredRight: boolean;
  /** For list questions: share of the expected items the reply carries; undefined otherwise. */
  itemShare: number | undefined;
  /** For number, date and "who" questions: the reply quotes the words carrying the answer; undefined otherwise. */
  quoteOk: boolean | undefined;
  type: string | undefined;
  ms: number;
};

export type EvalSummary = {
  questions: number;
  answerable: number;
  unanswerable: number;
  k: number;
  recallAtK: number;
  mrr: number;
  citationHitRate: number;
  sectionAccuracy: number | null;
  abstainAccuracy: number;
  unanswerableAbstained: number;
  answerableWronglyAbstained: number;
  /** Answerable questions told "not covered" (grade none). */
  answerableRefused: number;
  /** Answerable questions answered (grade answer) from the right passage. */
  answeredRight: number;
  /** Answerable questions whose reply (an answer, or related passages) quotes the right passage. */
  quotesRightPassage: number;
  /** Unanswerable questions told "not covered" (grade none) / not answered (none or related). */
  unanswerableRefused: number;
  /** Mean share of expected items carried by list replies; null when the file has no list items. */
  listItemShare: number | null;
  /** Number/date/who questions whose reply quotes the words carrying the answer, of those that have them. */
  quoteHits: number;
  quoteQuestions: number;
  latencyP50: number;
  latencyP95: number;
  outcomes: QuestionOutcome[];
};

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Scores a question file through the same `answer()` users get. */
/**
 * `passageText` reads a cited passage that retrieval did not return (a list the responsibilities table
 * brought in): its citation counts when it holds the expected text, as the user sees it quoted.
 */
export async function evaluate(answer: (question: string, options: { k: number }) => Promise<AnswerResult>, questions: EvalQuestion[], k: number, passageText?: (chunkId: string) => Promise<string | undefined>): Promise<EvalSummary> {
  const outcomes: QuestionOutcome[] = [];
  for (const question of questions) {
    const started = performance.now();
    const result = await answer(question.question, { k });
    const ms = performance.now() - started;
    if ("unanswerable" in question) {
      outcomes.push({ id: question.id, answerable: false, abstained: result.abstained, hitRank: 0, citationHit: false, sectionOk: false, grade: result.grade, answeredRight: false, itemShare: undefined, quoteOk: undefined, type: undefined, ms });
      continue;
    }
    const expected = question.expect.map(normalizeForMatch);
    const contains = (text: string) => expected.some((e) => normalizeForMatch(text).includes(e));
    const hitIndex = result.passages.findIndex((p) => contains(p.text));
    const cited = new Set(result.citations.map((c) => c.chunkId));
    let citationHit = result.passages.some((p) => cited.has(p.chunkId) && contains(p.text));
    for (const id of cited) {
      if (citationHit || !passageText || result.passages.some((p) => p.chunkId === id)) continue;
      citationHit = contains((await passageText(id)) ?? "");
    }
    const sectionOk = question.section === undefined
      || result.citations.some((c) => normalizeForMatch(c.section).includes(normalizeForMatch(question.section!)));
    const reply = normalizeForMatch(result.answer);
    const itemShare = question.items ? question.items.filter((item) => reply.includes(normalizeForMatch(item))).length / question.items.length : undefined;
    const quoteOk = question.quote ? question.quote.some((q) => reply.includes(normalizeForMatch(q))) : undefined;
    outcomes.push({
      id: question.id, answerable: true, abstained: result.abstained, hitRank: hitIndex + 1, citationHit, sectionOk, grade: result.grade,
      answeredRight: !result.abstained && citationHit, itemShare, quoteOk, type: question.type, ms,
    });
  }
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const withSection = questions.filter((q) => "section" in q && q.section !== undefined).map((q) => q.id);
  const rate = (items: QuestionOutcome[], test: (o: QuestionOutcome) => boolean) => (items.length ? round(items.filter(test).length / items.length) : 0);
  const withItems = answerable.filter((o) => o.itemShare !== undefined);
  const withQuote = answerable.filter((o) => o.quoteOk !== undefined);
  const correctAbstain = unanswerable.filter((o) => o.abstained).length + answerable.filter((o) => !o.abstained).length;
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    k,
    recallAtK: rate(answerable, (o) => o.hitRank > 0),
    mrr: answerable.length ? round(answerable.reduce((n, o) => n + (o.hitRank > 0 ? 1 / o.hitRank : 0), 0) / answerable.length) : 0,
    citationHitRate: rate(answerable, (o) => o.citationHit),
    sectionAccuracy: withSection.length ? rate(answerable.filter((o) => withSection.includes(o.id)), (o) => o.sectionOk) : null,
    abstainAccuracy: outcomes.length ? round(correctAbstain / outcomes.length) : 0,
    unanswerableAbstained: unanswerable.filter((o) => o.abstained).length,
    answerableWronglyAbstained: answerable.filter((o) => o.abstained).length,
    answerableRefused: answerable.filter((o) => o.grade === "none").length,
    answeredRight: answerable.filter((o) => o.answeredRight).length,
    quotesRightPassage: answerable.filter((o) => o.citationHit).length,
    unanswerableRefused: unanswerable.filter((o) => o.grade === "none").length,
    listItemShare: withItems.length ? round(withItems.reduce((n, o) => n + o.itemShare!, 0) / withItems.length) : null,
    quoteHits: withQuote.filter((o) => o.quoteOk).length,
    quoteQuestions: withQuote.length,
    latencyP50: round(percentile(outcomes.map((o) => o.ms), 50)),
    latencyP95: round(percentile(outcomes.map((o) => o.ms), 95)),
    outcomes,
  };
}
