import { z } from "zod";
import { vietnamDate } from "../text/dates.ts";
import type { DocumentRow } from "../index/schema.ts";
import type { IssuerLevel } from "./level.ts";
import { ISSUER_LEVELS } from "./level.ts";
import { sameDocumentNumber } from "./numbers.ts";
import type { Relation } from "./relations.ts";
import { relationSchema } from "./relations.ts";

/**
 * The document registry: which text is in force. Each document's status is derived, every time the
 * index is opened, from what the documents registered now say about each other — so removing the text
 * that replaced another gives the old one back its status on the next ingest — and from dates:
 * - `superseded` (by …): a registered text replaces or repeals it and is itself in effect;
 * - `amended` (by …, which articles): a registered text amends it;
 * - `not-yet-in-force`: its effective date is after today;
 * - `in-force`: a text of a normative kind (nghị quyết, quy chế, quyết định …) with a number or date;
 * - `unknown`: anything else (articles, reports, speeches).
 * An admin's `<file>.meta.yaml` may set the status, level, effective date and relations; that wins.
 */

export const DOCUMENT_STATUSES = ["in-force", "superseded", "amended", "not-yet-in-force", "unknown"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** What `<file>.meta.yaml` may set of the registry (stored as JSON in the documents table). */
export const adminRegistrySchema = z.object({
  status: z.enum(DOCUMENT_STATUSES).optional(),
  level: z.enum(ISSUER_LEVELS).optional(),
  effective: z.string().optional(),
  relations: z.array(relationSchema).optional(),
});
export type AdminRegistry = z.infer<typeof adminRegistrySchema>;

export type DocumentRef = { docId: string; title: string; kind: string; number: string; date: string };

export type Validity = {
  status: DocumentStatus;
  /** The text that replaced or amended it. */
  by?: DocumentRef;
  /** For `amended`: the articles amended. */
  articles?: string[];
  effective?: string;
  /** The status was set by an admin (`.meta.yaml`), not derived. */
  setByAdmin?: boolean;
};

export type RegisteredRelation = Relation & { resolved?: DocumentRef };

export type RegisteredDocument = Omit<DocumentRow, "relations" | "admin" | "level"> & {
  level: IssuerLevel;
  relations: RegisteredRelation[];
  validity: Validity;
  /** Which registry fields an admin set. */
  adminFields: string[];
};

/** Kinds of text that lay down rules and so are in force until replaced. */
const NORMATIVE = /^(?:nghị quyết|kết luận|quyết định|chỉ thị|quy chế|quy định|hướng dẫn|kế hoạch|nghị định|thông tư|luật|chương trình|đề án)$/iu;

/** A kind of text that states rules (a resolution, a decree…), as opposed to a news report or an article. */
export function isNormativeKind(kind: string): boolean {
  return NORMATIVE.test(kind);
}

/** Kinds of text that report on others: what they say of replacements is not theirs to decide. */
const REPORTING = /^(?:tin bài|bài báo|báo cáo)$/iu;

const refOf = (row: DocumentRow): DocumentRef => ({ docId: row.docId, title: row.title, kind: row.kind, number: row.number, date: row.date });

/** Today in Vietnam (YYYY-MM-DD): texts take effect on Vietnamese dates. */
export const todayInVietnam = (now = new Date()): string => vietnamDate(now);

const isFullDate = (date: string | undefined): date is string => typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date);

export class Registry {
  readonly documents: readonly RegisteredDocument[];
  /** The date the statuses were derived for. */
  readonly today: string;
  /** Stored registry fields that could not be read (named by file): reported, and the document read without them. */
  readonly problems: string[] = [];
  private readonly byId: ReadonlyMap<string, RegisteredDocument>;

