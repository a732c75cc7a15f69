import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile, mkdir, rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify as toYaml } from "yaml";
import { AppError, isAppError } from "../../src/errors.ts";
import type { Registry } from "../../src/documents/registry.ts";
import type { Logger } from "../../src/log.ts";
import type { AuditEntry } from "../../src/state/store.ts";
import { fold } from "../../src/text/normalize.ts";
import { SIDECAR_SUFFIX } from "../../ingest/document.ts";
import { loadSource, SUPPORTED_EXTENSIONS } from "../../ingest/load.ts";
import type { IngestReport } from "../../ingest/pipeline.ts";
import { coreText } from "../messages.ts";

/**
 * The knowledge base as admins change it without a terminal (the web console, Telegram uploads): a
 * file is checked, written to `knowledge/documents/uploads/` (the knowledge folder stays the source
 * of truth: `npm run ingest` rebuilds the same index) and ingested incrementally through the one
 * writer; the live index swaps without a restart. Every change is written to the audit log.
 */

export const UPLOADS_FOLDER = path.join("documents", "uploads");

export type UploadMeta = { title?: string; number?: string; date?: string; issuer?: string };
export type LibraryDocument = {
  id: string; title: string; kind: string; number: string; date: string; issuer: string; passages: number; file: string; added: string;
  level: string; status: string;
  /** Level and status as users read them ("cấp tỉnh · còn hiệu lực"). */
  standing: string;
};
export type UploadResult = {
  file: string;
  status: "added" | "updated" | "failed";
  reason?: string;
  passages: number;
  documents: Array<Pick<LibraryDocument, "id" | "title" | "number" | "date" | "issuer">>;
  warnings: string[];
};

export type LibraryDeps = {
  knowledgeDir: string;
  maxBytes: number;
  /** Ingests the knowledge folder (incrementally, one writer) and swaps the live index. */
  reload: () => Promise<IngestReport>;
  registry: () => Promise<Registry>;
  audit: (entry: AuditEntry) => Promise<void>;
  logger: Logger;
};

const MAX_STEM = 80;

/**
 * "Quy chế 09 (bản mới).DOCX" → "quy-che-09-ban-moi.docx": a name every file system and URL takes. Names
 * that differ only in marks, case or punctuation ("Quy chế 09", "Quy_chế_09") are one file: uploading
 * one replaces the other (the reply says "Đã cập nhật").
 */
