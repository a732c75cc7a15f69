import { createHash } from "node:crypto";
import type { ChunkInput } from "../src/index/rows.ts";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AppError } from "../src/errors.ts";
import type { DocumentMeta } from "../src/index/schema.ts";
import { citationLabel, SECTION_SEPARATOR } from "../src/index/schema.ts";
import type { Paragraph } from "./clean.ts";
import type { FileReads } from "./file-reads.ts";
import { NON_BLOCKING } from "./file-reads.ts";
import { cleanText } from "./clean.ts";
import type { ChunkLimits, DraftChunk } from "./chunk.ts";
import { chunkParagraphs, DEFAULT_LIMITS } from "./chunk.ts";
import { detectMetadata } from "./metadata.ts";
import { isStructuralLine } from "./outline.ts";
import { documentFacts } from "./facts.ts";
import type { Fact } from "../src/structure/facts.ts";
import type { StageTimes } from "../src/stages.ts";
import { INGEST_STAGES, timed } from "../src/stages.ts";
import { ISSUER_LEVELS, issuerLevel } from "../src/documents/level.ts";
import { DOCUMENT_STATUSES } from "../src/documents/registry.ts";
import type { AdminRegistry } from "../src/documents/registry.ts";
import { detectEffective, detectRelations, RELATION_TYPES } from "../src/documents/relations.ts";

/**
 * Optional metadata beside a document (`<file>.meta.yaml`), for what the text itself does not say
 * (a number, a date, the title of a text that has none). Values here win over detection.
 */
const metaOverrideSchema = z.object({
  title: z.string().min(1).optional(),
  kind: z.string().min(1).optional(),
  number: z.string().min(1).optional(),
  issuer: z.string().min(1).optional(),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "ngày phải có dạng YYYY-MM-DD").optional(),
  source: z.string().min(1).optional(),
  // The registry (src/documents/registry.ts): an admin's word beats what is read from the text.
  status: z.enum(DOCUMENT_STATUSES).optional(),
  level: z.enum(ISSUER_LEVELS).optional(),
  effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ngày hiệu lực phải có dạng YYYY-MM-DD").optional(),
  relations: z.array(z.object({ type: z.enum(RELATION_TYPES), number: z.string().min(1), kind: z.string().min(1).optional(), articles: z.array(z.string()).optional() })).optional(),
});
const sidecarSchema = z.union([
  z.object({ documents: z.array(metaOverrideSchema).min(1) }),
  metaOverrideSchema.transform((one) => ({ documents: [one] })),
]);
export type MetaOverride = z.infer<typeof metaOverrideSchema>;

export const SIDECAR_SUFFIX = ".meta.yaml";

export async function readSidecar(file: string, reads: FileReads = NON_BLOCKING): Promise<MetaOverride[]> {
  let raw: string;
  try {
    raw = (await reads.bytes(file + SIDECAR_SUFFIX)).toString("utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  try {
    const parsed = sidecarSchema.safeParse(parseYaml(raw));
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new AppError("invalid:metadata", `tệp ${path.basename(file)}${SIDECAR_SUFFIX} sai định dạng: ${where}`, { file });
    }
    return parsed.data.documents;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid:metadata", `tệp ${path.basename(file)}${SIDECAR_SUFFIX} không đọc được: ${(error as Error).message}`, { file });
  }
}

/** A passage as the pipeline builds it: the shape the index writer takes (src/index/rows.ts). */
export type BuiltChunk = ChunkInput;

/** A document: its metadata, its passages, and its lists (duties, steps, numbered parts) for the facts table. */
export type BuiltDocument = { meta: DocumentMeta; chunks: BuiltChunk[]; facts: Fact[] };

function shortHash(text: string, length = 12): string {
  return createHash("sha1").update(text).digest("hex").slice(0, length);
}

type Part = { body: Paragraph[]; notes: Paragraph[] };

/**
 * Splits the paragraphs of a file at document separators. A short trailing part after the last
 * separator is read as footnotes of the first document (the usual place for an article's notes).
 */
