import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type * as lancedb from "@lancedb/lancedb";
import type { Manifest } from "./manifest.ts";

/**
 * Generations of the index kept on disk (tables, stats and facts files): the one in force and the two
 * before it, so a reader still finishing an answer on an older one, or one that has not yet seen the new
 * manifest (readers poll it every 2 s), keeps working through two rebuilds in quick succession.
 */
export const KEEP_GENERATIONS = 3;

const generationOf = (name: string) => Number(/_g(\d+)$/.exec(name)?.[1] ?? /-(\d+)\.json$/.exec(name)?.[1] ?? 0);

/**
 * After a commit: readers move to the new generation within seconds and finish their answers first, so
 * the last KEEP_GENERATIONS generations stay and older tables and files go. A table that cannot be
 * dropped is reported (the index is complete regardless; the next ingest tries again).
 */
export async function dropOldGenerations(db: lancedb.Connection, indexDir: string, manifest: Manifest, replaced: Manifest | undefined, report: (problem: string) => void): Promise<void> {
  const oldest = manifest.generation - KEEP_GENERATIONS + 1;
  const inForce = new Set([manifest.chunksTable, manifest.documentsTable, replaced?.chunksTable, replaced?.documentsTable]);
  for (const name of await db.tableNames()) {
    if (!inForce.has(name) && generationOf(name) < oldest) {
      await db.dropTable(name).catch((error: unknown) => report(`không xóa được bảng cũ ${name} (${error instanceof Error ? error.message : String(error)}); chỉ mục vẫn đầy đủ, lần nạp sau sẽ xóa`));
    }
  }
  for (const name of await readdir(indexDir)) {
    if (/^(?:stats|facts)-\d+\.json$/.test(name) && generationOf(name) < oldest && name !== replaced?.statsFile && name !== replaced?.factsFile) {
      await rm(path.join(indexDir, name), { force: true });
    }
  }
}