export function safeFileName(original: string): string {
  const base = path.basename(original.replace(/\\/g, "/"));
  const extension = path.extname(base).toLowerCase();
  const full = fold(base.slice(0, base.length - extension.length)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  // A long name is cut, with a short hash of the whole: two names that differ only at the end stay two files.
  const stem = full.length <= MAX_STEM ? full : `${full.slice(0, MAX_STEM - 7).replace(/-+$/, "")}-${createHash("sha1").update(full).digest("hex").slice(0, 6)}`;
  return `${stem || "tai-lieu"}${extension}`;
}

export function createLibrary(deps: LibraryDeps) {
  const log = (actor: string, action: string, target: string, detail: string) =>
    deps.audit({ at: new Date().toISOString(), actor, action, target, detail }).catch((error: unknown) => deps.logger.error("admin.audit_failed", { error, action }));

  /** Changes of the folder run one after another (uploads, removals), each with its own ingest. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function list(): Promise<LibraryDocument[]> {
    const registry = await deps.registry();
    return registry.documents.map((d) => ({
      id: d.docId, title: d.title, kind: d.kind, number: d.number, date: d.date, issuer: d.issuer, passages: d.chunkCount, file: d.path, added: d.ingestedAt,
      level: d.level, status: d.validity.status, standing: coreText.documentStanding(d),
    }));
  }

  /** Checks, stores and ingests one file; a file that cannot be read is refused and nothing is written. */
  async function upload(actor: string, input: { fileName: string; data: Buffer; meta?: UploadMeta }): Promise<UploadResult> {
    const name = safeFileName(input.fileName);
    const relative = path.join(UPLOADS_FOLDER, name).split(path.sep).join("/");
    const failed = (reason: string): UploadResult => ({ file: relative, status: "failed", reason, passages: 0, documents: [], warnings: [] });
    if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(name))) {
      await log(actor, "upload-refused", relative, "định dạng không hỗ trợ");
      return failed(`định dạng ${path.extname(name) || "(không có đuôi)"} chưa được hỗ trợ; dùng ${SUPPORTED_EXTENSIONS.join(", ")}`);
    }
    if (input.data.length === 0) return failed("tệp rỗng");
    if (input.data.length > deps.maxBytes) return failed(`tệp quá lớn (${(input.data.length / 1048576).toFixed(1)} MB, giới hạn ${(deps.maxBytes / 1048576).toFixed(0)} MB)`);
    // Read once outside the knowledge folder: a corrupt or mislabelled file never enters it.
    const scratch = await mkdtemp(path.join(tmpdir(), "tldv-upload-"));
    try {
      const probe = path.join(scratch, name);
      await writeFile(probe, input.data);
      await loadSource(probe, deps.maxBytes);
    } catch (error) {
      if (!isAppError(error)) throw error;
      deps.logger.warn("admin.upload_refused", { file: relative, reason: error.message });
      await log(actor, "upload-refused", relative, error.message);
      return failed(error.message.replace(probeName(scratch, name), name));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    // One change at a time: a second upload's ingest starts after the first's has ended (never sharing one
    // that began before its file was written).
    return serial(async () => {
      const target = path.join(deps.knowledgeDir, relative);
      await mkdir(path.dirname(target), { recursive: true });
      const sidecar = `${target}${SIDECAR_SUFFIX}`;
      // What was there before, put back if the ingest fails: the folder is then as it was.
      const before = { file: await readFile(target).catch(() => undefined), sidecar: await readFile(sidecar).catch(() => undefined) };
      const restore = async () => {
        if (before.file) await writeFile(target, before.file);
        else await rm(target, { force: true });
        if (before.sidecar) await writeFile(sidecar, before.sidecar);
        else await rm(sidecar, { force: true });
      };
      // Written under a hidden name first, then renamed: an ingest never reads half a file.
      const partial = path.join(path.dirname(target), `.${name}.partial`);
      await writeFile(partial, input.data);
      await rename(partial, target);
      const meta = Object.fromEntries(Object.entries(input.meta ?? {}).filter(([, v]) => typeof v === "string" && v.trim()).map(([k, v]) => [k, v!.trim()]));
      if (Object.keys(meta).length) await writeFile(sidecar, toYaml(meta));
      else await rm(sidecar, { force: true });
      let report: IngestReport;
      try {
        report = await deps.reload();
      } catch (error) {
        await restore();
        deps.logger.error("admin.upload_ingest_failed", { error, file: relative, action: "the folder is as it was" });
        await log(actor, "upload-failed", relative, isAppError(error) ? error.message : "lỗi khi nạp");
        return failed(isAppError(error) ? error.message : "có lỗi khi nạp; thư mục tài liệu vẫn như trước");
      }
      const filed = report.files.find((f) => f.path === relative);
      if (filed?.status === "failed" || filed?.status === "skipped") {
        await restore();
        await deps.reload().catch((error: unknown) => deps.logger.error("admin.upload_restore_ingest", { error }));
        await log(actor, "upload-failed", relative, filed.reason ?? "");
        return failed(filed.reason ?? "không nạp được");
      }
      return done(actor, before.file !== undefined, relative, filed?.warnings ?? []);
    });
  }

  async function done(actor: string, existed: boolean, relative: string, warnings: string[]): Promise<UploadResult> {
    const documents = (await list()).filter((d) => d.file === relative);
    await log(actor, existed ? "replace" : "upload", relative, `${documents.length} văn bản, ${documents.reduce((n, d) => n + d.passages, 0)} đoạn`);
    return {
      file: relative, status: existed ? "updated" : "added", passages: documents.reduce((n, d) => n + d.passages, 0),
      documents: documents.map(({ id, title, number, date, issuer }) => ({ id, title, number, date, issuer })), warnings,
    };
  }

  /** Removes the file a document comes from (with its .meta.yaml) and re-ingests; undefined when there is no such document. */
  async function remove(actor: string, docId: string): Promise<{ file: string; titles: string[] } | undefined> {
    return serial(() => removeNow(actor, docId));
  }

  async function removeNow(actor: string, docId: string): Promise<{ file: string; titles: string[] } | undefined> {
    const all = await list();
    const doc = all.find((d) => d.id === docId);
    if (!doc) return undefined;
    const target = path.resolve(deps.knowledgeDir, doc.file);
    if (!target.startsWith(path.resolve(deps.knowledgeDir, "documents") + path.sep)) throw new AppError("invalid:path", `Không gỡ được ${doc.file}: tệp nằm ngoài thư mục tài liệu.`);
    await rm(target, { force: true });
    await rm(`${target}${SIDECAR_SUFFIX}`, { force: true });
    await deps.reload();
    const titles = all.filter((d) => d.file === doc.file).map((d) => d.title);
    await log(actor, "remove", doc.file, titles.join("; "));
    return { file: doc.file, titles };
  }

  return { list, upload, remove };
}

function probeName(scratch: string, name: string): string {
  return path.join(scratch, name);
}

export type Library = ReturnType<typeof createLibrary>;

/** Reads a file the library wrote (tests and the console's download link use the same path rules). */
export async function readUpload(knowledgeDir: string, relative: string): Promise<Buffer> {
  return readFile(path.join(knowledgeDir, relative));
}
