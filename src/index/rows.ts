import type { Fact } from "../structure/facts.ts";
import type { Signature } from "./near-duplicates.ts";
import type { DocumentMeta } from "./schema.ts";

/** What the ingest pipeline hands the index writer, and the chunks-table row each passage becomes. */

export type ChunkInput = {
  id: string;
  ordinal: number;
  /** Verbatim source text of the chunk. */
  text: string;
  /** Clean paragraphs joined by blank lines (index text). */
  clean: string;
  /** Heading path, outermost first. */
  headings: string[];
  section: string;
  citation: string;
  /** Lead-in text indexed with the chunk but not part of its quote. */
  context: string;
  lineStart: number;
  lineEnd: number;
  charStart: number;
  charEnd: number;
};

/** The text a passage's vector is made from: its heading path, any lead-in, and its clean text. */
export function passageEmbedText(chunk: Pick<ChunkInput, "section" | "context" | "clean">): string {
  return `${chunk.section}\n${chunk.context}\n${chunk.clean}`;
}

export type FileInput = {
  path: string;
  fileHash: string;
  format: string;
  /** `facts`: the document's lists for the facts table (ingest/facts.ts). */
  documents: Array<{ meta: DocumentMeta; chunks: ChunkInput[]; facts: Fact[] }>;
  /** Full-text tokens per document and chunk, already built. */
  search: string[][];
  /** Vectors per document and chunk, when already computed (worker threads); otherwise embedded here. */
  vectors?: Float32Array[][];
  /** Near-duplicate signatures per document and chunk, when already computed; otherwise computed here. */
  signatures?: Signature[][];
};

/** Where a passage stands among its near-duplicates. */
export type GroupPlace = { group: string; representative: boolean; signature: Signature };

/** One row of the chunks table: the passage, its place in its document, its document's identity, its tokens and vector. */
export function chunkRow(filePath: string, meta: DocumentMeta, chunk: ChunkInput, search: string, vector: Float32Array, place: GroupPlace): Record<string, unknown> {
  return {
    id: chunk.id,
    ordinal: chunk.ordinal,
    text: chunk.text,
    clean: chunk.clean,
    section: chunk.section,
    headings: chunk.headings,
    citation: chunk.citation,
    lineStart: chunk.lineStart,
    lineEnd: chunk.lineEnd,
    charStart: chunk.charStart,
    charEnd: chunk.charEnd,
    docId: meta.docId,
    path: filePath,
    docTitle: meta.title,
    docKind: meta.kind,
    docNumber: meta.number,
    docIssuer: meta.issuer,
    docDate: meta.date,
    search,
    group: place.group,
    representative: place.representative,
    signature: place.signature.minhash,
    numerals: place.signature.numerals,
    vector,
  };
}
