import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import type { Schema } from "apache-arrow";
import { arrowTable } from "./arrow-batch.ts";
import type { Embedder } from "../embed/embedder.ts";
import { sameEmbedder } from "../embed/embedder.ts";
import type { DocumentRow } from "./schema.ts";
import { documentRowSchema } from "./schema.ts";
import { acquireWriteLock } from "./lock.ts";
import type { Manifest } from "./manifest.ts";
import { INDEX_FORMAT, readManifest, writeManifest } from "./manifest.ts";
import { CHUNKS_TABLE, chunksSchema, DOCUMENTS_TABLE, documentsSchema, GROUP_COLUMN, sqlString } from "./tables.ts";
import { GroupBook } from "./group-book.ts";
import { connectIndex } from "./connect.ts";
import { dropOldGenerations } from "./generations.ts";
import { signatureOf } from "./near-duplicates.ts";
import type { StageTimes } from "../stages.ts";
import { addTime, INGEST_STAGES, timedAsync } from "../stages.ts";
import { DocumentFrequencies } from "./term-stats.ts";
import type { Fact } from "../structure/facts.ts";
import { readFactsFile } from "../structure/facts.ts";
import { FactsSpool } from "./facts-spool.ts";

/** The facts file being written (renamed to facts-<generation>.json at commit; an ingest that dies leaves it to be overwritten). */
const FACTS_WRITING = "facts-writing.json";
import type { FileInput } from "./rows.ts";
import { chunkRow, passageEmbedText } from "./rows.ts";

export type { ChunkInput, FileInput } from "./rows.ts";
export { passageEmbedText } from "./rows.ts";

export type WriterOptions = {
  rebuild?: boolean;
  lexiconHash: string;
  /** Postgres (DATABASE_URL) holding the one-writer lock across machines; else a lock file in the index folder. */
  lockUrl?: string;
  /** Bigrams the term statistics keep even when one passage has them (src/lexicon.ts placeBigrams). */
  keepBigrams?: ReadonlySet<string>;
  /** Passages buffered before they are written (default 2000). */
  flushRows?: number;
  /** Called after each batch of passages is embedded and written. */
  onRows?: (rows: number) => void;
};

const FLUSH_ROWS = 2000;

export { KEEP_GENERATIONS } from "./generations.ts";

/**
 * Writes the index under a lock. Nothing a reader sees changes until `commit()` writes the new
 * manifest; a writer that dies before that leaves the previous index in force, and the next writer
 * first rolls the tables back to the versions the manifest names.
 */
export class IndexWriter {
  private pendingDeletes = new Set<string>();
  private chunkRows: Record<string, unknown>[] = [];
  /** The chunks table's schema, read once: rows are handed to LanceDB as Arrow columns built to it. */
  private chunkSchema: Schema | undefined;
  private documentRows: DocumentRow[] = [];
  private changed = false;
  /** The write in flight: the next batch is embedded while LanceDB writes the last one. */
  private writing: Promise<void> = Promise.resolve();
  /** Frequencies of the passages written in this run, counted as they are built. */
  private readonly counted = new DocumentFrequencies();
  private readonly written = new Set<string>();
  /** Lists (duties, steps) of the passages written in this run, with their subjects. */
  private readonly facts: FactsSpool;
  private readonly removed = new Set<string>();
  /** Upkeep that failed at commit (old versions not compacted, an old table not dropped): the index is complete regardless. */
  readonly upkeep: string[] = [];
  /** Time per stage spent here (ms): embedding when not done in workers, grouping, writing, committing. */
  readonly times: StageTimes = {};

  private readonly indexDir: string;
  private readonly db: lancedb.Connection;
  private readonly chunks: lancedb.Table;
  private readonly documents: lancedb.Table;
  private readonly embedder: Embedder;
  private readonly options: WriterOptions;
  private readonly previous: Manifest | undefined;
  /** The manifest in force when this writer started (its tables stay until the next switch). */
  private readonly replaced: Manifest | undefined;
  private readonly files: Map<string, string>;
  /** Near-duplicate groups of every passage in the index and of those written now. */
  private readonly book: GroupBook;
  private readonly release: () => Promise<void>;
  readonly rebuilt: boolean;

