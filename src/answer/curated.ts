import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { TermStats } from "../index/term-stats.ts";
import type { Lexicon } from "../lexicon.ts";
import { analyseQuery } from "../query.ts";
import { collapseWhitespace, fold, nfc } from "../text/normalize.ts";
import { CURATED } from "./weights.ts";

/**
 * Curated answers: an admin approves an answer for a question (written fresh, or corrected from a reply
 * voted 👎), with at least one citation to a passage that exists (its id and a verbatim quote). An
 * incoming question that matches the curated question, or one of its added phrasings, above a high
 * threshold (CURATED.threshold) gets that answer, marked approved, on every channel. Matching reads the
 * question alone: its content words and word pairs, folded, abbreviations written out, each weighted by
 * how rare it is in the documents (IDF), compared by cosine.
 */

export const curatedCitationSchema = z.object({ chunkId: z.string().min(1), quote: z.string().min(1) });
export const curatedAnswerSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  phrasings: z.array(z.string().min(1)),
  answer: z.string().min(1),
  citations: z.array(curatedCitationSchema).min(1),
  /** `suspended`: a cited passage changed or disappeared; shown for review, not served. */
  status: z.enum(["active", "suspended"]),
  reason: z.string().optional(),
  hits: z.number().int().nonnegative(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CuratedAnswer = z.infer<typeof curatedAnswerSchema>;
export type CuratedCitation = z.infer<typeof curatedCitationSchema>;

/** Where curated answers are kept (the state store) and their hits counted. */
export type CuratedSource = {
  all(): Promise<CuratedAnswer[]>;
  hit(id: string): Promise<void>;
  suspend(id: string, reason: string): Promise<void>;
};

/**
 * A question as weighted terms (folded content syllables and the pairs they form), the numbers it
 * names, ordinals included ("bước 3", "bước thứ ba", "năm 2014"), and whether it is negated ("không
 * được", "cấm"): two questions that differ in either ask different things however alike their words.
 */
export type QuestionKey = { terms: string[]; numbers: string; negated: boolean };

/** Words that turn a question around ("Cán bộ không được làm gì" is not "Cán bộ được làm gì"), folded. */
const NEGATION = /\b(?:khong|chua|ko|kg|dung co|nghiem cam)\b/;
/** …and those whose folded form is another common word ("cấm" / "cảm ơn"), only as typed with their marks. */
const NEGATION_MARKED = /(?<!\p{L})(?:cấm|chẳng|chả)(?!\p{L})/u;

export function questionTerms(question: string, lexicon: Lexicon): QuestionKey {
  const query = analyseQuery(question, lexicon);
  const numbers = new Set((fold(question).match(/\d+/g) ?? []).map((n) => String(Number(n))));
  if (query.ordinalNumber !== undefined) numbers.add(String(query.ordinalNumber));
  return {
    terms: [...new Set([...query.concepts.map((c) => c.folded).filter((w) => !/^\d+$/.test(w)), ...query.bigrams.filter((b) => b.weight === 1).map((b) => b.token)])],
    numbers: [...numbers].sort().join(" "),
    // "không" as the question word at the end ("… có được … không?") asks yes or no; elsewhere it negates.
    negated: NEGATION.test(fold(question).toLowerCase().replace(/[?!.\s]+$/, "").replace(/\s(?:khong|ko|chua)$/, "")) || NEGATION_MARKED.test(nfc(question).toLowerCase()),
  };
}

/** IDF-weighted cosine of two questions' terms (0..1); 0 when they name different numbers. */
export function questionSimilarity(a: QuestionKey, b: QuestionKey, stats: TermStats): number {
  if (a.numbers !== b.numbers || a.negated !== b.negated) return 0;
  const weight = (term: string) => stats.idf(term) ** 2;
  const inB = new Set(b.terms);
  const shared = a.terms.filter((t) => inB.has(t)).reduce((n, t) => n + weight(t), 0);
  const norm = Math.sqrt(a.terms.reduce((n, t) => n + weight(t), 0) * b.terms.reduce((n, t) => n + weight(t), 0));
  return norm > 0 ? shared / norm : 0;
}

/** The active curated answer whose question (or a phrasing) matches best, when it clears the threshold. */
export function matchCurated(question: string, entries: readonly CuratedAnswer[], lexicon: Lexicon, stats: TermStats): { entry: CuratedAnswer; similarity: number } | undefined {
  const asked = questionTerms(question, lexicon);
  if (asked.terms.length === 0) return undefined;
  let best: { entry: CuratedAnswer; similarity: number } | undefined;
  for (const entry of entries) {
    if (entry.status !== "active") continue;
    for (const phrasing of [entry.question, ...entry.phrasings]) {
      const similarity = questionSimilarity(asked, questionTerms(phrasing, lexicon), stats);
      if (!best || similarity > best.similarity) best = { entry, similarity };
    }
  }
  return best && best.similarity >= CURATED.threshold ? best : undefined;
}

/**
 * A new curated answer's id: short, and typeable after `npm run curated -- remove`. It never begins with
 * "-", which the command line would read as an option (a bare base64url id did, one time in 64).
 */
export function newCuratedId(): string {
  return `c${randomBytes(6).toString("base64url")}`;
}

/** A quote shorter than this (in words) cites nothing in particular. */
export const MIN_QUOTE_WORDS = 4;

/** The quote (at least MIN_QUOTE_WORDS words) is still, word for word (whitespace aside), in the passage. */
export function quoteHolds(passage: { text: string; clean: string }, quote: string): boolean {
  const squash = (text: string) => collapseWhitespace(text).toLowerCase();
  const wanted = squash(quote).replace(/…$/, "").trim();
  if ((wanted.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_QUOTE_WORDS) return false;
  return squash(passage.text).includes(wanted) || squash(passage.clean).includes(wanted);
}

/** After an ingest: curated answers whose cited passages changed or disappeared are suspended (returns their ids). */
export async function suspendChanged(source: CuratedSource, passagesOf: (ids: string[]) => Promise<Array<{ id: string; text: string; clean: string }>>, reasonOf: (chunkId: string) => string): Promise<string[]> {
  const suspended: string[] = [];
  for (const entry of await source.all()) {
    if (entry.status !== "active") continue;
    const passages = new Map((await passagesOf(entry.citations.map((c) => c.chunkId))).map((p) => [p.id, p]));
    const broken = entry.citations.find((c) => !passages.has(c.chunkId) || !quoteHolds(passages.get(c.chunkId)!, c.quote));
    if (broken) {
      await source.suspend(entry.id, reasonOf(broken.chunkId));
      suspended.push(entry.id);
    }
  }
  return suspended;
}
