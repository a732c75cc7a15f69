import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { StageTimes } from "../src/stages.ts";
import { INGEST_STAGES, addTime } from "../src/stages.ts";
import { SIDECAR_SUFFIX } from "./document.ts";
import { SUPPORTED_EXTENSIONS } from "./load.ts";
import type { FileReport } from "./report.ts";

/** A file found in the knowledge folder, or one left out with the reason. */
export type Found = { file: string; relative: string } | { relative: string; skipped: string };

/** A file whose content is new or changed: it is read, prepared and written. */
export type Todo = { file: string; relative: string; hash: string; known: string | undefined; size: number };

/** Files hashed at once: the work is mostly waiting for the disk, so a few in parallel hide the latency. */
const HASH_CONCURRENCY = 8;
/** Below this size a file is hashed from one read; larger ones are streamed (never held whole). */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;

/** The content hash of a document and its metadata file. */
async function contentHash(file: string, size: number): Promise<string> {
  const hash = createHash("sha256");
  if (size <= WHOLE_READ_BYTES) hash.update(await readFile(file));
  else for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  // The metadata file beside a document is part of what the index was built from.
  try {
    hash.update(await readFile(file + SIDECAR_SUFFIX));
  } catch {
    // no metadata file
  }
  return hash.digest("hex");
}

/** A file-system error as a reason a user can act on. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "tệp đã bị xóa hoặc đổi tên trong lúc nạp";
  if (code === "EACCES" || code === "EPERM") return "không có quyền đọc tệp";
  if (code === "EISDIR") return "là thư mục, không phải tệp";
  if (code === "ERR_FS_FILE_TOO_LARGE") return "tệp quá lớn để đọc";
  return `không đọc được tệp (${code ?? (error as Error).message ?? String(error)})`;
}

export type CheckContext = {
  maxBytes: number;
  /** Files in the index, by path, with the hash they were built from. */
  known: ReadonlyMap<string, string>;
  /** Files that failed before, with the hash they failed on. */
  failures: ReadonlyMap<string, { hash: string; reason: string }>;
  stages: StageTimes;
};

/** What to do with one found file: a report now (skipped, unchanged, failed) or work to do. */
async function checkOne(item: Found, context: CheckContext): Promise<FileReport | Todo> {
  if ("skipped" in item) return { path: item.relative, status: "skipped", reason: item.skipped };
  const { file, relative } = item;
  const extension = path.extname(file).toLowerCase();
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return { path: relative, status: "skipped", reason: `định dạng ${extension || "(không có đuôi)"} chưa được hỗ trợ` };
  }
  // Every step on the file itself is inside this file's own error handling: one bad file never stops the others.
  let hash: string;
  let size: number;
  try {
    const info = await stat(file);
    if (info.size > context.maxBytes) {
      const reason = `tệp quá lớn (${(info.size / 1048576).toFixed(1)} MB, giới hạn ${(context.maxBytes / 1048576).toFixed(0)} MB; đổi MAX_FILE_MB nếu cần)`;
      return { path: relative, status: "failed", reason: context.known.has(relative) ? `${reason} (giữ bản đã nạp trước đó)` : reason };
    }
    size = info.size;
    const started = performance.now();
    hash = await contentHash(file, info.size);
    addTime(context.stages, INGEST_STAGES.hash, performance.now() - started);
  } catch (error) {
    return { path: relative, status: "failed", reason: reasonOf(error) };
  }
  const known = context.known.get(relative);
  if (known === hash) return { path: relative, status: "unchanged" };
  // A file that failed before is not read again until it changes.
  const failedBefore = context.failures.get(relative);
  if (failedBefore && failedBefore.hash === hash) return { path: relative, status: "failed", reason: `${failedBefore.reason} (chưa đổi từ lần nạp trước)` };
  return { file, relative, hash, known, size };
}

/**
 * Checks found files in order, a few at a time: yields each file's report or the work to do, in the
 * order found (so reports and ids stay deterministic).
 */
export async function* checkFiles(found: Found[], context: CheckContext): AsyncGenerator<{ relative: string; outcome: FileReport | Todo }> {
  const pending: Array<Promise<FileReport | Todo>> = [];
  let next = 0;
  const fill = () => {
    while (next < found.length && pending.length < HASH_CONCURRENCY) pending.push(checkOne(found[next++]!, context));
  };
  for (let i = 0; i < found.length; i++) {
    fill();
    const outcome = await pending.shift()!;
    yield { relative: found[i]!.relative, outcome };
  }
}

export function isTodo(outcome: FileReport | Todo): outcome is Todo {
  return "hash" in outcome;
}
