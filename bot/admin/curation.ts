import { z } from "zod";
import type { CuratedAnswer } from "../../src/answer/curated.ts";
import { curatedCitationSchema, MIN_QUOTE_WORDS, newCuratedId, questionSimilarity, questionTerms, quoteHolds } from "../../src/answer/curated.ts";
import { firstSentence } from "../../src/answer/rules/text.ts";
import type { Logger } from "../../src/log.ts";
import type { StateStore } from "../../src/state/store.ts";
import { collapseWhitespace } from "../../src/text/normalize.ts";
import type { Knowledge } from "../compose.ts";

/**
 * What admins review and approve (the console's review pages): answers voted 👎, questions told "not
 * covered" grouped by topic with the closest passages, and the curated answers themselves. An approved
 * answer needs at least one citation to a passage that exists, with a quote found word for word in it.
 */

export const newCuratedSchema = z.object({
  question: z.string().trim().min(3).max(500),
  answer: z.string().trim().min(3).max(4000),
  citations: z.array(curatedCitationSchema).min(1).max(5),
  phrasings: z.array(z.string().trim().min(3).max(500)).max(10).default([]),
});
export type NewCurated = z.input<typeof newCuratedSchema>;

/** Refused questions this alike (IDF-weighted cosine) are one topic. Chosen by reading groups of the training sets' near misses. */
const SAME_TOPIC = 0.5;

export type PassageHint = { chunkId: string; label: string; quote: string };

export function createCuration(deps: { store: StateStore; knowledge: () => Knowledge; invalidate: () => void; logger: Logger }) {
  const { store } = deps;
  const hint = (p: { id: string; citation: string; clean: string }): PassageHint => ({ chunkId: p.id, label: p.citation, quote: firstSentence(collapseWhitespace(p.clean), 240) });

  return {
    list: () => store.curatedAnswers(),

    /** Saves an approved answer after checking that every cited passage exists and holds its quote. */
    async approve(actor: string, input: NewCurated): Promise<{ ok: true; entry: CuratedAnswer } | { ok: false; error: string }> {
      const parsed = newCuratedSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
      const { question, answer, citations, phrasings } = parsed.data;
      const passages = new Map((await deps.knowledge().index.passages(citations.map((c) => c.chunkId))).map((p) => [p.id, p]));
      for (const c of citations) {
        const passage = passages.get(c.chunkId);
        if (!passage) return { ok: false, error: `không có đoạn ${c.chunkId} trong kho tài liệu` };
        if (!quoteHolds(passage, c.quote)) return { ok: false, error: `đoạn ${c.chunkId} không có nguyên văn «${c.quote}» (cần ít nhất ${MIN_QUOTE_WORDS} chữ, chép đúng từ đoạn nguồn)` };
      }
      const now = new Date().toISOString();
      const entry: CuratedAnswer = { id: newCuratedId(), question, phrasings, answer, citations, status: "active", hits: 0, createdBy: actor, createdAt: now, updatedAt: now };
      await store.saveCurated(entry);
      await store.audit({ at: now, actor, action: "curate", target: entry.id, detail: question });
      deps.invalidate();
      return { ok: true, entry };
    },

    async remove(actor: string, id: string): Promise<boolean> {
      const removed = await store.removeCurated(id);
      if (removed) {
        await store.audit({ at: new Date().toISOString(), actor, action: "uncurate", target: id, detail: "" });
        deps.invalidate();
      }
      return removed;
    },

    /** Answers voted 👎, newest first, with the passages they cited (to start a corrected answer from). */
    async downvoted(limit = 50) {
      const rows = await store.weakAnswers(limit);
      return Promise.all(rows.map(async (row) => {
        const stored = await store.getAnswer(row.answerId);
        const passages = stored ? await deps.knowledge().index.passages(stored.chunkIds) : [];
        return { answerId: row.answerId, question: row.question, answer: row.answer, channel: stored?.channel ?? "", at: row.createdAt, passages: passages.map(hint) };
      }));
    },

    /** Questions told "not covered", similar ones together (most asked first), each topic with its closest passages. */
    async refusedTopics(limit = 300) {
      const rows = await store.refusedQuestions(limit);
      const knowledge = deps.knowledge();
      const keys = rows.map((r) => questionTerms(r.question, knowledge.retriever.lexicon));
      const groups: Array<{ questions: string[]; lastAt: string; key: (typeof keys)[number] }> = [];
      rows.forEach((row, i) => {
        const group = groups.find((g) => questionSimilarity(g.key, keys[i]!, knowledge.index.stats) >= SAME_TOPIC);
        if (group) group.questions.push(row.question);
        else groups.push({ questions: [row.question], lastAt: row.createdAt, key: keys[i]! });
      });
      groups.sort((a, b) => b.questions.length - a.questions.length);
      return Promise.all(groups.slice(0, 30).map(async (g) => {
        const { ranked } = await knowledge.retriever.retrieve(g.questions[0]!, { k: 3 }).catch((error: unknown) => {
          deps.logger.warn("admin.refused_closest", { error });
          return { ranked: [] };
        });
        return { count: g.questions.length, questions: [...new Set(g.questions)].slice(0, 5), lastAt: g.lastAt, closest: ranked.map((r) => hint(r.passage)) };
      }));
    },
  };
}

export type Curation = ReturnType<typeof createCuration>;
