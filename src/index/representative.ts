import { fold } from "../text/normalize.ts";

/**
 * Which member of a near-duplicate group stands for it in searches and citations (the others are
 * listed as "also in"). In order: the most recent document (until the registry knows which texts are
 * in force, the most recent is the best guess of the one that is); then the most authoritative issuer
 * (central before province, district, commune); then the document ingested first; then path and place.
 */

export type IssuerLevel = "trung-uong" | "tinh" | "huyen" | "xa" | "";

/** Below the centre, the lowest level named wins ("Đảng ủy xã A, huyện B" is a commune's). */
const LEVELS: Array<[IssuerLevel, RegExp]> = [
  ["xa", /(?<!thi )\b(?:xa|phuong|thi tran)\b/],
  ["huyen", /\b(?:huyen|quan uy|thi xa|thi uy)\b/],
  ["tinh", /\b(?:tinh|thanh uy|thanh pho)\b/],
];

/** The issuing level read from the issuer's name ("Tỉnh ủy Nghệ An" → tinh); "" when it does not say. */
export function issuerLevel(issuer: string): IssuerLevel {
  const folded = fold(issuer);
  // "Ban Chấp hành Trung ương" is central even though "ban chấp hành" also heads a commune's committee.
  if (/\b(?:trung uong|bo chinh tri|ban bi thu|quoc hoi|chinh phu|thu tuong)\b/.test(folded)) return "trung-uong";
  return LEVELS.find(([, pattern]) => pattern.test(folded))?.[0] ?? "";
}

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
