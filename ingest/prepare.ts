import { AppError } from "../src/errors.ts";
import type { Embedder } from "../src/embed/embedder.ts";
import { LocalEmbedder } from "../src/embed/local.ts";
import { buildSearchText } from "../src/index/search-text.ts";
import { passageEmbedText } from "../src/index/rows.ts";
import type { Lexicon } from "../src/lexicon.ts";
import type { StageTimes } from "../src/stages.ts";
import { INGEST_STAGES, timed, timedAsync } from "../src/stages.ts";
import type { Signature } from "../src/index/near-duplicates.ts";
import { signatureOf } from "../src/index/near-duplicates.ts";
import { foldedSyllables } from "../src/text/normalize.ts";
import type { BuiltDocument } from "./document.ts";
import { buildDocuments, readSidecar } from "./document.ts";
import type { SourceFormat } from "./load.ts";
import type { FileReads } from "./file-reads.ts";
import { DOCX_LIMITS, loadSource } from "./load.ts";

/** A file read, structured, chunked, and (with the local embedder) embedded: ready to write. */
export type PreparedFile = {
  format: SourceFormat;
  bytes: number;
  warnings: string[];
  documents: BuiltDocument[];
  /** Per document, per chunk: the full-text tokens and (when computed here) the vector. */
  search: string[][];
  vectors?: Float32Array[][];
  /** Per document, per chunk: the near-duplicate signature. */
  signatures: Signature[][];
  /** Time per stage spent preparing this file (ms). */
  times: StageTimes;
};

/** The CPU-heavy part of ingesting one file; runs in the main thread or in a worker. */
export async function prepareFile(file: string, relative: string, options: { maxBytes: number; maxDocxPartBytes?: number; lexicon: Lexicon; embedder?: Embedder; reads?: FileReads }): Promise<PreparedFile> {
  const times: StageTimes = {};
  const loaded = await timedAsync(times, INGEST_STAGES.load, async () => {
    const source = await loadSource(file, options.maxBytes, { ...DOCX_LIMITS, ...(options.maxDocxPartBytes ? { maxPartBytes: options.maxDocxPartBytes } : {}) }, options.reads);
    return { ...source, overrides: await readSidecar(file, options.reads) };
  });
  const documents = buildDocuments(loaded.text, relative, loaded.overrides, undefined, times);
  if (documents.every((d) => d.chunks.length === 0)) throw new AppError("invalid:empty", "tệp không có đoạn văn nào để lập chỉ mục", { file });
  // Each passage's text and its frame (title, headings, lead-in) folded once, for its full-text tokens,
  // its local vector and its near-duplicate signature.
  const folded = timed(times, INGEST_STAGES.search, () => documents.map((doc) => doc.chunks.map((chunk) => foldedSyllables(chunk.clean))));
  // Passages of one section share their frame: each distinct frame is folded once.
  const frames = new Map<string, string[]>();
  const frameOf = (frame: string) => frames.get(frame) ?? frames.set(frame, foldedSyllables(frame)).get(frame)!;
  const heads = timed(times, INGEST_STAGES.search, () => documents.map((doc) => doc.chunks.map((chunk) => frameOf(`${chunk.section}\n${chunk.context}`))));
  const search = timed(times, INGEST_STAGES.search, () => documents.map((doc, d) => {
    const title = foldedSyllables(`${doc.meta.kind} ${doc.meta.title} ${doc.meta.issuer}`);
    return doc.chunks.map((_, c) => buildSearchText(options.lexicon, [...title, ...heads[d]![c]!], folded[d]![c]!));
  }));
  const embedder = options.embedder;
  // The local embedder reuses the folded text (the same vector as embedding the passage's text).
  const vectors = embedder instanceof LocalEmbedder
    ? timed(times, INGEST_STAGES.vectors, () => documents.map((doc, d) => doc.chunks.map((_, c) => embedder.embedSyllables([...heads[d]![c]!, ...folded[d]![c]!]))))
    : embedder ? await timedAsync(times, INGEST_STAGES.vectors, () => Promise.all(documents.map((doc) => embedder.embed(doc.chunks.map(passageEmbedText), "document")))) : undefined;
  const signatures = timed(times, INGEST_STAGES.signatures, () => documents.map((doc, d) => doc.chunks.map((chunk, c) => signatureOf(chunk.clean, folded[d]![c]))));
  return { format: loaded.format, bytes: Buffer.byteLength(loaded.text), warnings: loaded.warnings, documents, search, signatures, times, ...(vectors ? { vectors } : {}) };
}