function splitDocuments(paragraphs: Paragraph[], separators: number[]): Part[] {
  const cuts = [...new Set(separators)].filter((index) => index > 0 && index < paragraphs.length).sort((a, b) => a - b);
  const parts: Paragraph[][] = [];
  let from = 0;
  for (const cut of [...cuts, paragraphs.length]) {
    if (cut > from) parts.push(paragraphs.slice(from, cut));
    from = cut;
  }
  const out: Part[] = parts.map((body) => ({ body, notes: [] }));
  if (out.length > 2) {
    const last = parts[parts.length - 1]!;
    const size = last.reduce((n, p) => n + p.text.length, 0);
    if (size < 300 && !isStructuralLine(last[0]!.text)) {
      out.pop();
      out[0]!.notes = last;
    }
  }
  return out;
}

/** The registry's fields of a document: read from its text, then what its `.meta.yaml` sets. */
function registryFields(texts: string[], override: MetaOverride, issuer: string, date: string): Pick<DocumentMeta, "level" | "effective" | "relations" | "admin"> {
  const admin: AdminRegistry = {
    ...(override.status ? { status: override.status } : {}),
    ...(override.level ? { level: override.level } : {}),
    ...(override.effective ? { effective: override.effective } : {}),
    ...(override.relations ? { relations: override.relations.map(({ type, number, kind, articles }) => ({ type, target: { number, ...(kind ? { kind } : {}) }, ...(articles ? { articles } : {}), evidence: `tệp ${SIDECAR_SUFFIX}` })) } : {}),
  };
  return {
    level: issuerLevel(issuer),
    effective: detectEffective(texts, date),
    relations: JSON.stringify(detectRelations(texts)),
    admin: Object.keys(admin).length ? JSON.stringify(admin) : "",
  };
}

function titleFromFile(relativePath: string, part: number, parts: number): string {
  const base = path.basename(relativePath, path.extname(relativePath)).replace(/[-_]+/g, " ").trim();
  return parts > 1 ? `${base} (phần ${part + 1})` : base;
}

/**
 * From a file's text to documents with metadata and chunks. `relativePath` (from the knowledge
 * folder) is the stable identity of the file; ids derive from it so re-ingesting is idempotent.
 */
export function buildDocuments(
  source: string,
  relativePath: string,
  overrides: MetaOverride[],
  limits: ChunkLimits = DEFAULT_LIMITS,
  times?: StageTimes,
): BuiltDocument[] {
  const { paragraphs, metaLines, separators } = timed(times, INGEST_STAGES.clean, () => cleanText(source, isStructuralLine));
  const parts = splitDocuments(paragraphs, separators);
  return parts.map(({ body, notes }, part) => {
    const detected = timed(times, INGEST_STAGES.metadata, () => detectMetadata(body, part === 0 ? metaLines : []));
    const override = overrides[part] ?? {};
    const docId = `d_${shortHash(`${relativePath}#${part}`, 10)}`;
    const meta: DocumentMeta = {
      docId,
      path: relativePath,
      part,
      title: override.title ?? (detected.title || titleFromFile(relativePath, part, parts.length)),
      kind: override.kind ?? detected.kind,
      number: override.number ?? detected.number,
      issuer: override.issuer ?? detected.issuer,
      date: override.date ?? detected.date,
      source: override.source ?? detected.source,
      ...registryFields(body.map((p) => p.text), override, override.issuer ?? detected.issuer, override.date ?? detected.date),
    };
    const drafts: DraftChunk[] = timed(times, INGEST_STAGES.chunk, () => chunkParagraphs(body, limits));
    if (notes.length > 0) drafts.push({ headings: ["Chú thích"], paragraphs: notes });
    const chunks = drafts.map((draft, ordinal): BuiltChunk => {
      const first = draft.paragraphs[0]!;
      const last = draft.paragraphs[draft.paragraphs.length - 1]!;
      const section = draft.headings.join(SECTION_SEPARATOR);
      return {
        id: `c_${shortHash(`${docId}:${ordinal}`)}`,
        ordinal,
        text: source.slice(first.start, last.end),
        clean: draft.paragraphs.map((p) => p.text).join("\n\n"),
        headings: draft.headings,
        section,
        citation: citationLabel(meta, section),
        context: draft.context ?? "",
        charStart: first.start,
        charEnd: last.end,
        lineStart: first.lineStart,
        lineEnd: last.lineEnd,
      };
    });
    return { meta, chunks, facts: timed(times, INGEST_STAGES.facts, () => documentFacts(relativePath, docId, body, chunks)) };
  });
}
