import { readFile } from "node:fs/promises";
import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { readQuestionFile } from "../../src/eval.ts";
import type { EvalQuestion } from "../../src/eval.ts";
import type { RetrievalMode } from "../../src/retrieve.ts";
import { normalizeForMatch } from "../../src/text/normalize.ts";
import { KNOWLEDGE, ROOT, openAnswerer, runIngest, tempDir } from "../helpers/index.ts";
import { percentile, replicateCorpus, table } from "./util.ts";

/**
 * `npm run bench:query`: latency of answer() on the corpus and on a synthetic index of at least
 * 10,000 passages, and retrieval quality of each part next to the plain baseline a typical user
 * would build (LanceDB full-text search with default settings over the raw text, no lexicon).
 */
const DEV = path.join(ROOT, "../shared/eval/dev.jsonl");
const HOLDOUT = path.join(ROOT, "test/fixtures/holdout.jsonl");

async function questionSets(): Promise<Array<[string, EvalQuestion[]]>> {
  const sets: Array<[string, EvalQuestion[]]> = [];
  try {
    sets.push(["dev", await readQuestionFile(DEV)]);
  } catch {
    // shared/ is not beside this clone
  }
  sets.push(["holdout", await readQuestionFile(HOLDOUT)]);
  sets.push(["gõ sai/không dấu", await readQuestionFile(path.join(ROOT, "test/fixtures/typos.jsonl"))]);
  sets.push(["sai chính tả", await readQuestionFile(path.join(ROOT, "test/fixtures/misspelled.jsonl"))]);
  sets.push(["gõ sai nặng", await readQuestionFile(path.join(ROOT, "test/fixtures/typos-hard.jsonl"))]);
  sets.push(["diễn đạt khác", await readQuestionFile(path.join(ROOT, "test/fixtures/paraphrase.jsonl"))]);
  // Written by another helper, not looked at while the method was developed; run once the method was settled.
  sets.push(["diễn đạt khác (giữ riêng)", await readQuestionFile(path.join(ROOT, "test/fixtures/paraphrase-holdout.jsonl"))]);
  return sets;
}

type Ranker = (question: string) => Promise<string[]>;

async function quality(rank: Ranker, questions: EvalQuestion[]) {
  let hits = 0;
  let reciprocal = 0;
  let answerable = 0;
  for (const q of questions) {
    if ("unanswerable" in q) continue;
    answerable += 1;
    const expected = q.expect.map(normalizeForMatch);
    const texts = await rank(q.question);
    const at = texts.slice(0, 5).findIndex((t) => expected.some((e) => normalizeForMatch(t).includes(e)));
    if (at >= 0) {
      hits += 1;
      reciprocal += 1 / (at + 1);
    }
  }
  return { recall: hits / answerable, mrr: reciprocal / answerable };
}

const { dir, cleanup } = await tempDir("tldv-bench-");
try {
  // The corpus as shipped.
  const indexDir = path.join(dir, "index");
  await runIngest(KNOWLEDGE, indexDir);
  const answerer = await openAnswerer(indexDir);
  const sets = await questionSets();

  // The baseline: raw text, LanceDB's default full-text index (English stemming and stop words).
  const db = await lancedb.connect(path.join(dir, "baseline"));
  const rows = (await answerer.index.fullText(["dan"], 100_000)).map(({ passage }) => ({ id: passage.id, text: passage.text }));
  const baseline = await db.createTable("chunks", rows);
  await baseline.createIndex("text", { config: lancedb.Index.fts() });
  const baselineRank: Ranker = async (question) => (await baseline.query().fullTextSearch(question).limit(5).toArray()).map((r) => String(r.text));

  const quality_rows = [];
  const modes: Array<[string, RetrievalMode, boolean]> = [
    ["chỉ full-text (của ta)", "fulltext", false],
    ["chỉ vector (local)", "vector", false],
    ["hybrid RRF", "hybrid", false],
    ["chỉ full-text + xếp lại", "fulltext", true],
    ["hybrid RRF + xếp lại (mặc định)", "hybrid", true],
  ];
  for (const [setName, questions] of sets) {
    const base = await quality(baselineRank, questions);
    quality_rows.push({ "bộ câu hỏi": setName, "cách tìm": "LanceDB FTS mặc định (đường cơ sở)", "recall@5": base.recall, MRR: base.mrr });
    for (const [label, mode, rerank] of modes) {
      const q = await quality(async (question) => (await answerer.retriever.retrieve(question, { k: 5, mode, rerank })).ranked.map((r) => r.passage.text), questions);
      quality_rows.push({ "bộ câu hỏi": setName, "cách tìm": label, "recall@5": q.recall, MRR: q.mrr });
    }
  }
  table("bench:query — chất lượng tìm kiếm (5 đoạn đầu)", quality_rows);

  const latency = async (answer: typeof answerer.answer, questions: string[], rounds: number) => {
    for (const q of questions.slice(0, 5)) await answer(q); // warm-up
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of questions) {
        const started = performance.now();
        await answer(q);
        times.push(performance.now() - started);
      }
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
  };
  const allQuestions = sets.flatMap(([, qs]) => qs.map((q) => q.question));
  const small = await latency(answerer.answer, allQuestions, 3);
  answerer.close();

  // A synthetic index of at least 10,000 passages: the corpus replicated.
  const docs = path.join(dir, "big-docs");
  const perCopy = answerer.index.manifest.chunkCount;
  await replicateCorpus(path.join(KNOWLEDGE, "documents"), docs, Math.ceil(10_000 / perCopy));
  const bigIndex = path.join(dir, "big-index");
  const report = await runIngest(docs, bigIndex);
  const big = await openAnswerer(bigIndex);
  const large = await latency(big.answer, allQuestions, 2);
  big.close();
  table("bench:query — độ trễ answer() (bộ nhúng local, không LLM)", [
    { "chỉ mục": "kho tài liệu", "số đoạn": perCopy, "lượt hỏi": small.n, "p50 ms": small.p50, "p95 ms": small.p95 },
    { "chỉ mục": "tổng hợp", "số đoạn": report.chunks, "lượt hỏi": large.n, "p50 ms": large.p50, "p95 ms": large.p95 },
  ]);
  void readFile;
  void LocalEmbedder;
} finally {
  await cleanup();
}
