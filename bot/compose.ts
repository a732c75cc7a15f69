import path from "node:path";
import type { Config } from "../src/config.ts";
import type { Logger } from "../src/log.ts";
import { createAnswerer } from "../src/answer/answer.ts";
import type { CuratedSource } from "../src/answer/curated.ts";
import { createAgentGenerator } from "../src/answer/generate.ts";
import { createEmbedder } from "../src/embed/factory.ts";
import { openIndex } from "../src/index/store.ts";
import { loadLexicon } from "../src/lexicon.ts";
import { createRetriever } from "../src/retrieve.ts";
import { ingest } from "../ingest/pipeline.ts";
import type { IngestReport } from "../ingest/pipeline.ts";

/** Composition root: builds the answer pipeline from settings. Only entry points call this. */
export async function openKnowledge(config: Config, logger?: Logger, curated?: CuratedSource) {
  const embedder = createEmbedder(config);
  const { lexicon } = await loadLexicon(path.join(config.knowledgeDir, "lexicon.yaml"));
  const index = await openIndex(config.indexDir, embedder.info, logger ? { logger } : {});
  const retriever = createRetriever({ index, embedder, lexicon });
  const generator = config.llmEnabled
    ? createAgentGenerator({ apiKey: config.OPENAI_API_KEY!, baseURL: config.OPENAI_BASE_URL, model: config.LLM_MODEL })
    : undefined;
  const answer = createAnswerer({ retriever, generator, defaultK: config.ANSWER_TOP_K, ...(logger ? { logger } : {}), ...(curated ? { curated } : {}) });
  return { index, retriever, answer, close: () => index.close() };
}

export type Knowledge = Awaited<ReturnType<typeof openKnowledge>>;

/** Ingests the knowledge folder; unchanged files are skipped, so this is cheap when nothing changed. */
export async function ingestKnowledge(config: Config, rebuild = false): Promise<IngestReport> {
  const { lexicon, hash } = await loadLexicon(path.join(config.knowledgeDir, "lexicon.yaml"));
  return ingest({
    dir: config.knowledgeDir,
    indexDir: config.indexDir,
    embedder: createEmbedder(config),
    lexicon,
    lexiconHash: hash,
    maxBytes: config.MAX_FILE_MB * 1024 * 1024,
    maxDocxPartBytes: config.MAX_DOCX_PART_MB * 1024 * 1024,
    rebuild,
    ...(config.DATABASE_URL ? { lockUrl: config.DATABASE_URL } : {}),
  });
}
