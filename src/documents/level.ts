import { fold } from "../text/normalize.ts";

/** The level a document is issued at: the centre, a province, a district or a commune. */
export const ISSUER_LEVELS = ["trung-uong", "tinh", "huyen", "xa"] as const;
export type IssuerLevel = (typeof ISSUER_LEVELS)[number] | "";

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

/** As users read it. */
export const LEVEL_NAMES: Record<IssuerLevel, string> = { "trung-uong": "Trung ương", tinh: "tỉnh", huyen: "huyện", xa: "xã", "": "chưa rõ" };
