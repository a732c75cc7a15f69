import { readFile } from "node:fs/promises";
import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import type { EmbedderInfo } from "../embed/embedder.ts";
import { AppError } from "../errors.ts";
import type { DocumentRow, Passage } from "./schema.ts";
import { Registry, todayInVietnam } from "../documents/registry.ts";
import { documentRowSchema, passageSchema } from "./schema.ts";
import type { Manifest } from "./manifest.ts";
import { INDEX_FORMAT, readManifest } from "./manifest.ts";
import { GROUP_COLUMN, PASSAGE_COLUMNS, sqlString } from "./tables.ts";
import { TermStats, termStatsSchema } from "./term-stats.ts";
import { FactTable, readFactsFile } from "../structure/facts.ts";
import { VectorScan } from "./vector-scan.ts";
import { connectIndex } from "./connect.ts";
import type { Logger } from "../log.ts";
import { silentLogger } from "../log.ts";

export type ScoredPassage = { passage: Passage; score: number };

/** Another passage of a near-duplicate group: where else the same words stand. */
export type Duplicate = { chunkId: string; docTitle: string; docNumber: string; docDate: string; section: string };

/** Searches see one member of each near-duplicate group (src/index/representative.ts). */
const REPRESENTATIVES = "representative = true";

/** The read side of the knowledge index: the port retrieval and the channels use. */
export interface KnowledgeIndex {
  readonly manifest: Manifest;
  readonly stats: TermStats;
  /** Lists of duties and steps with whom they belong to. */
  readonly facts: FactTable;
  fullText(tokens: string[], limit: number): Promise<ScoredPassage[]>;
  nearest(vector: Float32Array, limit: number): Promise<ScoredPassage[]>;
  passage(id: string): Promise<Passage | undefined>;
  /** Several passages by id, in one query (those not found are left out). */
  passages(ids: string[]): Promise<Passage[]>;
  /** For each passage given, the other members of its near-duplicate group (none for most). */
  duplicatesOf(passages: readonly Passage[]): Promise<Map<string, Duplicate[]>>;
  /** Settles when the in-memory vector search is loaded (or known not to be used): benchmarks wait for it. */
  vectorsReady(): Promise<void>;
  /** Every passage, in document order (for checks and generators, not for answering). */
  allPassages(): Promise<Passage[]>;
  /** One document's passages in order (its signature is in the last). */
  passagesOf(docId: string): Promise<Passage[]>;
  documents(): Promise<DocumentRow[]>;
  /** Which text is in force (src/documents/registry.ts), derived once per open index. */
  registry(): Promise<Registry>;
  close(): void;
}

/** Passages kept parsed per open index (each holds its text, clean text and tokens: about 20 KB in memory); the oldest read go first. 2,000 is 25 questions' candidates; 10,000 took some 200 MB serving 110,000 passages (bench:query). */
const PASSAGES_KEPT = 2_000;

export const NO_INDEX_MESSAGE = "Chưa có chỉ mục tài liệu. Hãy chạy `npm run ingest` (hoặc `npm start`, lệnh này tự nạp tài liệu) rồi thử lại.";

function toPassage(row: Record<string, unknown>): Passage {
  // A list column comes back as an Arrow vector.
  const headings = row.headings as { toArray?: () => unknown[] } | undefined;
  return passageSchema.parse(headings?.toArray ? { ...row, headings: [...headings.toArray()] } : row);
}

/**
 * Opens the index at the versions its manifest names. Stops with a clear message when there is no
 * index, or when it was built with another embedder than the one configured now.
 */
