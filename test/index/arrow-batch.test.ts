import path from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { Bool, Field, FixedSizeList, Float32, Int32, List, Schema, Utf8 } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { arrowTable } from "../../src/index/arrow-batch.ts";
import { tempDir } from "../helpers/index.ts";

const schema = new Schema([
  new Field("id", new Utf8(), false),
  new Field("n", new Int32(), false),
  new Field("flag", new Bool(), false),
  new Field("headings", new List(new Field("item", new Utf8(), true)), false),
  new Field("signature", new FixedSizeList(3, new Field("item", new Int32(), true)), false),
  new Field("vector", new FixedSizeList(2, new Field("item", new Float32(), true)), false),
]);

describe("rows written to LanceDB as Arrow columns", () => {
  it("reads back every value as written: Vietnamese text, empty strings and lists, booleans, numbers, vectors", async () => {
    const { dir, cleanup } = await tempDir();
    const rows = Array.from({ length: 11 }, (_, i) => ({
      id: i === 3 ? "" : `Điều ${i} — Ủy ban Mặt trận Tổ quốc 🇻🇳`,
      n: i * 1000 - 5,
      flag: i % 3 === 0,
      headings: i === 4 ? [] : [`Chương ${i}`, "Mục 2. Trách nhiệm của người đứng đầu"],
      signature: [i, i === 0 ? 7 : -i, 2 ** 30],
      vector: new Float32Array([i / 10, -0.5]),
    }));
    const db = await lancedb.connect(path.join(dir, "db"));
    const table = await db.createEmptyTable("t", schema);
    await table.add(arrowTable(schema, rows));
    const back = (await table.query().toArray()).sort((a, b) => a.n - b.n);
    expect(back.map((r) => [r.id, r.n, r.flag, [...r.headings.toArray()], [...r.signature.toArray()], [...r.vector.toArray()]]))
      .toEqual(rows.map((r) => [r.id, r.n, r.flag, r.headings, r.signature, [...r.vector]]));
    await cleanup();
  });

  it("refuses a vector of the wrong length, naming the column", () => {
    expect(() => arrowTable(schema, [{ id: "a", n: 1, flag: true, headings: [], signature: [1, 2, 3], vector: new Float32Array(3) }])).toThrow(/vector/);
  });
});
