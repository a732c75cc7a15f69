import type { StageTimes } from "../src/stages.ts";
import { INGEST_STAGES, mergeTimes, timedAsync } from "../src/stages.ts";
import { readdir, readFile, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Embedder } from "../src/embed/embedder.ts";
import { AppError } from "../src/errors.ts";
import { LocalEmbedder } from "../src/embed/local.ts";
import { IndexWriter } from "../src/index/writer.ts";
import type { Lexicon } from "../src/lexicon.ts";
import type { Logger } from "../src/log.ts";
import { placeBigrams } from "../src/lexicon.ts";
import type { Found, Todo } from "./check.ts";
import { checkFiles, isTodo, reasonOf } from "./check.ts";
import { PREPARE_AHEAD_BYTES, PREPARE_AHEAD_PER_WORKER, PrepareWindow } from "./prepare-window.ts";
import type { FileReport, IngestReport } from "./report.ts";
import type { PreparedFile } from "./prepare.ts";
import { prepareFile } from "./prepare.ts";
import { createPreparePool, WORKER_FILE_BYTES, WORKER_LOST } from "./worker-pool.ts";

export type { FileReport, FileStatus, IngestReport } from "./report.ts";

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
  /** Each worker thread's heap (MB; tests use a small one). */
  workerHeapMb?: number;
  /** Where problems that are not a file's own (a worker thread that died) are logged. */
  logger?: Logger;
  onStart?: (files: number) => void;
  onFile?: (file: string) => void;
};

/** Files that are the app's own data (lexicon, quizzes, checklists, metadata), never documents. */
const DATA_FILE = /\.(ya?ml|json|jsonl)$/i;

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
  // A first build starts the workers at once (they load while files are hashed); an update starts
  // them only when enough files changed.
  const local = options.embedder instanceof LocalEmbedder ? options.embedder : undefined;
  const threshold = options.workerThreshold ?? 16;
  const startPool = () => createPreparePool({ ...(options.workerHeapMb ? { heapMb: options.workerHeapMb } : {}), lexicon: options.lexicon, maxBytes: options.maxBytes, maxDocxPartBytes: options.maxDocxPartBytes, dimension: local!.info.dimension, ...(options.logger ? { logger: options.logger } : {}) });
  let pool = local && files.length >= threshold && writer.knownFiles().size === 0 ? startPool() : undefined;
  try {
    options.onStart?.(found.length);
    const seen = new Set(files.map((f) => f.relative));
    const todo: Todo[] = [];
    for await (const { relative, outcome } of checkFiles(found, { maxBytes: options.maxBytes, known: writer.knownFiles(), failures, stages })) {
      if (isTodo(outcome)) {
        todo.push(outcome);
        continue;
      }
      options.onFile?.(relative);
      reports.push(outcome);
    }
    if (!pool && local && todo.length >= threshold) pool = startPool();
    const preparer = pool;
    // A file too large for a worker's heap, or whose worker died, is prepared here.
    const here = (item: Todo) => prepareFile(item.file, item.relative, { maxBytes: options.maxBytes, maxDocxPartBytes: options.maxDocxPartBytes, lexicon: options.lexicon });
    const prepare = (item: Todo) =>
      (preparer && item.size <= WORKER_FILE_BYTES
        ? preparer.prepare(item.file, item.relative).catch((error: unknown) => {
          if (!(error instanceof AppError && error.code === WORKER_LOST)) throw error;
          return here(item);
        })
        : here(item)).catch((error: unknown) => error);
    // Files are prepared ahead (enough to keep every worker busy while this thread writes) and
    // written in order, so reports and ids stay deterministic; each is let go once written.
    const inFlight = new PrepareWindow(todo, prepare, preparer ? { files: preparer.size * PREPARE_AHEAD_PER_WORKER, bytes: PREPARE_AHEAD_BYTES } : { files: 1, bytes: 0 });
    for (const [i, item] of todo.entries()) {
      const result = await timedAsync(stages, INGEST_STAGES.wait, () => inFlight.take(i));
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