export async function openIndex(indexDir: string, embedder: EmbedderInfo, options: { logger?: Logger } = {}): Promise<KnowledgeIndex> {
  const logger = options.logger ?? silentLogger;
  let closed = false;
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new AppError("not_found:index", NO_INDEX_MESSAGE, { indexDir });
  if (manifest.format !== INDEX_FORMAT) {
    throw new AppError("mismatch:index_format", "Chỉ mục được tạo bởi phiên bản cũ hơn của chương trình. Hãy nạp lại: npm run ingest -- --rebuild", { indexDir, format: manifest.format });
  }
  const built = manifest.embedder;
  if (built.provider !== embedder.provider || built.model !== embedder.model || (embedder.dimension > 0 && built.dimension !== embedder.dimension)) {
    throw new AppError(
      "mismatch:embedder",
      `Chỉ mục được tạo bằng bộ nhúng ${built.provider}/${built.model} (${built.dimension} chiều), nhưng cấu hình hiện tại là ${embedder.provider}/${embedder.model}. Hãy nạp lại: npm run ingest -- --rebuild`,
      { built, configured: embedder },
    );
  }
  const db = await connectIndex(indexDir);
  const chunks = await db.openTable(manifest.chunksTable);
  const documents = await db.openTable(manifest.documentsTable);
  await chunks.checkout(manifest.chunksVersion);
  await documents.checkout(manifest.documentsVersion);
  const stats = new TermStats(termStatsSchema.parse(JSON.parse(await readFile(path.join(indexDir, manifest.statsFile), "utf8"))));
  // A list is answered from the passage that stands for its group: the copies' lists are left out.
  const hidden = new Set((await chunks.query().where("representative = false").select(["id"]).toArray()).map((row) => String(row.id)));
  const facts = new FactTable(manifest.factsFile ? (await readFactsFile(path.join(indexDir, manifest.factsFile))).filter((fact) => !hidden.has(fact.passageId)) : []);
  // The searchable passages' vectors in memory when they fit (src/index/vector-scan.ts), else LanceDB searches
  // them; they load in the background, so the index answers at once (from LanceDB until they are in).
  let scan: VectorScan | undefined;
  const loading = manifest.chunkCount === 0 ? Promise.resolve() : chunks.countRows(REPRESENTATIVES)
    .then((rows) => VectorScan.load(chunks, REPRESENTATIVES, rows, manifest.embedder.dimension))
    .then((loaded) => { scan = loaded; })
    .catch((error: unknown) => {
      // LanceDB keeps searching: slower, never wrong. (An index closed while loading is not a fault.)
      if (!closed) logger.warn("index.vectors_not_loaded", { error, action: "vector search stays on LanceDB for this index" });
    });
  const columns = [...PASSAGE_COLUMNS];
  let registry: { today: string; promise: Promise<Registry> } | undefined;
  /**
   * Passages read and validated once per open index (a passage never changes within a generation):
   * searches return ids and scores only, and rows are read just for the passages not yet seen.
   */
  const parsed = new Map<string, Passage>();
  const remember = (passage: Passage) => {
    parsed.set(passage.id, passage);
    if (parsed.size > PASSAGES_KEPT) parsed.delete(parsed.keys().next().value!);
    return passage;
  };
  const resolve = async (ids: string[]): Promise<Map<string, Passage>> => {
    const missing = [...new Set(ids.filter((id) => !parsed.has(id)))];
    if (missing.length > 0) {
      const rows = await chunks.query().where(`id IN (${missing.map(sqlString).join(", ")})`).select(columns).toArray();
      for (const row of rows) remember(toPassage(row));
    }
    return new Map(ids.flatMap((id) => (parsed.has(id) ? [[id, parsed.get(id)!] as const] : [])));
  };
  const scored = async (rows: Array<Record<string, unknown>>, score: (row: Record<string, unknown>) => number): Promise<ScoredPassage[]> => {
    const found = await resolve(rows.map((row) => String(row.id)));
    return rows.flatMap((row) => {
      const passage = found.get(String(row.id));
      return passage ? [{ passage, score: score(row) }] : [];
    });
  };

  return {
    manifest,
    stats,
    facts,
    async fullText(tokens, limit) {
      if (!manifest.hasFullTextIndex || tokens.length === 0) return [];
      const query = new lancedb.MatchQuery(tokens.join(" "), "search", { operator: lancedb.Operator.Or });
      const rows = await chunks.query().fullTextSearch(query).where(REPRESENTATIVES).select(["id", "_score"]).limit(limit).toArray();
      return scored(rows, (row) => Number(row._score ?? 0));
    },
    async nearest(vector, limit) {
      if (manifest.chunkCount === 0) return [];
      if (scan) {
        const hits = scan.nearest(vector, limit);
        return scored(hits.map((hit) => ({ id: hit.id, score: hit.score })), (row) => Number(row.score));
      }
      const rows = await chunks.vectorSearch(Array.from(vector)).distanceType("cosine").where(REPRESENTATIVES).select(["id", "_distance"]).limit(limit).toArray();
      return scored(rows, (row) => 1 - Number(row._distance ?? 1));
    },
    async passage(id) {
      return (await resolve([id])).get(id);
    },
    async passages(ids) {
      return [...(await resolve(ids)).values()];
    },
    async duplicatesOf(passages) {
      const out = new Map<string, Duplicate[]>(passages.map((p) => [p.id, []]));
      const groups = [...new Set(passages.map((p) => p.group))];
      if (groups.length === 0 || !hidden.size) return out;
      const rows = await chunks.query().where(`${GROUP_COLUMN} IN (${groups.map(sqlString).join(", ")})`)
        .select(["id", "group", "docTitle", "docNumber", "docDate", "section", "path", "ordinal"]).toArray();
      rows.sort((a, b) => String(a.path).localeCompare(String(b.path)) || Number(a.ordinal) - Number(b.ordinal));
      for (const passage of passages) {
        out.set(passage.id, rows.filter((row) => row.group === passage.group && row.id !== passage.id).map((row) => ({
          chunkId: String(row.id), docTitle: String(row.docTitle), docNumber: String(row.docNumber), docDate: String(row.docDate), section: String(row.section),
        })));
      }
      return out;
    },
    async allPassages() {
      const rows = await chunks.query().select(columns).toArray();
      return rows.map(toPassage).sort((a, b) => a.path.localeCompare(b.path) || a.docId.localeCompare(b.docId) || a.ordinal - b.ordinal);
    },
    async passagesOf(docId: string) {
      const rows = await chunks.query().where(`\`docId\` = ${sqlString(docId)}`).select(columns).toArray();
      return rows.map(toPassage).sort((a, b) => a.ordinal - b.ordinal);
    },
    async documents() {
      const rows = await documents.query().toArray();
      return rows.map((row) => documentRowSchema.parse(row)).sort((a, b) => a.path.localeCompare(b.path) || a.part - b.part);
    },
    registry(): Promise<Registry> {
      // Statuses depend on the day (a text takes effect on its date): derived again when the day in Vietnam changes.
      const today = todayInVietnam();
      if (registry?.today !== today) {
        const built = documents.query().toArray().then((rows) => {
          const next = new Registry(rows.map((row) => documentRowSchema.parse(row)), today);
          for (const problem of next.problems) logger.warn("registry.unreadable", { problem, action: "the document is listed without these fields" });
          return next;
        });
        // A failed read is not kept: the next call tries again.
        built.catch((error: unknown) => {
          logger.error("registry.failed", { error });
          if (registry?.promise === built) registry = undefined;
        });
        registry = { today, promise: built };
      }
      return registry.promise;
    },
    vectorsReady: () => loading,
    close() {
      closed = true;
      chunks.close();
      documents.close();
      db.close();
    },
  };
}
