import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError } from "../src/errors.ts";
import type { Logger } from "../src/log.ts";
import type { Lexicon } from "../src/lexicon.ts";
import type { PreparedFile } from "./prepare.ts";

/**
 * Each worker's heap (MB). Without a limit V8 lets an idle-looking worker keep hundreds of MB of
 * garbage: at 100 MB of text two workers added about 400 MB to the ingest's peak; with 128 MB the peak
 * fell by about 300 MB at the same speed (`npm run bench:ingest`, December 2026). Files larger than
 * WORKER_FILE_BYTES are prepared on the main thread, so one file never needs more than this.
 */
export const WORKER_HEAP_MB = 128;
/** Files above this size are prepared on the main thread (a 4 MB text needs about 60 MB of heap prepared). */
export const WORKER_FILE_BYTES = 4 * 1024 * 1024;

/** The error code of a file whose worker died (or of a pool with none left): prepare it elsewhere. */
export const WORKER_LOST = "unavailable:worker";

type Task = { id: number; file: string; relative: string; resolve: (value: PreparedFile) => void; reject: (error: Error) => void };
type Reply = { id: number; prepared?: PreparedFile; error?: { code: string; message: string } };

/**
 * A small pool of worker threads that prepare files in parallel (the work is CPU-bound; LanceDB
 * writes stay on the main thread). Used for large ingests with the local embedder. A worker that
 * dies (out of memory, a crash in a parser) fails only the files it held, and is replaced.
 */
export function createPreparePool(options: { lexicon: Lexicon; maxBytes: number; maxDocxPartBytes?: number; dimension: number; size?: number; heapMb?: number; logger?: Logger }) {
  const size = options.size ?? Math.max(1, Math.min(4, availableParallelism()));
  const url = new URL("./prepare-worker-entry.ts", import.meta.url);
  const heapMb = options.heapMb ?? WORKER_HEAP_MB;
  /** Tasks each worker holds, by id. */
  const held = new Map<Worker, Map<number, Task>>();
  let nextId = 0;
  let closing = false;
  let respawns = 0;

  const spawn = (): Worker => {
    const worker = new Worker(url, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
      workerData: { lexicon: options.lexicon, maxBytes: options.maxBytes, maxDocxPartBytes: options.maxDocxPartBytes, dimension: options.dimension },
    });
    const tasks = new Map<number, Task>();
    held.set(worker, tasks);
    worker.on("message", (message: Reply) => {
      const task = tasks.get(message.id);
      tasks.delete(message.id);
      if (!task) return;
      if (message.error) task.reject(message.error.code === "internal" ? new Error(message.error.message) : new AppError(message.error.code, message.error.message));
      else task.resolve(message.prepared!);
    });
    const died = (error: Error | undefined) => {
      if (!held.has(worker)) return;
      held.delete(worker);
      if (closing) return;
      options.logger?.warn("ingest.worker_died", { error: String(error?.message ?? error ?? "exited"), files: tasks.size });
      // Its files are handed back to be prepared on the main thread, which has the larger heap.
      for (const task of tasks.values()) task.reject(new AppError(WORKER_LOST, `luồng xử lý dừng khi đang xử lý tệp (${error?.message ?? "đã thoát"})`));
      // A worker that dies holding work is replaced; one that dies idle (it could not even start) is not.
      if (tasks.size > 0 && respawns++ < size * 2) spawn();
      tasks.clear();
    };
    worker.on("error", died);
    worker.on("exit", () => died(undefined));
    return worker;
  };
  for (let i = 0; i < size; i++) spawn();

  return {
    size,
    prepare(file: string, relative: string): Promise<PreparedFile> {
      const least = [...held.entries()].sort((a, b) => a[1].size - b[1].size)[0];
      if (!least) return Promise.reject(new AppError(WORKER_LOST, "không còn luồng xử lý nào"));
      const [worker, tasks] = least;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        tasks.set(id, { id, file, relative, resolve, reject });
        worker.postMessage({ id, file, relative });
      });
    },
    async close() {
      closing = true;
      await Promise.all([...held.keys()].map((w) => w.terminate()));
    },
  };
}
