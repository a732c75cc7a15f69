import type { Bool, Data, DataType, FixedSizeList, Float32, Int32, List, Schema, Utf8 } from "apache-arrow";
import { makeData, RecordBatch, Struct, Table, Type } from "apache-arrow";

/**
 * Rows as an Arrow table built column by column: one UTF-8 buffer per text column, one typed array per
 * number, vector and signature column. Handing LanceDB plain objects makes it infer a schema and build
 * every value through Arrow's generic builders, which took about 0.45 s per 2,000 passages on the
 * ingest's main thread (`npm run bench:ingest`, December 2026); this takes a tenth of that.
 * Supports the column types our tables use: Utf8, Int32, Bool, List<Utf8>, FixedSizeList<Int32|Float32>.
 */
export function arrowTable(schema: Schema, rows: ReadonlyArray<Record<string, unknown>>): Table {
  const children = schema.fields.map((field) => column(field.name, field.type, rows.map((row) => row[field.name])));
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new Table([new RecordBatch(schema, data)]);
}

/**
 * UTF-8 of many strings written into one buffer, with their offsets: one pass, each string written where the last
 * ended into a buffer sized for the worst case (3 bytes per UTF-16 unit; pages never written are never touched).
 * Measuring every string first and writing it second took twice the time (`npm run bench:ingest`, December 2026).
 */
function utf8(values: readonly string[]) {
  const offsets = new Int32Array(values.length + 1);
  let units = 0;
  for (const value of values) units += value.length;
  const buffer = Buffer.allocUnsafeSlow(units * 3);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += buffer.write(values[i]!, at, "utf8");
    offsets[i + 1] = at;
  }
  return { offsets, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, at) };
}

function column(name: string, type: DataType, values: unknown[]): Data {
  const length = values.length;
  switch (type.typeId) {
    case Type.Utf8: {
      const { offsets, bytes } = utf8(values.map((v) => String(v ?? "")));
      return makeData({ type: type as Utf8, length, nullCount: 0, valueOffsets: offsets, data: bytes });
    }
    case Type.Int: {
      return makeData({ type: type as Int32, length, nullCount: 0, data: Int32Array.from(values as number[]) });
    }
    case Type.Bool: {
      const bits = new Uint8Array(Math.ceil(length / 8));
      values.forEach((v, i) => {
        if (v) bits[i >> 3]! |= 1 << (i & 7);
      });
      return makeData({ type: type as Bool, length, nullCount: 0, data: bits });
    }
    case Type.List: {
      const lists = values as string[][];
      const offsets = new Int32Array(length + 1);
      lists.forEach((list, i) => (offsets[i + 1] = offsets[i]! + list.length));
      const items = lists.flat();
      const child = column(`${name}.item`, (type as List).children[0]!.type, items);
      return makeData({ type: type as List, length, nullCount: 0, valueOffsets: offsets, child });
    }
    case Type.FixedSizeList: {
      const list = type as FixedSizeList;
      const size = list.listSize;
      const itemType = list.children[0]!.type;
      const isFloat = itemType.typeId === Type.Float;
      const flat = isFloat ? new Float32Array(length * size) : new Int32Array(length * size);
      values.forEach((v, i) => {
        const array = v as ArrayLike<number>;
        if (array.length !== size) throw new Error(`column ${name}: row ${i} has ${array.length} values, expected ${size}`);
        flat.set(array, i * size);
      });
      const child = flat instanceof Float32Array
        ? makeData({ type: itemType as Float32, length: length * size, nullCount: 0, data: flat })
        : makeData({ type: itemType as Int32, length: length * size, nullCount: 0, data: flat });
      return makeData({ type: list, length, nullCount: 0, child });
    }
    default:
      throw new Error(`column ${name}: Arrow type ${String(type)} is not supported by arrowTable`);
  }
}
