import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError } from "../src/errors.ts";
import type { Lexicon } from "../src/lexicon.ts";
import type { PreparedFile } from "./prepare.ts";

type Pending = { resolve: (value: PreparedFile) => void; reject: (error: Error) => void };

/**
 * A small pool of worker threads that prepare files in parallel (the work is CPU-bound; LanceDB
 * writes stay on the main thread). Used for large ingests with the local embedder.
 */
export function createPreparePool(options: { lexicon: Lexicon; maxBytes: number; maxDocxPartBytes?: number; dimension: number; size?: number }) {
  const size = options.size ?? Math.max(1, Math.min(4, availableParallelism()));
  const url = new URL("./prepare-worker.ts", import.meta.url);
  const workers = Array.from({ length: size }, () => new Worker(url, { workerData: { lexicon: options.lexicon, maxBytes: options.maxBytes, maxDocxPartBytes: options.maxDocxPartBytes, dimension: options.dimension } }));
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let nextId = 0;
  for (const worker of workers) {
    worker.on("message", (message: { id: number; prepared?: PreparedFile; error?: { code: string; message: string } }) => {
      load.set(worker, load.get(worker)! - 1);
      const task = pending.get(message.id);
      pending.delete(message.id);
      if (!task) return;
      if (message.error) task.reject(message.error.code === "internal" ? new Error(message.error.message) : new AppError(message.error.code, message.error.message));
      else task.resolve(message.prepared!);
    });
    worker.on("error", (error) => {
      for (const task of pending.values()) task.reject(error);
      pending.clear();
    });
  }
  return {
    size,
    prepare(file: string, relative: string): Promise<PreparedFile> {
      const worker = [...load.entries()].sort((a, b) => a[1] - b[1])[0]![0];
      load.set(worker, load.get(worker)! + 1);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, file, relative });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
