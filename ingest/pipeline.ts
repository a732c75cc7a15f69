import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Embedder } from "../src/embed/embedder.ts";
import { AppError } from "../src/errors.ts";
import { buildSearchText } from "../src/index/search-text.ts";
import { IndexWriter } from "../src/index/writer.ts";
import type { Lexicon } from "../src/lexicon.ts";
import { buildDocuments, readSidecar, SIDECAR_SUFFIX } from "./document.ts";
import { loadSource, SUPPORTED_EXTENSIONS } from "./load.ts";

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
    searchText: (chunk, meta) => buildSearchText(options.lexicon, `${meta.kind} ${meta.title} ${meta.issuer}`, `${chunk.section}\n${chunk.context}`, chunk.clean),
  });
  const reports: FileReport[] = [];
  let bytes = 0;
  try {
    options.onStart?.(files.length);
    const seen = new Set<string>();
    for (const file of files) {
      const relative = path.relative(dir, file).split(path.sep).join("/");
      options.onFile?.(relative);
      const extension = path.extname(file).toLowerCase();
      if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
        reports.push({ path: relative, status: "skipped", reason: `định dạng ${extension || "(không có đuôi)"} chưa được hỗ trợ` });
        continue;
      }
      seen.add(relative);
      try {
        const hash = await contentHash(file);
        const known = writer.knownFiles().get(relative);
        if (known === hash) {
          reports.push({ path: relative, status: "unchanged" });
          continue;
        }
        const loaded = await loadSource(file, options.maxBytes);
        const overrides = await readSidecar(file);
        const documents = buildDocuments(loaded.text, relative, overrides);
        const chunkCount = documents.reduce((n, d) => n + d.chunks.length, 0);
        if (chunkCount === 0) throw new AppError("invalid:empty", "tệp không có đoạn văn nào để lập chỉ mục", { file });
        bytes += Buffer.byteLength(loaded.text);
        await writer.replaceFile({ path: relative, fileHash: hash, format: loaded.format, documents });
        reports.push({
          path: relative,
          status: known ? "updated" : "added",
          documents: documents.length,
          chunks: chunkCount,
          ...(loaded.warnings.length ? { warnings: loaded.warnings } : {}),
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const kept = writer.knownFiles().has(relative);
        reports.push({ path: relative, status: "failed", reason: kept ? `${error.message} (giữ bản đã nạp trước đó)` : error.message });
      }
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
    await writer.close();
  }
}
