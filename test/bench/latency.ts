import path from "node:path";
import { pathToFileURL } from "node:url";
import * as lancedb from "@lancedb/lancedb";
import type { LocalEmbedder } from "../../src/embed/local.ts";
import type { Lexicon } from "../../src/lexicon.ts";
import { PASSAGE_COLUMNS } from "../../src/index/tables.ts";
import { analyseQuery } from "../../src/query.ts";
import { percentile } from "./util.ts";

/** What answer() is compared with in bench:query, and how the timings are taken. */

export type Timed = { p50: number; p95: number; n: number };
type Run = (question: string) => Promise<unknown>;

/**
 * Each question put to every function in turn, the order rotated from one question to the next so
 * none always meets a cache another left warm; a warm-up first.
 */
export async function timeInTurn(runs: Record<string, Run>, questions: string[], rounds: number): Promise<Record<string, Timed>> {
  const names = Object.keys(runs);
  for (const q of questions.slice(0, 5)) for (const name of names) await runs[name]!(q);
  const times = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [i, q] of questions.entries()) {
      for (let j = 0; j < names.length; j++) {
        const name = names[(i + j) % names.length]!;
        const started = performance.now();
        await runs[name]!(q);
        times.get(name)!.push(performance.now() - started);
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, { p50: percentile(times.get(n)!, 50), p95: percentile(times.get(n)!, 95), n: times.get(n)!.length }]));
}

/**
 * The plain query a typical user would write on the same table: the question embedded, LanceDB's
 * full-text search over its tokens and a vector search, 5 rows each with the passage columns, nothing more.
 */
export async function plainQuery(indexDir: string, tableName: string, lexicon: Lexicon, embedder: LocalEmbedder): Promise<Run> {
  const table = await (await lancedb.connect(path.join(indexDir, "lancedb"))).openTable(tableName);
  const columns = [...PASSAGE_COLUMNS];
  return async (question) => {
    const query = analyseQuery(question, lexicon);
    const [vector] = await embedder.embed([query.embedText || question], "query");
    const match = new lancedb.MatchQuery(query.searchTokens.join(" ") || "dan", "search", { operator: lancedb.Operator.Or });
    await Promise.all([
      table.query().fullTextSearch(match).select([...columns, "_score"]).limit(5).toArray(),
      table.vectorSearch(Array.from(vector!)).distanceType("cosine").select([...columns, "_distance"]).limit(5).toArray(),
    ]);
  };
}

/**
 * The physical floor: every stored vector held in one Float32Array in plain JavaScript, the question
 * embedded and compared with all of them (cosine), the best 5 kept. No index, no I/O.
 */
export async function exactScan(indexDir: string, tableName: string, lexicon: Lexicon, embedder: LocalEmbedder): Promise<{ run: Run; bytes: number }> {
  const table = await (await lancedb.connect(path.join(indexDir, "lancedb"))).openTable(tableName);
  const rows = await table.query().select(["vector"]).toArray();
  const dimension = embedder.info.dimension;
  const all = new Float32Array(rows.length * dimension);
  rows.forEach((row, i) => {
    const v = row.vector as { toArray?: () => ArrayLike<number> } | ArrayLike<number>;
    const values = "toArray" in v && v.toArray ? v.toArray() : (v as ArrayLike<number>);
    let norm = 0;
    for (let d = 0; d < dimension; d++) norm += values[d]! * values[d]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dimension; d++) all[i * dimension + d] = values[d]! * scale;
  });
  table.close();
  const run: Run = async (question) => {
    const query = analyseQuery(question, lexicon);
    const [vector] = await embedder.embed([query.embedText || question], "query");
    const best: Array<{ i: number; s: number }> = [];
    for (let i = 0; i < rows.length; i++) {
      let s = 0;
      const base = i * dimension;
      for (let d = 0; d < dimension; d++) s += all[base + d]! * vector![d]!;
      if (best.length < 5 || s > best[best.length - 1]!.s) {
        best.push({ i, s });
        best.sort((a, b) => b.s - a.s);
        if (best.length > 5) best.pop();
      }
    }
    return best;
  };
  return { run, bytes: all.byteLength };
}

const FLAGS_WITH_VALUE = new Set(["--import", "--require", "-r", "--loader"]);

/** The Node flags `npm start` runs the server with (package.json's start script), so the bench measures what users run. */
export async function startNodeArgs(root: string): Promise<string[]> {
  const { readFile } = await import("node:fs/promises");
  const start = (JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  // The flags between "node" and the script (the script's own arguments are not Node's).
  const words = start.split(/\s+/);
  const flags: string[] = [];
  const rest = words.slice(words.indexOf("node") + 1);
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (!word.startsWith("-")) break;
    flags.push(word);
    // A flag that takes the next word as its value ("--import ./src/runtime/with-compile-cache.ts"), a path from the root.
    // (As a file URL: a Windows path "C:\…" would be read as a URL of scheme "c:".)
    if (FLAGS_WITH_VALUE.has(word) && i + 1 < rest.length) flags.push(pathToFileURL(path.resolve(root, rest[++i]!)).href);
  }
  return flags;
}

/** Peak resident memory (MB) of a process that opens the index and answers the questions: the serving process's own. */
export async function servingMemory(indexDir: string, questions: string[], nodeArgs: string[] = []): Promise<number> {
  const { execFile } = await import("node:child_process");
  const probe = path.join(path.dirname(new URL(import.meta.url).pathname), "serve-probe.ts");
  const out = await new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, [...nodeArgs, probe, indexDir], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin!.end(questions.join("\n"));
  });
  return (JSON.parse(out.trim().split("\n").at(-1)!) as { maxRssMb: number }).maxRssMb;
}
