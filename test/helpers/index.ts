import type { Logger } from "../../src/log.ts";
import { cp, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Embedder } from "../../src/embed/embedder.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { openIndex } from "../../src/index/store.ts";
import { createRetriever } from "../../src/retrieve.ts";
import { createAnswerer } from "../../src/answer/answer.ts";
import type { AnswerGenerator } from "../../src/answer/generate.ts";
import { ingest } from "../../ingest/pipeline.ts";
import { createConversation } from "../../bot/core/conversation.ts";
import type { KnowledgeHolder } from "../../bot/knowledge-holder.ts";
import type { StateStore } from "../../src/state/store.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const KNOWLEDGE = path.join(ROOT, "knowledge");
export const LEXICON_FILE = path.join(KNOWLEDGE, "lexicon.yaml");

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = "tldv-"): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes files (path → content) under a folder. */
export async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

export async function runIngest(dir: string, indexDir: string, options: { rebuild?: boolean; embedder?: Embedder; maxBytes?: number; flushRows?: number; workerThreshold?: number; workerHeapMb?: number; logger?: Logger } = {}) {
  const { lexicon, hash } = await loadLexicon(LEXICON_FILE);
  return ingest({
    dir,
    indexDir,
    embedder: options.embedder ?? new LocalEmbedder(),
    lexicon,
    lexiconHash: hash,
    maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
    rebuild: options.rebuild,
    flushRows: options.flushRows,
    workerThreshold: options.workerThreshold,
    ...(options.workerHeapMb ? { workerHeapMb: options.workerHeapMb } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

/** The real answer pipeline over an index folder. */
export async function openAnswerer(indexDir: string, generator?: AnswerGenerator, logger?: Logger) {
  const embedder = new LocalEmbedder();
  const { lexicon } = await loadLexicon(LEXICON_FILE);
  const index = await openIndex(indexDir, embedder.info);
  const retriever = createRetriever({ index, embedder, lexicon });
  return { index, retriever, answer: createAnswerer({ retriever, generator, ...(logger ? { logger } : {}) }), close: () => index.close() };
}

/** The conversation core over a knowledge holder and a store, without quizzes or checklists. */
export function conversationFor(holder: KnowledgeHolder, store: StateStore, options: { questionsPerMinute?: number; maxQuestionChars?: number } = {}) {
  return createConversation({
    answer: (q, filter) => holder.current().answer(q, filter),
    passage: (id) => holder.current().index.passage(id),
    documents: async () => (await holder.current().index.registry()).documents,
    store, bank: () => [], checklists: () => [], practiceCount: 10, maxQuestionChars: options.maxQuestionChars ?? 1000, questionsPerMinute: options.questionsPerMinute ?? 1000,
  });
}

async function provided<K extends "knowledgeIndex" | "testKnowledge">(key: K) {
  const { inject } = await import("vitest");
  try {
    return inject(key);
  } catch {
    return undefined; // not under vitest (a benchmark)
  }
}

/**
 * A fresh copy of the bundled knowledge's index (ingested once for the suite by test/global-setup.ts;
 * outside vitest, ingested here), for tests about the bundled data itself.
 */
export async function copyKnowledgeIndex(indexDir: string): Promise<void> {
  const shared = await provided("knowledgeIndex");
  if (shared) await cp(shared, indexDir, { recursive: true });
  else await runIngest(KNOWLEDGE, indexDir);
}

/**
 * The channel tests' knowledge folder: the made-up documents of test/helpers/corpus.ts with the bundled
 * lexicon, checklists and quiz bank (built by test/global-setup.ts), and a fresh copy of its index.
 */
export async function testKnowledgeDir(): Promise<string> {
  const shared = await provided("testKnowledge");
  if (!shared) throw new Error("testKnowledgeDir() needs vitest's global setup (test/global-setup.ts).");
  return shared.dir;
}

export async function copyTestKnowledgeIndex(indexDir: string): Promise<void> {
  const shared = await provided("testKnowledge");
  if (!shared) throw new Error("copyTestKnowledgeIndex() needs vitest's global setup (test/global-setup.ts).");
  await cp(shared.index, indexDir, { recursive: true });
}

/**
 * The whole app (knowledge, store, quiz bank, checklists, conversation core) over the test knowledge
 * folder, in a temp folder. `writable`: over a copy of that folder, for tests that upload or remove
 * documents; `env`: more settings (ADMIN_PASSWORD, TELEGRAM_BOT_TOKEN …).
 */
export async function openTestApp(options: { writable?: boolean; env?: Record<string, string> } = {}) {
  const { loadConfig } = await import("../../src/config.ts");
  const { silentLogger } = await import("../../src/log.ts");
  const { openApp } = await import("../../bot/app.ts");
  const temp = await tempDir();
  await copyTestKnowledgeIndex(path.join(temp.dir, "index"));
  const knowledgeDir = options.writable ? path.join(temp.dir, "knowledge") : await testKnowledgeDir();
  if (options.writable) await cp(await testKnowledgeDir(), knowledgeDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: temp.dir, KNOWLEDGE_DIR: knowledgeDir, ...options.env });
  const app = await openApp(config, silentLogger);
  return { app, config, dir: temp.dir, knowledgeDir, close: async () => { app.close(); await temp.cleanup(); } };
}

/** The answer pipeline over a few made-up files (name → text), ingested into a temp folder. */
export async function answererOver(files: Record<string, string>) {
  const temp = await tempDir();
  await writeFiles(path.join(temp.dir, "docs"), files);
  await runIngest(path.join(temp.dir, "docs"), path.join(temp.dir, "index"));
  const answerer = await openAnswerer(path.join(temp.dir, "index"));
  return { ...answerer, close: async () => { answerer.close(); await temp.cleanup(); } };
}

/** `use` given the answer pipeline over these files, closed after it whatever happens. */
export async function withAnswererOver<T>(files: Record<string, string>, use: (answerer: Awaited<ReturnType<typeof answererOver>>) => Promise<T>): Promise<T> {
  const answerer = await answererOver(files);
  try {
    return await use(answerer);
  } finally {
    await answerer.close();
  }
}

/** The answer pipeline over the tests' own corpus (test/helpers/corpus.ts), in a temp folder. */
export async function openCorpusAnswerer() {
  const { GUIDANCE, OTHER } = await import("./corpus.ts");
  const temp = await tempDir();
  await writeFiles(path.join(temp.dir, "docs"), { "huong-dan-qcdc.txt": GUIDANCE, "thong-bao.txt": OTHER });
  await runIngest(path.join(temp.dir, "docs"), path.join(temp.dir, "index"));
  const answerer = await openAnswerer(path.join(temp.dir, "index"));
  return { ...answerer, close: async () => { answerer.close(); await temp.cleanup(); } };
}