  constructor(rows: readonly DocumentRow[], today: string = todayInVietnam()) {
    this.today = today;
    const parseJson = <T>(text: string, schema: z.ZodType<T>, fallback: T, where: string): T => {
      if (!text) return fallback;
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        this.problems.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      } catch (error) {
        this.problems.push(`${where}: ${(error as Error).message}`);
      }
      return fallback;
    };
    const parsed = rows.map((row) => {
      const admin = parseJson(row.admin, adminRegistrySchema, {}, `${row.path} (quản trị viên đặt)`);
      const relations = admin.relations ?? parseJson(row.relations, z.array(relationSchema), [], `${row.path} (quan hệ văn bản)`);
      return { row, admin, relations };
    });
    // A number names a document only with the same date when both are known: Party numbers restart each term, State numbers each year.
    const resolve = (relation: Relation, self: DocumentRow): DocumentRef | undefined => {
      const matches = rows.filter((other) => other.docId !== self.docId && sameDocumentNumber(relation.target, other)
        && !(isFullDate(relation.target.date) && isFullDate(other.date) && relation.target.date !== other.date));
      const best = matches.find((other) => relation.target.date && other.date === relation.target.date) ?? matches[0];
      return best && refOf(best);
    };
    const withTargets = parsed.map(({ row, admin, relations }) => ({ row, admin, relations: relations.map((r): RegisteredRelation => ({ ...r, ...(resolve(r, row) ? { resolved: resolve(r, row)! } : {}) })) }));
    const effectiveOf = (row: DocumentRow, admin: AdminRegistry) => admin.effective ?? row.effective;
    const inEffect = (docId: string) => {
      const doc = withTargets.find((d) => d.row.docId === docId);
      if (!doc) return false;
      const effective = effectiveOf(doc.row, doc.admin);
      return !effective || effective <= today;
    };
    // A text acts on an earlier one: a "replacement" dated before its target, or two texts replacing each other, is not believed.
    // Reports and articles tell of replacements; they make none.
    const actsOn = (other: DocumentRow, r: RegisteredRelation, target: DocumentRow) => {
      if (REPORTING.test(other.kind)) return false;
      if (other.date && target.date && other.date < target.date) return false;
      const back = withTargets.find((d) => d.row.docId === target.docId)?.relations.some((t) => t.resolved?.docId === other.docId && t.type === r.type);
      return !back;
    };
    const documents = withTargets.map(({ row, admin, relations }): RegisteredDocument => {
      const effective = effectiveOf(row, admin);
      const pointing = (types: Relation["type"][]) => withTargets
        .flatMap((other) => other.relations.filter((r) => types.includes(r.type) && r.resolved?.docId === row.docId && inEffect(other.row.docId) && actsOn(other.row, r, row)).map((r) => ({ other: other.row, relation: r })))
        .sort((a, b) => b.other.date.localeCompare(a.other.date));
      let validity: Validity;
      const [replacing] = pointing(["replaces", "repeals"]);
      const amending = pointing(["amends"]);
      if (admin.status) validity = { status: admin.status, setByAdmin: true };
      else if (replacing) validity = { status: "superseded", by: refOf(replacing.other) };
      else if (amending.length > 0) validity = { status: "amended", by: refOf(amending[0]!.other), articles: [...new Set(amending.flatMap((a) => a.relation.articles ?? []))] };
      else if (effective && effective > today) validity = { status: "not-yet-in-force" };
      else validity = { status: NORMATIVE.test(row.kind) && (row.number || row.date) ? "in-force" : "unknown" };
      if (effective) validity.effective = effective;
      const adminFields = Object.keys(admin).filter((key) => admin[key as keyof AdminRegistry] !== undefined);
      const { relations: _stored, admin: _admin, ...identity } = row;
      return { ...identity, level: (admin.level ?? row.level) as IssuerLevel, effective, relations, validity, adminFields };
    });
    this.documents = documents;
    this.byId = new Map(documents.map((d) => [d.docId, d]));
  }

  get(docId: string): RegisteredDocument | undefined {
    return this.byId.get(docId);
  }

  validity(docId: string): Validity | undefined {
    return this.byId.get(docId)?.validity;
  }
}