  private constructor(parts: {
    indexDir: string; db: lancedb.Connection; chunks: lancedb.Table; documents: lancedb.Table; embedder: Embedder;
    options: WriterOptions; previous: Manifest | undefined; replaced: Manifest | undefined; files: Map<string, string>; book: GroupBook; release: () => Promise<void>; rebuilt: boolean;
  }) {
    this.indexDir = parts.indexDir;
    this.facts = new FactsSpool(path.join(parts.indexDir, FACTS_WRITING));
    this.db = parts.db;
    this.chunks = parts.chunks;
    this.documents = parts.documents;
    this.embedder = parts.embedder;
    this.options = parts.options;
    this.previous = parts.previous;
    this.replaced = parts.replaced;
    this.files = parts.files;
    this.book = parts.book;
    this.release = parts.release;
    this.rebuilt = parts.rebuilt;
  }

  static async open(indexDir: string, embedder: Embedder, options: WriterOptions): Promise<IndexWriter> {
    const release = await acquireWriteLock(indexDir, options.lockUrl ? { databaseUrl: options.lockUrl } : {});
    try {
      await mkdir(indexDir, { recursive: true });
      const db = await connectIndex(indexDir);
      const manifest = await readManifest(indexDir).catch(() => undefined);
      const compatible = manifest !== undefined
        && (manifest.embedder.dimension === 0 || embedder.info.dimension === 0 || sameEmbedder(manifest.embedder, embedder.info))
        && manifest.embedder.provider === embedder.info.provider && manifest.embedder.model === embedder.info.model
        && manifest.lexiconHash === options.lexiconHash
        && manifest.format === INDEX_FORMAT;
      const rebuild = Boolean(options.rebuild) || !compatible;
      const names = await db.tableNames();
      let chunks: lancedb.Table;
      let documents: lancedb.Table;
      const usable = manifest && names.includes(manifest.chunksTable) && names.includes(manifest.documentsTable);
      if (rebuild || !usable) {
        // A rebuild writes new tables beside the ones in use; the manifest switches to them at commit.
        const generation = (manifest?.generation ?? 0) + 1;
        const tables = { chunks: `${CHUNKS_TABLE}_g${generation}`, documents: `${DOCUMENTS_TABLE}_g${generation}` };
        for (const name of Object.values(tables)) if (names.includes(name)) await db.dropTable(name); // left by a rebuild that died
        const dimension = embedder.info.dimension || (await embedder.embed(["dân vận"], "document"))[0]!.length;
        chunks = await db.createEmptyTable(tables.chunks, chunksSchema(dimension));
        documents = await db.createEmptyTable(tables.documents, documentsSchema());
      } else {
        chunks = await db.openTable(manifest.chunksTable);
        documents = await db.openTable(manifest.documentsTable);
        // Roll back commits of an ingest that died before writing its manifest.
        for (const [table, version] of [[chunks, manifest!.chunksVersion], [documents, manifest!.documentsVersion]] as const) {
          if ((await table.version()) !== version) {
            await table.checkout(version);
            await table.restore();
          }
        }
      }
      const files = new Map<string, string>();
      const ingestedAt = new Map<string, string>();
      if (!rebuild) {
        for (const row of await documents.query().select(["path", "fileHash", "ingestedAt"]).toArray()) {
          files.set(String(row.path), String(row.fileHash));
          ingestedAt.set(String(row.path), String(row.ingestedAt));
        }
      }
      const book = rebuild || !usable ? new GroupBook() : await GroupBook.load(chunks, ingestedAt);
      return new IndexWriter({ indexDir, db, chunks, documents, embedder, options, previous: rebuild || !usable ? undefined : manifest, replaced: manifest, files, book, release, rebuilt: rebuild || !usable });
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Files in the index, by path, with the hash of the content they were built from. */
  knownFiles(): ReadonlyMap<string, string> {
    return this.files;
  }

  removeFile(filePath: string): void {
    this.removed.add(filePath);
    this.pendingDeletes.add(filePath);
    this.book.removePath(filePath);
    this.changed = true;
  }

  async replaceFile(file: FileInput): Promise<void> {
    if (this.files.has(file.path)) this.pendingDeletes.add(file.path);
    this.book.removePath(file.path);
    this.written.add(file.path);
    this.changed = true;
    const now = new Date().toISOString();
    for (const [d, { meta, chunks, facts }] of file.documents.entries()) {
      await this.facts.add(facts);
      const vectors = file.vectors?.[d] ?? (await timedAsync(this.times, INGEST_STAGES.vectors, () => this.embedder.embed(chunks.map(passageEmbedText), "document")));
      chunks.forEach((chunk, i) => {
        const search = file.search[d]![i]!;
        const started = performance.now();
        const place = this.book.place(chunk, file.path, meta, file.signatures?.[d]?.[i] ?? signatureOf(chunk.clean), now);
        addTime(this.times, INGEST_STAGES.groups, performance.now() - started);
        // A group's content is counted once in the term statistics, by the passage that founded it.
        if (place.founded) this.counted.add(search.split(" "));
        this.chunkRows.push(chunkRow(file.path, meta, chunk, search, vectors[i]!, place));
      });
      this.documentRows.push({ ...meta, fileHash: file.fileHash, format: file.format, chunkCount: chunks.length, ingestedAt: now });
    }
    if (this.chunkRows.length >= (this.options.flushRows ?? FLUSH_ROWS)) await this.flush(false);
  }

  /** Hands buffered rows to LanceDB; waits for the write unless `wait` is false (then the next flush waits). */
  private async flush(wait = true): Promise<void> {
    await this.writing;
    const deletes = [...this.pendingDeletes];
    const chunkRows = this.chunkRows;
    const documentRows = this.documentRows;
    this.pendingDeletes.clear();
    this.chunkRows = [];
    this.documentRows = [];
    this.writing = timedAsync(this.times, INGEST_STAGES.write, () => this.write(deletes, chunkRows, documentRows));
    if (wait) await this.writing;
  }

  private async write(deletes: string[], chunkRows: Record<string, unknown>[], documentRows: DocumentRow[]): Promise<void> {
    if (deletes.length > 0) {
      const list = deletes.map(sqlString).join(", ");
      await this.chunks.delete(`path IN (${list})`);
      await this.documents.delete(`path IN (${list})`);
    }
    if (chunkRows.length > 0) {
      // Our own schema (apache-arrow's ESM build): LanceDB's schema objects come from its CommonJS copy.
      this.chunkSchema ??= chunksSchema((chunkRows[0]!.vector as Float32Array).length);
      await this.chunks.add(arrowTable(this.chunkSchema, chunkRows));
      this.options.onRows?.(chunkRows.length);
    }
    if (documentRows.length > 0) await this.documents.add(documentRows.map((row) => documentRowSchema.parse(row)));
  }

  /** Finishes the new index and makes it the current one. Returns the manifest now in force. */
  async commit(): Promise<{ manifest: Manifest; changed: boolean }> {
    if (!this.changed && this.previous) return { manifest: this.previous, changed: false };
    await this.flush();
    await timedAsync(this.times, INGEST_STAGES.settle, () => this.settleGroups());
    const statsStarted = performance.now();
    // Passages written now were counted as they were built; only the untouched ones are read back: each
    // group once, by its founder, or by its representative when the founder is gone.
    const founders = `${GROUP_COLUMN} = id`;
    const untouched = this.rebuilt || this.files.size === 0 ? [] : await this.chunks.query().where(this.written.size > 0
      ? `path NOT IN (${[...this.written].map(sqlString).join(", ")}) AND ${founders}` : founders).select(["search"]).toArray();
    for (const row of untouched) this.counted.add(String(row.search).split(" "));
    for (const ids of batches(this.book.uncounted())) {
      for (const row of await this.chunks.query().where(`id IN (${ids.map(sqlString).join(", ")})`).select(["search"]).toArray()) this.counted.add(String(row.search).split(" "));
    }
    const stats = this.counted.toStats(undefined, this.options.keepBigrams);
    addTime(this.times, INGEST_STAGES.stats, performance.now() - statsStarted);
    const hasFullTextIndex = stats.passages > 0;
    // Passages are looked up by id (sources, the facts table): a scalar index keeps that a lookup, not a scan.
    if (stats.passages > 0) {
      await timedAsync(this.times, INGEST_STAGES.scalar, async () => {
        await this.chunks.createIndex("id", { config: lancedb.Index.btree(), replace: true });
        // …and so are a cited passage's near-duplicates ("also in"); searches keep only each group's representative.
        await this.chunks.createIndex("group", { config: lancedb.Index.btree(), replace: true });
        await this.chunks.createIndex("representative", { config: lancedb.Index.bitmap(), replace: true });
      });
    }
    const fullTextStarted = performance.now();
    if (hasFullTextIndex) {
      // Our own tokens (folded syllables and bigrams) are already what should match: no stemming,
      // no English stop words, no folding; split on spaces only.
      await this.chunks.createIndex("search", {
        config: lancedb.Index.fts({
          baseTokenizer: "whitespace", lowercase: false, stem: false, removeStopWords: false,
          asciiFolding: false, withPosition: false, maxTokenLength: 80,
        }),
        replace: true,
      });
    }
    addTime(this.times, INGEST_STAGES.fullText, performance.now() - fullTextStarted);
    const upkeepStarted = performance.now();
    // Incremental runs leave small fragments and deleted rows behind: compact them. A rebuild writes
    // few large fragments and has nothing to compact. Versions stay a day for readers still on them.
    if (!this.rebuilt) {
      const keepFrom = new Date(Date.now() - 24 * 3600 * 1000);
      for (const table of [this.chunks, this.documents]) {
        await table.optimize({ cleanupOlderThan: keepFrom }).catch((error) => this.upkeep.push(`không gộp được các phiên bản cũ của bảng ${table.name} (${errorText(error)}); chỉ mục vẫn đầy đủ, lần nạp sau sẽ gộp`));
      }
    }
    addTime(this.times, INGEST_STAGES.upkeep, performance.now() - upkeepStarted);
    const finishStarted = performance.now();
    const generation = (this.replaced?.generation ?? 0) + 1;
    const statsFile = `stats-${generation}.json`;
    await writeFile(path.join(this.indexDir, statsFile), JSON.stringify(stats.toJSON()));
    // The facts of files this run did not touch are carried over from the table in force.
    const kept = this.rebuilt || !this.previous?.factsFile ? [] : (await readFactsFile(path.join(this.indexDir, this.previous.factsFile)))
      .filter((fact) => this.files.has(fact.path) && !this.written.has(fact.path) && !this.removed.has(fact.path));
    const factsFile = `facts-${generation}.json`;
    await this.facts.finish(kept, path.join(this.indexDir, factsFile));
    const dimension = this.embedder.info.dimension || (await this.embedder.embed(["dân vận"], "query"))[0]!.length;
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      generation,
      createdAt: new Date().toISOString(),
      embedder: { ...this.embedder.info, dimension },
      chunksTable: this.chunks.name,
      documentsTable: this.documents.name,
      chunksVersion: await this.chunks.version(),
      documentsVersion: await this.documents.version(),
      statsFile,
      factsFile,
      chunkCount: await this.chunks.countRows(),
      documentCount: await this.documents.countRows(),
      lexiconHash: this.options.lexiconHash,
      hasFullTextIndex,
    };
    await writeManifest(this.indexDir, manifest);
    addTime(this.times, INGEST_STAGES.finish, performance.now() - finishStarted);
    await dropOldGenerations(this.db, this.indexDir, manifest, this.replaced, (problem) => this.upkeep.push(problem));
    return { manifest, changed: true };
  }

  /** Flags the member that stands for each near-duplicate group (src/index/representative.ts), clearing the others. */
  private async settleGroups(): Promise<void> {
    const { promote, demote } = this.book.settle();
    for (const [ids, representative] of [[demote, false], [promote, true]] as const) {
      for (const batch of batches(ids)) await this.chunks.update({ where: `id IN (${batch.map(sqlString).join(", ")})`, values: { representative } });
    }
  }

  async close(): Promise<void> {
    // A failed ingest may leave a write in flight: let it settle before closing (the manifest was not moved).
    await this.writing.catch(() => undefined);
    await this.facts.abort();
    this.chunks.close();
    this.documents.close();
    this.db.close();
    await this.release();
  }
}

/** Ids in groups small enough for one `IN (…)` filter. */
function batches(ids: string[], size = 1000): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
