import { cp } from "node:fs/promises";
import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { readQuestionFile } from "../../src/eval.ts";
import { KNOWLEDGE, ROOT, openAnswerer, runIngest, tempDir } from "../helpers/index.ts";
import { shuffledCorpus } from "./corpora.ts";
import { percentile, table } from "./util.ts";

/**
 * `npm run bench:ann`: whether LanceDB's approximate vector indexes pay on the local embedder's vectors.
 * For each size in BENCH_ANN_SIZES (default 20,000 and 100,000 distinct passages), each index is built on a
 * copy of the same table and queried as answer() does (cosine, 40 rows, representatives only); its top 10
 * is compared with the exact search's, and so is the in-memory scan answer() uses (8-bit codes).
 */
const sizes = (process.env.BENCH_ANN_SIZES ?? "20000,100000").split(",").map(Number).filter((n) => n > 0);
const questions = [
  ...(await readQuestionFile(path.join(ROOT, "test/fixtures/holdout.jsonl"))),
  ...(await readQuestionFile(path.join(ROOT, "test/fixtures/paraphrase.jsonl"))),
].map((q) => q.question);

type Variant = { label: string; build?: (rows: number) => lancedb.Index; tune?: (q: lancedb.VectorQuery) => lancedb.VectorQuery };
const variants: Variant[] = [
  { label: "IVF-PQ (√n phân vùng), nprobes 20", build: (rows) => lancedb.Index.ivfPq({ distanceType: "cosine", numPartitions: Math.round(Math.sqrt(rows)) }), tune: (q) => q.nprobes(20) },
  { label: "IVF-PQ, nprobes 40, refine 5", build: (rows) => lancedb.Index.ivfPq({ distanceType: "cosine", numPartitions: Math.round(Math.sqrt(rows)) }), tune: (q) => q.nprobes(40).refineFactor(5) },
  { label: "IVF-flat (√n phân vùng), nprobes 40", build: (rows) => lancedb.Index.ivfFlat({ distanceType: "cosine", numPartitions: Math.round(Math.sqrt(rows)) }), tune: (q) => q.nprobes(40) },
  { label: "HNSW-SQ, refine 5", build: () => lancedb.Index.hnswSq({ distanceType: "cosine" }), tune: (q) => q.refineFactor(5) },
];

const { dir, cleanup } = await tempDir("tldv-bench-ann-");
try {
  const rows = [];
  for (const size of sizes) {
    const docs = path.join(dir, `docs-${size}`);
    await shuffledCorpus(path.join(KNOWLEDGE, "documents"), docs, size);
    const base = path.join(dir, `index-${size}`);
    await runIngest(docs, base);
    const knowledge = await openAnswerer(base);
    await knowledge.index.vectorsReady();
    const embedder = new LocalEmbedder().withStats(knowledge.index.stats);
    const tableName = knowledge.index.manifest.chunksTable;
    const vectors: Float32Array[] = [];
    for (const q of questions) {
      const { query } = await knowledge.retriever.retrieve(q, { k: 1 });
      vectors.push((await embedder.embed([query.embedText || q], "query"))[0]!);
    }
    const exactTable = await (await lancedb.connect(path.join(base, "lancedb"))).openTable(tableName);
    const exact = await Promise.all(vectors.map(async (v) => (await exactTable.vectorSearch(Array.from(v)).distanceType("cosine").where("representative = true").bypassVectorIndex().select(["id", "_distance"]).limit(40).toArray()).map((r) => String(r.id))));
    const overlap = (got: string[][]) => got.reduce((n, ids, i) => n + exact[i]!.slice(0, 10).filter((id) => ids.slice(0, 10).includes(id)).length / 10, 0) / got.length;
    const timeAll = async (run: (v: Float32Array) => Promise<string[]>) => {
      for (const v of vectors.slice(0, 3)) await run(v);
      const times: number[] = [];
      const got: string[][] = [];
      for (const v of vectors) {
        const started = performance.now();
        got.push(await run(v));
        times.push(performance.now() - started);
      }
      return { p50: percentile(times, 50), p95: percentile(times, 95), overlap: overlap(got) };
    };
    const flat = await timeAll(async (v) => (await exactTable.vectorSearch(Array.from(v)).distanceType("cosine").where("representative = true").select(["id", "_distance"]).limit(40).toArray()).map((r) => String(r.id)));
    rows.push({ "đoạn": knowledge.index.manifest.chunkCount, "cách tìm": "LanceDB không chỉ mục (chính xác)", "dựng (s)": 0, "p50 ms": flat.p50, "p95 ms": flat.p95, "trùng 10 đầu": flat.overlap });
    const scan = await timeAll(async (v) => (await knowledge.index.nearest(v, 40)).map((h) => h.passage.id));
    rows.push({ "đoạn": knowledge.index.manifest.chunkCount, "cách tìm": "quét trong bộ nhớ, mã 8 bit (answer() dùng)", "dựng (s)": 0, "p50 ms": scan.p50, "p95 ms": scan.p95, "trùng 10 đầu": scan.overlap });
    for (const variant of variants) {
      const copy = path.join(dir, `ann-${size}`);
      await cp(base, copy, { recursive: true });
      const table = await (await lancedb.connect(path.join(copy, "lancedb"))).openTable(tableName);
      const started = performance.now();
      await table.createIndex("vector", { config: variant.build!(knowledge.index.manifest.chunkCount), replace: true });
      const built = (performance.now() - started) / 1000;
      const result = await timeAll(async (v) => (await variant.tune!(table.vectorSearch(Array.from(v)).distanceType("cosine").where("representative = true")).select(["id", "_distance"]).limit(40).toArray()).map((r) => String(r.id)));
      rows.push({ "đoạn": knowledge.index.manifest.chunkCount, "cách tìm": variant.label, "dựng (s)": built, "p50 ms": result.p50, "p95 ms": result.p95, "trùng 10 đầu": result.overlap });
      table.close();
    }
    exactTable.close();
    knowledge.close();
  }
  table("bench:ann — tìm vector 40 đoạn (cosine, chỉ đoạn đại diện), so với tìm chính xác: tỉ lệ 10 đoạn đầu trùng (bộ nhúng local)", rows);
} finally {
  await cleanup();
}
