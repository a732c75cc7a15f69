import { readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";

/**
 * How a file is read while preparing it. The main thread reads without blocking (it also writes the
 * index and, under `npm start`, serves chats). A worker thread does nothing else while it prepares a
 * file, so it reads with blocking calls: its asynchronous reads would queue on the libuv thread pool
 * that every thread of the process shares (4 threads, also busy hashing files and writing the index),
 * and each small file waited its turn several times (open, stat, read, close). `npm run bench:ingest`,
 * December 2026: the "read" stage summed over the workers fell from about 3.8 s to 0.9 s for 10 MB.
 */
export type FileReads = {
  size(file: string): Promise<number>;
  bytes(file: string): Promise<Buffer>;
};

export const NON_BLOCKING: FileReads = {
  size: async (file) => (await stat(file)).size,
  bytes: (file) => readFile(file),
};

export const BLOCKING: FileReads = {
  size: async (file) => statSync(file).size,
  bytes: async (file) => readFileSync(file),
};
