import { createHash } from "node:crypto";
import type { StageTimes } from "../src/stages.ts";
import { INGEST_STAGES, mergeTimes, timedAsync } from "../src/stages.ts";
import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Embedder } from "../src/embed/embedder.ts";
import { AppError } from "../src/errors.ts";
import { LocalEmbedder } from "../src/embed/local.ts";
import { IndexWriter } from "../src/index/writer.ts";
import type { Lexicon } from "../src/lexicon.ts";
import { placeBigrams } from "../src/lexicon.ts";
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
  /** Index upkeep that failed after the new index was in force (reported; the index is complete). */
  upkeep?: string[];
  /** Time per stage (ms; stages run in worker threads are summed over the workers): what bench:ingest prints. */
  stages: StageTimes;
  /** Peak resident memory of this process during the ingest (MB). */
  peakMb: number;
};

export type IngestOptions = {
  dir: string;
  indexDir: string;
  embedder: Embedder;
  lexicon: Lexicon;
  lexiconHash: string;
  maxBytes: number;
  /** Largest declared size of a DOCX's main part (MAX_DOCX_PART_MB). */
  maxDocxPartBytes?: number;
  rebuild?: boolean;
  /** Postgres (DATABASE_URL): the one-writer lock is held there, across machines sharing the index folder. */
  lockUrl?: string;
  /** Passages buffered before a write to the index (tests use a small number). */
  flushRows?: number;
  /** From this many files on, the local embedder's work runs in worker threads (default 16). */
  workerThreshold?: number;
  onStart?: (files: number) => void;
  onFile?: (file: string) => void;
};

/** Files that are the app's own data (lexicon, quizzes, checklists, metadata), never documents. */
const DATA_FILE = /\.(ya?ml|json|jsonl)$/i;

/** A file found in the knowledge folder, or one left out with the reason. */
type Found = { file: string; relative: string } | { relative: string; skipped: string };

/** How a name that is not UTF-8 reads (old Windows shares: the Vietnamese code page). */
const readableName = (bytes: Buffer) => new TextDecoder("windows-1258").decode(bytes);

/**
 * The documents under the knowledge folder, in name order. Hidden names are left out and reported; a
 * symbolic link is followed when it points inside the folder (reported otherwise); a name that is not
 * UTF-8 is reported in a readable form. Nothing found here stops the walk.
 */
async function walk(root: string): Promise<Found[]> {
  const realRoot = await realpath(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new AppError("not_found:dir", `Không thấy thư mục tài liệu ${root}`, { dir: root });
    throw error;
  });
  const visited = new Set<string>();
  const out: Found[] = [];
  const visit = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (visited.has(real)) return; // a link back up the tree
    visited.add(real);
    const entries = (await readdir(dir, { withFileTypes: true, encoding: "buffer" })).sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name.toString("utf8");
      const relativeDir = path.relative(root, dir).split(path.sep).join("/");
      const relative = relativeDir ? `${relativeDir}/${name}` : name;
      if (!Buffer.from(name, "utf8").equals(entry.name)) {
        const readable = relativeDir ? `${relativeDir}/${readableName(entry.name)}` : readableName(entry.name);
        out.push({ relative: readable, skipped: "tên tệp không ở dạng UTF-8 (thường do chép từ máy Windows cũ); hãy đổi tên tệp rồi nạp lại" });
        continue;
      }
      if (name.startsWith(".")) {
        if (name !== ".DS_Store" && name !== ".gitkeep") out.push({ relative, skipped: "tệp hoặc thư mục ẩn (tên bắt đầu bằng dấu chấm)" });
        continue;
      }
      const full = path.join(dir, name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        if (!target) {
          out.push({ relative, skipped: "liên kết tượng trưng trỏ tới tệp không còn tồn tại" });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          out.push({ relative, skipped: "liên kết tượng trưng trỏ ra ngoài thư mục tài liệu" });
          continue;
        }
        const info = await stat(full).catch(() => undefined);
        isDirectory = Boolean(info?.isDirectory());
        isFile = Boolean(info?.isFile());
      }
      if (isDirectory) await visit(full);
      else if (isFile && !DATA_FILE.test(name)) out.push({ file: full, relative });
    }
  };
  await visit(root);
  return out;
}

