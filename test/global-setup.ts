import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { GUIDANCE, OTHER, PRIMER } from "./helpers/corpus.ts";
import { KNOWLEDGE, runIngest } from "./helpers/index.ts";

/**
 * Ingested once for the whole suite, then copied by the tests that need them (never written to):
 * - the bundled knowledge's index (`copyKnowledgeIndex`), for tests about the bundled data itself;
 * - a test knowledge folder and its index (`testKnowledgeDir`, `copyTestKnowledgeIndex`): the made-up
 *   documents of test/helpers/corpus.ts with the bundled lexicon, checklists and quiz bank, for the
 *   channel tests, so adding or rewording a document in knowledge/ breaks none of them.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "tldv-shared-"));
  await runIngest(KNOWLEDGE, path.join(dir, "index"));
  const knowledge = path.join(dir, "test-knowledge");
  await mkdir(path.join(knowledge, "documents"), { recursive: true });
  await writeFile(path.join(knowledge, "documents", "huong-dan-qcdc.txt"), GUIDANCE);
  await writeFile(path.join(knowledge, "documents", "thong-bao.txt"), OTHER);
  await writeFile(path.join(knowledge, "documents", "boi-duong.txt"), PRIMER);
  for (const part of ["lexicon.yaml", "checklists", "quizzes"]) await cp(path.join(KNOWLEDGE, part), path.join(knowledge, part), { recursive: true });
  await runIngest(knowledge, path.join(dir, "test-index"));
  project.provide("knowledgeIndex", path.join(dir, "index"));
  project.provide("testKnowledge", { dir: knowledge, index: path.join(dir, "test-index") });
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    knowledgeIndex: string;
    testKnowledge: { dir: string; index: string };
  }
}
