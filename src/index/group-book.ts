import type * as lancedb from "@lancedb/lancedb";
import type { DocumentMeta } from "./schema.ts";
import type { Signature } from "./near-duplicates.ts";
import { DuplicateGroups, SIGNATURE_SIZE } from "./near-duplicates.ts";
import type { MemberInfo } from "./representative.ts";
import { representativeOf } from "./representative.ts";
import type { GroupPlace } from "./rows.ts";

/**
 * The index writer's view of the near-duplicate groups: every passage in the index (read back at the
 * start of an incremental ingest) and those written now, which group each is in, and which member
 * stands for each group. At commit it says which rows' `representative` flags must change, so a group
 * whose representative's file was removed or replaced by a newer one gets another.
 */
export class GroupBook {
  private readonly groups = new DuplicateGroups();
  /** Each member, with the `representative` flag its row holds now. */
  private readonly info = new Map<string, MemberInfo & { representative: boolean }>();
  private readonly byPath = new Map<string, string[]>();

  /** Reads the groups of the passages already in the index. */
  static async load(chunks: lancedb.Table, ingestedAt: ReadonlyMap<string, string>): Promise<GroupBook> {
    const book = new GroupBook();
    const rows = await chunks.query().select(["id", "group", "representative", "signature", "numerals", "path", "ordinal", "docDate", "docIssuer"]).toArray();
    for (const row of rows) {
      const raw = row.signature as { toArray?: () => ArrayLike<number> } | ArrayLike<number>;
      const values = "toArray" in raw && raw.toArray ? raw.toArray() : (raw as ArrayLike<number>);
      const minhash = Int32Array.from(values);
      if (minhash.length !== SIGNATURE_SIZE) continue;
      const id = String(row.id);
      const path = String(row.path);
      book.remember({ id, path, ordinal: Number(row.ordinal), docDate: String(row.docDate), docIssuer: String(row.docIssuer), ingestedAt: ingestedAt.get(path) ?? "" }, Boolean(row.representative));
      book.groups.add({ id, group: String(row.group), signature: { minhash, numerals: String(row.numerals) } });
    }
    return book;
  }

  private remember(member: MemberInfo, representative: boolean): void {
    this.info.set(member.id, { ...member, representative });
    const ids = this.byPath.get(member.path);
    if (ids) ids.push(member.id);
    else this.byPath.set(member.path, [member.id]);
  }

  /** Forgets a file's passages (removed, or about to be written again). */
  removePath(path: string): void {
    for (const id of this.byPath.get(path) ?? []) {
      this.groups.remove(id);
      this.info.delete(id);
    }
    this.byPath.delete(path);
  }

  /**
   * Places a new passage: the group it joins, and whether it stands for the group for now (when it
   * founds the group; `settle` decides at commit). `founded` tells the term statistics to count it.
   */
  place(chunk: { id: string; ordinal: number }, path: string, meta: Pick<DocumentMeta, "date" | "issuer">, signature: Signature, ingestedAt: string): GroupPlace & { founded: boolean } {
    const group = this.groups.assign(chunk.id, signature);
    const founded = group === chunk.id;
    this.remember({ id: chunk.id, path, ordinal: chunk.ordinal, docDate: meta.date, docIssuer: meta.issuer, ingestedAt }, founded);
    return { group, representative: founded, signature, founded };
  }

  /** The rows whose `representative` flag must change so that each group has exactly its chosen member flagged. */
  settle(): { promote: string[]; demote: string[] } {
    const promote: string[] = [];
    const demote: string[] = [];
    for (const group of this.groups.groupIds()) {
      const members = [...this.groups.membersOf(group)].map((id) => this.info.get(id)!);
      const chosen = representativeOf(members);
      for (const member of members) {
        const should = member === chosen;
        if (member.representative === should) continue;
        (should ? promote : demote).push(member.id);
        member.representative = should;
      }
    }
    return { promote, demote };
  }

  /**
   * Groups whose founder (the member counted in the term statistics) is gone: their representative,
   * to be counted instead.
   */
  uncounted(): string[] {
    const out: string[] = [];
    for (const group of this.groups.groupIds()) {
      const ids = this.groups.membersOf(group);
      if (ids.has(group)) continue;
      const representative = [...ids].find((id) => this.info.get(id)?.representative);
      if (representative) out.push(representative);
    }
    return out;
  }
}
