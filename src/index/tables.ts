import { Bool, Field, FixedSizeList, Float32, Int32, List, Schema, Utf8 } from "apache-arrow";
import { SIGNATURE_SIZE } from "./near-duplicates.ts";

export const CHUNKS_TABLE = "chunks";
export const DOCUMENTS_TABLE = "documents";

const text = (name: string) => new Field(name, new Utf8(), false);
const int = (name: string) => new Field(name, new Int32(), false);

/** Passage columns returned by searches (everything but the vector). */
export const PASSAGE_COLUMNS = [
  "id", "docId", "ordinal", "text", "clean", "section", "headings", "citation", "path", "lineStart", "lineEnd",
  "charStart", "charEnd", "docTitle", "docKind", "docNumber", "docIssuer", "docDate", "search", "group",
] as const;

/** In a filter: `group` is an SQL keyword, so the column is quoted. */
export const GROUP_COLUMN = "`group`";

export function chunksSchema(dimension: number): Schema {
  return new Schema([
    text("id"), text("docId"), int("ordinal"), text("text"), text("clean"), text("section"),
    new Field("headings", new List(new Field("item", new Utf8(), true)), false), text("citation"),
    text("path"), int("lineStart"), int("lineEnd"), int("charStart"), int("charEnd"),
    text("docTitle"), text("docKind"), text("docNumber"), text("docIssuer"), text("docDate"), text("search"),
    // Near-duplicates (src/index/near-duplicates.ts): the passage's group, whether it stands for the group
    // in searches, and the signature and numbers the group was found with.
    text("group"), new Field("representative", new Bool(), false),
    new Field("signature", new FixedSizeList(SIGNATURE_SIZE, new Field("item", new Int32(), true)), false), text("numerals"),
    new Field("vector", new FixedSizeList(dimension, new Field("item", new Float32(), true)), false),
  ]);
}

export function documentsSchema(): Schema {
  return new Schema([
    text("docId"), text("path"), int("part"), text("title"), text("kind"), text("number"), text("issuer"),
    text("date"), text("source"), text("level"), text("effective"), text("relations"), text("admin"),
    text("fileHash"), text("format"), int("chunkCount"), text("ingestedAt"),
  ]);
}

/** SQL string literal for LanceDB filters. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
