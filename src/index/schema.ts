import { z } from "zod";

export const SECTION_SEPARATOR = " › ";

export const documentMetaSchema = z.object({
  docId: z.string(),
  /** Path of the source file, relative to the knowledge folder. */
  path: z.string(),
  /** Position of the document in its file (a file may hold several documents). */
  part: z.number().int(),
  title: z.string(),
  kind: z.string(),
  number: z.string(),
  issuer: z.string(),
  /** ISO date (YYYY-MM-DD, or shorter when only the year is known), or empty. */
  date: z.string(),
  source: z.string(),
  /** Issuing level (src/documents/level.ts): "trung-uong", "tinh", "huyen", "xa", or "". */
  level: z.string(),
  /** ISO date the text takes effect, when it says so (or an admin does), else "". */
  effective: z.string(),
  /** What the text says about other texts (src/documents/relations.ts), as JSON: an array of relations. */
  relations: z.string(),
  /** What `<file>.meta.yaml` sets of the registry (status, level, effective, relations), as JSON: an admin's word beats detection. */
  admin: z.string(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

export const documentRowSchema = documentMetaSchema.extend({
  fileHash: z.string(),
  format: z.string(),
  chunkCount: z.number().int(),
  ingestedAt: z.string(),
});
export type DocumentRow = z.infer<typeof documentRowSchema>;

/** A passage as stored and as returned by retrieval (without its vector). */
export const passageSchema = z.object({
  id: z.string(),
  docId: z.string(),
  ordinal: z.number().int(),
  /** Verbatim source text. */
  text: z.string(),
  /** Clean paragraphs, the text that is indexed and quoted. */
  clean: z.string(),
  /** Heading path joined with " › ": the form shown to users and in `ask --json`. */
  section: z.string(),
  /** Heading path as a list, outermost first: what code reads (never the joined string re-split). */
  headings: z.array(z.string()),
  citation: z.string(),
  path: z.string(),
  lineStart: z.number().int(),
  lineEnd: z.number().int(),
  charStart: z.number().int(),
  charEnd: z.number().int(),
  docTitle: z.string(),
  docKind: z.string(),
  docNumber: z.string(),
  docIssuer: z.string(),
  docDate: z.string(),
  /** Folded syllables and syllable bigrams: what the full-text index matches. */
  search: z.string(),
  /** Near-duplicate group (src/index/near-duplicates.ts): passages of one group say the same thing. */
  group: z.string(),
});
export type Passage = z.infer<typeof passageSchema>;

/** "15/10/1949" from "1949-10-15"; a year alone stays a year. */
export function displayDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  if (year && month && day) return `${Number(day)}/${Number(month)}/${year}`;
  if (year && month) return `${Number(month)}/${year}`;
  return year ?? "";
}

/** Human citation: "Kết luận của Ban Bí thư … (số 25-NQ/TW, 3/6/2013) › II. … › 1. …". */
export function citationLabel(meta: Pick<DocumentMeta, "title" | "number" | "date">, section: string): string {
  const identity = [meta.number ? `số ${meta.number}` : "", meta.date ? displayDate(meta.date) : ""].filter(Boolean).join(", ");
  const head = identity ? `${meta.title} (${identity})` : meta.title;
  return section ? `${head}${SECTION_SEPARATOR}${section}` : head;
}
