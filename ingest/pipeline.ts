import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Embedder } from "../src/embed/embedder.ts";
import { AppError } from "../src/errors.ts";
import { LocalEmbedder } from "../src/embed/local.ts";
import { IndexWriter } from "../src/index/writer.ts";
import type { Lexicon } from "../src/lexicon.ts";
import { SIDECAR_SUFFIX } from "./document.ts";
import { SUPPORTED_EXTENSIONS } from "./load.ts";
import type { PreparedFile } from "./prepare.ts";
import { prepareFile } from "./prepare.ts";
import { createPreparePool } from "./worker-pool.ts";

export type FileStatus = "added" | "updated" | "unchanged" | "removed" | "skipped" | "failed";

export type FileReport = {
  path: string;
  status: FileStatus;
  reason?: string;
  documents?: number;
  chunks?: number;
  warnings?: string[];
};

export type IngestReport = {
  dir: string;
  rebuilt: boolean;
  changed: boolean;
  documents: number;
  chunks: number;
  bytes: number;
  seconds: number;
  files: FileReport[];
  /** Files that could not be read or are not supported; non-zero exit with --strict. */
  problems: number;
};

export type IngestOptions = {
  dir: string;
  indexDir: string;
  embedder: Embedder;
  lexicon: Lexicon;
  lexiconHash: string;
  maxBytes: number;
  rebuild?: boolean;
  /** Passages buffered before a write to the index (tests use a small number). */
  flushRows?: number;
  /** From this many files on, the local embedder's work runs in worker threads (default 16). */
  workerThreshold?: number;
  onStart?: (files: number) => void;
  onFile?: (file: string) => void;
};

/** Files that are the app's own data (lexicon, quizzes, checklists, metadata), never documents. */
const DATA_FILE = /\.(ya?ml|json|jsonl)$/i;

async function walk(dir: string, root = dir): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not_found:dir", `Không thấy thư mục tài liệu ${dir}`, { dir });
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, root)));
    else if (entry.isFile() && !DATA_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

async function contentHash(file: string): Promise<string> {
  const hash = createHash("sha256").update(await readFile(file));
  // The metadata file beside a document is part of what the index was built from.
  try {
    hash.update(await readFile(file + SIDECAR_SUFFIX));
  } catch {
    // no metadata file
  }
  return hash.digest("hex");
}

/**
 * Brings the index in line with a folder: new and changed files are (re)built, unchanged ones
 * skipped by content hash, deleted ones removed. A file that cannot be read is reported with its
 * reason and never stops the others; if an earlier version of it is indexed, that version stays.
 */
export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const dir = path.resolve(options.dir);
  const files = await walk(dir);
  const writer = await IndexWriter.open(options.indexDir, options.embedder, {
    rebuild: options.rebuild,
    lexiconHash: options.lexiconHash,
    flushRows: options.flushRows,
  });
  const reports: FileReport[] = [];
  let bytes = 0;
  // Large ingests with the local embedder prepare files in worker threads; LanceDB writes stay here.
  const local = options.embedder instanceof LocalEmbedder ? options.embedder : undefined;
  const pool = local && files.length >= (options.workerThreshold ?? 16)
    ? createPreparePool({ lexicon: options.lexicon, maxBytes: options.maxBytes, dimension: local.info.dimension })
    : undefined;
  try {
    options.onStart?.(files.length);
    const seen = new Set<string>();
    const todo: Array<{ file: string; relative: string; hash: string; known: string | undefined }> = [];
    for (const file of files) {
      const relative = path.relative(dir, file).split(path.sep).join("/");
      const extension = path.extname(file).toLowerCase();
      if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
        options.onFile?.(relative);
        reports.push({ path: relative, status: "skipped", reason: `định dạng ${extension || "(không có đuôi)"} chưa được hỗ trợ` });
        continue;
      }
      seen.add(relative);
      const hash = await contentHash(file);
      const known = writer.knownFiles().get(relative);
      if (known === hash) {
        options.onFile?.(relative);
        reports.push({ path: relative, status: "unchanged" });
        continue;
      }
      todo.push({ file, relative, hash, known });
    }
    const prepare = (item: (typeof todo)[number]) =>
      pool ? pool.prepare(item.file, item.relative) : prepareFile(item.file, item.relative, { maxBytes: options.maxBytes, lexicon: options.lexicon });
    // Files are prepared a few ahead and written in order, so reports and ids stay deterministic.
    const ahead = pool ? pool.size * 2 : 1;
    const inFlight = todo.slice(0, ahead).map((item) => prepare(item).catch((error: unknown) => error));
    for (const [i, item] of todo.entries()) {
      const result = await inFlight[i]!;
      if (i + ahead < todo.length) inFlight.push(prepare(todo[i + ahead]!).catch((error: unknown) => error));
      options.onFile?.(item.relative);
      if (result instanceof Error || !(result && typeof result === "object" && "documents" in result)) {
        if (!(result instanceof AppError)) throw result;
        const kept = writer.knownFiles().has(item.relative);
        reports.push({ path: item.relative, status: "failed", reason: kept ? `${result.message} (giữ bản đã nạp trước đó)` : result.message });
        continue;
      }
      const prepared = result as PreparedFile;
      bytes += prepared.bytes;
      await writer.replaceFile({ path: item.relative, fileHash: item.hash, format: prepared.format, documents: prepared.documents, search: prepared.search, ...(prepared.vectors ? { vectors: prepared.vectors } : {}) });
      reports.push({
        path: item.relative,
        status: item.known ? "updated" : "added",
        documents: prepared.documents.length,
        chunks: prepared.documents.reduce((n, d) => n + d.chunks.length, 0),
        ...(prepared.warnings.length ? { warnings: prepared.warnings } : {}),
      });
    }
    for (const known of writer.knownFiles().keys()) {
      if (!seen.has(known)) {
        writer.removeFile(known);
        reports.push({ path: known, status: "removed" });
      }
    }
    const { manifest, changed } = await writer.commit();
    return {
      dir,
      rebuilt: writer.rebuilt,
      changed,
      documents: manifest.documentCount,
      chunks: manifest.chunkCount,
      bytes,
      seconds: (performance.now() - started) / 1000,
      files: reports,
      problems: reports.filter((r) => r.status === "failed" || r.status === "skipped").length,
    };
  } finally {
    await pool?.close();
    await writer.close();
  }
}
