import type { AnswerResult } from "../../src/answer/types.ts";
import type { EvalQuestion } from "../../src/eval.ts";
import { normalizeForMatch } from "../../src/text/normalize.ts";
import type { Knowledge } from "../compose.ts";

/** The training sets: written from the documents for fitting and tuning, never reported on. */
export const TRAINING_SETS = [
  "test/fixtures/answer-train-a.jsonl", "test/fixtures/answer-train-b.jsonl", "test/fixtures/answer-train-c.jsonl", "test/fixtures/answer-train-d.jsonl",
  // Far-off questions (gold prices, passports): without them the model only knows near misses.
  "test/fixtures/answer-train-offtopic.jsonl",
];

export type CandidateOutcome = {
  question: EvalQuestion;
  result: AnswerResult;
  answerable: boolean;
  /** The proposed answer (whatever its grade) quotes a passage that holds the expected text. */
  right: boolean;
  /** For a list question, the share of the expected items the proposed answer carries. */
  itemShare: number | undefined;
};

/** Runs each question through `answer()` and judges the answer it proposes, before any grading. */
export async function judgeCandidates(knowledge: Knowledge, questions: EvalQuestion[]): Promise<CandidateOutcome[]> {
  const texts = new Map<string, string>();
  const textOf = async (id: string) => {
    if (!texts.has(id)) texts.set(id, normalizeForMatch((await knowledge.index.passage(id))?.text ?? ""));
    return texts.get(id)!;
  };
  const out: CandidateOutcome[] = [];
  for (const question of questions) {
    const result = await knowledge.answer(question.question, { k: 5 });
    const candidate = result.explain?.candidate;
    if ("unanswerable" in question) {
      out.push({ question, result, answerable: false, right: false, itemShare: undefined });
      continue;
    }
    const expected = question.expect.map(normalizeForMatch);
    let right = false;
    for (const id of candidate?.citedIds ?? []) {
      const text = await textOf(id);
      if (expected.some((e) => text.includes(e))) right = true;
    }
    const reply = normalizeForMatch(candidate?.text ?? "");
    const itemShare = question.items ? question.items.filter((item) => reply.includes(normalizeForMatch(item))).length / question.items.length : undefined;
    out.push({ question, result, answerable: true, right, itemShare });
  }
  return out;
}

/** One figure to compare methods on the training sets: right answers, plus the share of list items carried. */
export function trainingScore(outcomes: CandidateOutcome[]): number {
  return outcomes.filter((o) => o.answerable).reduce((n, o) => n + (o.right ? 1 : 0) + (o.itemShare ?? (o.right ? 1 : 0)), 0);
}
