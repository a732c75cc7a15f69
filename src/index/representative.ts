
/**
 * Which member of a near-duplicate group stands for it in searches and citations (the others are
 * listed as "also in"). In order: the most recent document (until the registry knows which texts are
 * in force, the most recent is the best guess of the one that is); then the most authoritative issuer
 * (central before province, district, commune); then the document ingested first; then path and place.
 */

import type { IssuerLevel } from "../documents/level.ts";
import { issuerLevel } from "../documents/level.ts";

export { issuerLevel } from "../documents/level.ts";
export type { IssuerLevel } from "../documents/level.ts";

const RANK: Record<IssuerLevel, number> = { "trung-uong": 0, tinh: 1, huyen: 2, xa: 3, "": 4 };

export type MemberInfo = {
  id: string;
  path: string;
  ordinal: number;
  /** ISO date of the member's document, or "" when unknown. */
  docDate: string;
  docIssuer: string;
  /** When the member's file was first ingested (ISO); later files compare after earlier ones. */
  ingestedAt: string;
};

/** Negative when `a` should stand for the group rather than `b`. */
export function compareMembers(a: MemberInfo, b: MemberInfo): number {
  if (a.docDate !== b.docDate) return a.docDate > b.docDate ? -1 : 1; // "" (unknown) sorts last
  const level = RANK[issuerLevel(a.docIssuer)] - RANK[issuerLevel(b.docIssuer)];
  if (level !== 0) return level;
  if (a.ingestedAt !== b.ingestedAt) return a.ingestedAt < b.ingestedAt ? -1 : 1;
  return a.path.localeCompare(b.path) || a.ordinal - b.ordinal;
}

export function representativeOf(members: readonly MemberInfo[]): MemberInfo | undefined {
  let best: MemberInfo | undefined;
  for (const member of members) if (!best || compareMembers(member, best) < 0) best = member;
  return best;
}
