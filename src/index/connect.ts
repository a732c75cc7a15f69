import path from "node:path";
import * as lancedb from "@lancedb/lancedb";

/**
 * LanceDB's caches, bounded for readers and the writer alike (its defaults are 6 GB of index cache and
 * 1 GB of metadata): the full-text index of 100,000 passages fits, and memory stays predictable.
 */
const INDEX_CACHE_BYTES = 256 * 1024 * 1024;
const METADATA_CACHE_BYTES = 64 * 1024 * 1024;

/** The LanceDB database of an index folder. */
export function connectIndex(indexDir: string): Promise<lancedb.Connection> {
  return lancedb.connect(path.join(indexDir, "lancedb"), {}, new lancedb.Session(BigInt(INDEX_CACHE_BYTES), BigInt(METADATA_CACHE_BYTES)));
}
