import type * as lancedb from "@lancedb/lancedb";

/**
 * Exact nearest-neighbour search over the searchable passages' vectors, held in one Float32Array.
 * Measured with `npm run bench:query` (2026-12-02, 2 cores): at about 100,000 passages of 512
 * dimensions this scan takes tens of milliseconds, several times less than LanceDB's own search over
 * the same rows without an index (whose cost is reading the vectors again for every question), and the
 * approximate indexes LanceDB offers (IVF-PQ, IVF-flat, HNSW-SQ) lose too much recall on the local
 * embedder's hashed vectors (see README, "Kích thước lớn"). The vectors cost rows × dimension × 4 bytes
 * of memory as floats; they are kept as 8-bit codes with one scale per vector (a quarter of that: 56 MB
 * for 110,000 passages), which keeps the top 40 of the float scan (measured on bench:query's 110,000
 * passages: see README). A question's vector is sparse (its hashed features fill a few dozen of the 512
 * cells), so each dot product reads only those cells: at 110,000 passages nearest() fell from about 90 to
 * 40 ms (p50), below the dense float scan that bench:query prints as the floor. The scan is used up to
 * VECTOR_SCAN_MAX_BYTES of codes; a larger index is searched by LanceDB.
 */
export const VECTOR_SCAN_MAX_BYTES = 256 * 1024 * 1024;

export type VectorHit = { id: string; score: number };

export class VectorScan {
  private readonly ids: string[];
  /** Each normalised vector as signed bytes, value ≈ code × scale. */
  private readonly codes: Int8Array;
  private readonly scales: Float32Array;
  private readonly dimension: number;

  private constructor(ids: string[], codes: Int8Array, scales: Float32Array, dimension: number) {
    this.ids = ids;
    this.codes = codes;
    this.scales = scales;
    this.dimension = dimension;
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Reads the vectors of the rows the filter selects, normalised (cosine becomes a dot product).
   * Undefined when they would take more than `maxBytes`.
   */
  static async load(table: lancedb.Table, filter: string, rows: number, dimension: number, maxBytes = VECTOR_SCAN_MAX_BYTES): Promise<VectorScan | undefined> {
    if (dimension <= 0 || rows * dimension > maxBytes) return undefined;
    const ids: string[] = [];
    let codes = new Int8Array(rows * dimension);
    let scales = new Float32Array(rows);
    for await (const batch of table.query().where(filter).select(["id", "vector"])) {
      const idColumn = batch.getChild("id")!;
      // A fixed-size list column: its values are one contiguous Float32 array, row after row.
      const values = batch.getChild("vector")!.getChildAt(0)!.toArray() as Float32Array;
      if (ids.length + batch.numRows > scales.length) {
        // More rows than counted (a write in between): grow.
        const size = Math.max(scales.length * 2, ids.length + batch.numRows);
        const grownCodes = new Int8Array(size * dimension);
        grownCodes.set(codes);
        codes = grownCodes;
        const grownScales = new Float32Array(size);
        grownScales.set(scales);
        scales = grownScales;
      }
      for (let r = 0; r < batch.numRows; r++) {
        const row = ids.length;
        let norm = 0;
        let largest = 0;
        for (let d = 0; d < dimension; d++) {
          const v = values[r * dimension + d]!;
          norm += v * v;
          largest = Math.max(largest, Math.abs(v));
        }
        // Normalised, the largest component becomes ±127.
        const unit = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        const step = largest > 0 ? (largest * unit) / 127 : 0;
        scales[row] = step;
        for (let d = 0; d < dimension; d++) codes[row * dimension + d] = step > 0 ? Math.round((values[r * dimension + d]! * unit) / step) : 0;
        ids.push(String(idColumn.get(r)));
      }
    }
    return new VectorScan(ids, codes.subarray(0, ids.length * dimension), scales.subarray(0, ids.length), dimension);
  }

  /** The `limit` most similar passages by cosine, best first. */
  nearest(query: Float32Array, limit: number): VectorHit[] {
    const { dimension, codes, scales } = this;
    let norm = 0;
    for (let d = 0; d < dimension; d++) norm += query[d]! * query[d]!;
    if (norm === 0 || limit <= 0) return [];
    // Only the query's non-zero cells count: a question's hashed features fill a few dozen of the 512,
    // so the dot product reads those alone (the same sum, several times faster).
    const cells: number[] = [];
    const weights: number[] = [];
    for (let d = 0; d < dimension; d++) {
      if (query[d] === 0) continue;
      cells.push(d);
      weights.push(Math.fround(query[d]! / Math.sqrt(norm)));
    }
    const at = Int32Array.from(cells);
    const q = Float64Array.from(weights);
    const n = at.length;
    // The best so far, kept sorted (limit is small: 40).
    const scores = new Float64Array(limit).fill(-Infinity);
    const rows = new Int32Array(limit).fill(-1);
    for (let i = 0, base = 0; i < this.ids.length; i++, base += dimension) {
      let dot = 0;
      for (let j = 0; j < n; j++) dot += codes[base + at[j]!]! * q[j]!;
      const s = dot * scales[i]!;
      if (s <= scores[limit - 1]!) continue;
      let slot = limit - 1;
      while (slot > 0 && scores[slot - 1]! < s) {
        scores[slot] = scores[slot - 1]!;
        rows[slot] = rows[slot - 1]!;
        slot--;
      }
      scores[slot] = s;
      rows[slot] = i;
    }
    const hits: VectorHit[] = [];
    for (let j = 0; j < limit && rows[j]! >= 0; j++) hits.push({ id: this.ids[rows[j]!]!, score: scores[j]! });
    return hits;
  }
}
