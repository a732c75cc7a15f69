import type { Config } from "../src/config.ts";
import { readManifest } from "../src/index/manifest.ts";
import type { Logger } from "../src/log.ts";
import type { CuratedSource } from "../src/answer/curated.ts";
import type { IngestReport } from "../ingest/pipeline.ts";
import type { Knowledge } from "./compose.ts";
import { ingestKnowledge, openKnowledge } from "./compose.ts";

/** How often the manifest is read to notice an index written by another process (`npm run ingest`). */
export const MANIFEST_POLL_MS = 2_000;
/** The longest an old index stays open for answers still running on it. */
const CLOSE_AFTER_MS = 30_000;

/**
 * Holds the knowledge in force and swaps it when the index changes: after a /reload, or when another
 * process (`npm run ingest`) writes a new manifest, noticed by polling it. The new index is opened
 * first; the old one is closed when the answers running on it have finished (at most 30 s later).
 */
export async function createKnowledgeHolder(config: Config, logger?: Logger, curated?: CuratedSource) {
  let current: Knowledge = await openKnowledge(config, logger, curated);
  const running = new Map<Knowledge, number>();
  let reloading: Promise<IngestReport> | undefined;
  let swapping: Promise<void> | undefined;

  const retire = (old: Knowledge) => {
    const started = Date.now();
    const check = setInterval(() => {
      if ((running.get(old) ?? 0) === 0 || Date.now() - started > CLOSE_AFTER_MS) {
        clearInterval(check);
        running.delete(old);
        old.close();
      }
    }, 200);
    check.unref();
  };

  /** Opens the index the manifest now names, if it is not the one in force. */
  const follow = (): Promise<void> => {
    swapping ??= (async () => {
      try {
        const manifest = await readManifest(config.indexDir);
        if (!manifest || manifest.generation === current.index.manifest.generation) return;
        const next = await openKnowledge(config, logger, curated);
        const previous = current;
        current = next;
        logger?.info("index.swapped", { generation: manifest.generation, passages: manifest.chunkCount });
        retire(previous);
      } catch (error) {
        logger?.warn("index.follow", { error });
      } finally {
        swapping = undefined;
      }
    })();
    return swapping;
  };

  const poll = setInterval(() => void follow(), MANIFEST_POLL_MS);
  poll.unref();

  /** The knowledge in force, counted while an answer runs on it so that a swap does not close it underneath. */
  const current_ = () => current;
  const use = async <T>(work: (knowledge: Knowledge) => Promise<T>): Promise<T> => {
    const knowledge = current;
    running.set(knowledge, (running.get(knowledge) ?? 0) + 1);
    try {
      return await work(knowledge);
    } finally {
      running.set(knowledge, (running.get(knowledge) ?? 1) - 1);
    }
  };

  return {
    current: current_,
    use,
    /** Reads the manifest now (tests, and after a /reload). */
    follow,
    reload(): Promise<IngestReport> {
      // Two /reload at once share one ingest.
      reloading ??= (async () => {
        try {
          const report = await ingestKnowledge(config);
          if (report.changed) await follow();
          return report;
        } finally {
          reloading = undefined;
        }
      })();
      return reloading;
    },
    close: () => {
      clearInterval(poll);
      current.close();
    },
  };
}

export type KnowledgeHolder = Awaited<ReturnType<typeof createKnowledgeHolder>>;
