import { parentPort, workerData } from "node:worker_threads";
import { LocalEmbedder } from "../src/embed/local.ts";
import { AppError } from "../src/errors.ts";
import type { Lexicon } from "../src/lexicon.ts";
import { BLOCKING } from "./file-reads.ts";
import { prepareFile } from "./prepare.ts";

/**
 * A worker thread that prepares files (load, clean, chunk, search text, local vectors) for the main
 * thread to write, one at a time: a worker's heap holds one file's work, whatever is queued.
 */
const { lexicon, maxBytes, maxDocxPartBytes, dimension } = workerData as { lexicon: Lexicon; maxBytes: number; maxDocxPartBytes?: number; dimension: number };
const embedder = new LocalEmbedder(dimension);

type Task = { id: number; file: string; relative: string };
const queue: Task[] = [];
let busy = false;

async function run(task: Task): Promise<void> {
  try {
    const prepared = await prepareFile(task.file, task.relative, { maxBytes, maxDocxPartBytes, lexicon, embedder, reads: BLOCKING });
    const buffers = prepared.vectors?.flat().map((v) => v.buffer as ArrayBuffer) ?? [];
    parentPort!.postMessage({ id: task.id, prepared }, buffers);
  } catch (error) {
    const app = error instanceof AppError ? { code: error.code, message: error.message } : { code: "internal", message: String((error as Error)?.stack ?? error) };
    parentPort!.postMessage({ id: task.id, error: app });
  }
}

parentPort!.on("message", async (task: Task) => {
  queue.push(task);
  if (busy) return;
  busy = true;
  while (queue.length > 0) await run(queue.shift()!);
  busy = false;
});