/** The content hash of a document and its metadata file, read as a stream (a large file is never held whole). */
async function contentHash(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  // The metadata file beside a document is part of what the index was built from.
  try {
    hash.update(await readFile(file + SIDECAR_SUFFIX));
  } catch {
    // no metadata file
  }
  return hash.digest("hex");
}

/** A file-system error as a reason a user can act on. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "tệp đã bị xóa hoặc đổi tên trong lúc nạp";
  if (code === "EACCES" || code === "EPERM") return "không có quyền đọc tệp";
  if (code === "EISDIR") return "là thư mục, không phải tệp";
  if (code === "ERR_FS_FILE_TOO_LARGE") return "tệp quá lớn để đọc";
  return `không đọc được tệp (${code ?? (error as Error).message ?? String(error)})`;
}

/**
 * Brings the index in line with a folder: new and changed files are (re)built, unchanged ones
 * skipped by content hash, deleted ones removed. A file that cannot be read is reported with its
 * reason and never stops the others; if an earlier version of it is indexed, that version stays.
 */
export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const dir = path.resolve(options.dir);
  const found = await walk(dir);
  const files = found.filter((f): f is { file: string; relative: string } => "file" in f);
  // A rebuild reads every file again, including those that failed before (a limit may have changed).
  const failures = options.rebuild ? new Map<string, { hash: string; reason: string }>() : await readFailures(options.indexDir);
  const writer = await IndexWriter.open(options.indexDir, options.embedder, {
    rebuild: options.rebuild,
    lexiconHash: options.lexiconHash,
    keepBigrams: placeBigrams(options.lexicon),
    flushRows: options.flushRows,
    ...(options.lockUrl ? { lockUrl: options.lockUrl } : {}),
  });
  const reports: FileReport[] = [];
  const stages: StageTimes = {};
  let bytes = 0;
  // Large ingests with the local embedder prepare files in worker threads; LanceDB writes stay here.
  const local = options.embedder instanceof LocalEmbedder ? options.embedder : undefined;
  const pool = local && files.length >= (options.workerThreshold ?? 16)
    ? createPreparePool({ lexicon: options.lexicon, maxBytes: options.maxBytes, maxDocxPartBytes: options.maxDocxPartBytes, dimension: local.info.dimension })
    : undefined;
  try {
    options.onStart?.(found.length);
    const seen = new Set<string>();
    const todo: Array<{ file: string; relative: string; hash: string; known: string | undefined }> = [];
    for (const item of found) {
      if ("skipped" in item) {
        options.onFile?.(item.relative);
        reports.push({ path: item.relative, status: "skipped", reason: item.skipped });
        continue;
      }
      const { file, relative } = item;
      const extension = path.extname(file).toLowerCase();
      if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
        options.onFile?.(relative);
        reports.push({ path: relative, status: "skipped", reason: `định dạng ${extension || "(không có đuôi)"} chưa được hỗ trợ` });
        continue;
      }
      seen.add(relative);
      // Every step on the file itself is inside this file's own error handling: one bad file never stops the others.
      let hash: string;
      try {
        const info = await stat(file);
        if (info.size > options.maxBytes) {
          options.onFile?.(relative);
          const kept = writer.knownFiles().has(relative);
          const reason = `tệp quá lớn (${(info.size / 1048576).toFixed(1)} MB, giới hạn ${(options.maxBytes / 1048576).toFixed(0)} MB; đổi MAX_FILE_MB nếu cần)`;
          reports.push({ path: relative, status: "failed", reason: kept ? `${reason} (giữ bản đã nạp trước đó)` : reason });
          continue;
        }
        hash = await timedAsync(stages, INGEST_STAGES.hash, () => contentHash(file));
      } catch (error) {
        options.onFile?.(relative);
        reports.push({ path: relative, status: "failed", reason: reasonOf(error) });
        continue;
      }
      const known = writer.knownFiles().get(relative);
      if (known === hash) {
        options.onFile?.(relative);
        reports.push({ path: relative, status: "unchanged" });
        continue;
      }
      // A file that failed before is not read again until it changes.
      const failedBefore = failures.get(relative);
      if (failedBefore && failedBefore.hash === hash) {
        options.onFile?.(relative);
        reports.push({ path: relative, status: "failed", reason: `${failedBefore.reason} (chưa đổi từ lần nạp trước)` });
        continue;
      }
      todo.push({ file, relative, hash, known });
    }
    const prepare = (item: (typeof todo)[number]) =>
      pool ? pool.prepare(item.file, item.relative) : prepareFile(item.file, item.relative, { maxBytes: options.maxBytes, maxDocxPartBytes: options.maxDocxPartBytes, lexicon: options.lexicon });
    // Files are prepared a few ahead and written in order, so reports and ids stay deterministic.
    const ahead = pool ? pool.size * 2 : 1;
    // Prepared files not yet written, by position; each is let go once written (a whole file's passages and vectors).
    const inFlight = new Map(todo.slice(0, ahead).map((item, i) => [i, prepare(item).catch((error: unknown) => error)]));
    for (const [i, item] of todo.entries()) {
      const result = await timedAsync(stages, INGEST_STAGES.wait, () => inFlight.get(i)!);
      inFlight.delete(i);
      if (i + ahead < todo.length) inFlight.set(i + ahead, prepare(todo[i + ahead]!).catch((error: unknown) => error));
      options.onFile?.(item.relative);
      if (result instanceof Error || !(result && typeof result === "object" && "documents" in result)) {
        const reason = result instanceof AppError ? result.message : reasonOf(result);
        const kept = writer.knownFiles().has(item.relative);
        failures.set(item.relative, { hash: item.hash, reason });
        reports.push({ path: item.relative, status: "failed", reason: kept ? `${reason} (giữ bản đã nạp trước đó)` : reason });
        continue;
      }
      failures.delete(item.relative);
      const prepared = result as PreparedFile;
      mergeTimes(stages, prepared.times);
      bytes += prepared.bytes;
      await writer.replaceFile({ path: item.relative, fileHash: item.hash, format: prepared.format, documents: prepared.documents, search: prepared.search, signatures: prepared.signatures, ...(prepared.vectors ? { vectors: prepared.vectors } : {}) });
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
    for (const failed of failures.keys()) if (!seen.has(failed)) failures.delete(failed);
    const { manifest, changed } = await writer.commit();
    await writeFailures(options.indexDir, failures);
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
      ...(writer.upkeep.length ? { upkeep: [...writer.upkeep] } : {}),
      stages: (mergeTimes(stages, writer.times), stages),
      peakMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await pool?.close();
    await writer.close();
  }
}

/** Files that failed, by path, with the content hash they failed on: not read again until they change. */
const FAILURES_FILE = "failed-files.json";

async function readFailures(indexDir: string): Promise<Map<string, { hash: string; reason: string }>> {
  try {
    const parsed = failuresSchema.safeParse(JSON.parse(await readFile(path.join(indexDir, FAILURES_FILE), "utf8")));
    return new Map(parsed.success ? Object.entries(parsed.data) : []);
  } catch {
    return new Map();
  }
}

async function writeFailures(indexDir: string, failures: Map<string, { hash: string; reason: string }>): Promise<void> {
  await writeFile(path.join(indexDir, FAILURES_FILE), JSON.stringify(Object.fromEntries(failures)));
}

const failuresSchema = z.record(z.string(), z.object({ hash: z.string(), reason: z.string() }));
