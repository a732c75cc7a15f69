import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../errors.ts";

/**
 * The manifest names the table versions that make up the current index. Readers check those
 * versions out, so an ingest that dies half-way (after some commits, before the manifest) leaves
 * readers on the last complete index. It is replaced atomically (write, then rename).
 */
/**
 * Layout of the tables. 2: passages keep their heading path as a list (`headings`). 3: the facts
 * table names a list asked of someone in its lead-in sentence by that actor. 4: near-duplicate groups
 * (`group`, `representative`, `signature`, `numerals` columns). 5: the document registry (`level`,
 * `effective`, `relations`, `admin` columns of the documents table). 6: the facts table holds assignment
 * clauses ("5- Ban Dân vận Tỉnh ủy tham mưu …; …", src/structure/assignment.ts). 7: a text's header is read over
 * ten paragraphs, with the summary after its kind and the organ's place line (ingest/metadata.ts). An index of another
 * format is rebuilt by the next ingest (which `npm start` runs first).
 */
export const INDEX_FORMAT = 7;

export const manifestSchema = z.object({
  format: z.number().int(),
  generation: z.number().int().nonnegative(),
  createdAt: z.string(),
  embedder: z.object({ provider: z.string(), model: z.string(), dimension: z.number().int().nonnegative() }),
  /** Tables of this index: a rebuild writes new ones and switches, so readers never see half a rebuild. */
  chunksTable: z.string().default("chunks"),
  documentsTable: z.string().default("documents"),
  chunksVersion: z.number().int(),
  documentsVersion: z.number().int(),
  statsFile: z.string(),
  /** The responsibilities and procedures table of this generation (src/structure/facts.ts). */
  factsFile: z.string().default(""),
  chunkCount: z.number().int(),
  documentCount: z.number().int(),
  /** Hash of the lexicon used for index-side expansion; a change means a rebuild. */
  lexiconHash: z.string(),
  hasFullTextIndex: z.boolean(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const MANIFEST_FILE = "manifest.json";

export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
  let raw: string;
  try {
    raw = await readFile(path.join(indexDir, MANIFEST_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = manifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new AppError("invalid:index", `Chỉ mục trong ${indexDir} hỏng hoặc của phiên bản khác. Hãy chạy: npm run ingest -- --rebuild`, { indexDir });
  }
  return parsed.data;
}

export async function writeManifest(indexDir: string, manifest: Manifest): Promise<void> {
  const file = path.join(indexDir, MANIFEST_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(manifest, null, 2));
  await rename(tmp, file);
}
