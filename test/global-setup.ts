import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { KNOWLEDGE, runIngest } from "./helpers/index.ts";

/**
 * The bundled knowledge is ingested once for the whole suite; tests that need an index of it copy
 * this one (`copyKnowledgeIndex`) instead of ingesting again. The original is never written to.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "tldv-shared-"));
  await runIngest(KNOWLEDGE, path.join(dir, "index"));
  project.provide("knowledgeIndex", path.join(dir, "index"));
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    knowledgeIndex: string;
  }
}
