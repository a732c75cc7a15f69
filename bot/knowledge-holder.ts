import type { Config } from "../src/config.ts";
import type { IngestReport } from "../ingest/pipeline.ts";
import type { Knowledge } from "./compose.ts";
import { ingestKnowledge, openKnowledge } from "./compose.ts";

/**
 * Holds the knowledge in force and swaps it on reload: the new index is built and opened first,
 * then replaces the old one, which is closed once in-flight answers have had time to finish.
 */
export async function createKnowledgeHolder(config: Config) {
  let current: Knowledge = await openKnowledge(config);
  let reloading: Promise<IngestReport> | undefined;
  return {
    current: () => current,
    reload(): Promise<IngestReport> {
      // Two /reload at once share one ingest.
      reloading ??= (async () => {
        try {
          const report = await ingestKnowledge(config);
          if (report.changed) {
            const previous = current;
            current = await openKnowledge(config);
            setTimeout(() => previous.close(), 30_000).unref();
          }
          return report;
        } finally {
          reloading = undefined;
        }
      })();
      return reloading;
    },
    close: () => current.close(),
  };
}

export type KnowledgeHolder = Awaited<ReturnType<typeof createKnowledgeHolder>>;
