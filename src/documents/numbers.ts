import { fold } from "../text/normalize.ts";

/**
 * Document numbers as keys that compare equal across the ways they are written: "03-QC/ĐU",
 * "03/QC-ĐU" and "3-QC/ĐU" are one number; "18/2000/CT-TTg" keeps its year; "số 03" has no codes
 * and matches a document of the kind the sentence names ("Quy chế số 03").
 */
export type NumberKey = { serial: number; year?: string; codes: string[] };

export function numberKey(number: string): NumberKey | undefined {
  const folded = fold(number).toLowerCase();
  const serial = folded.match(/^\s*(?:so\s+)?0*(\d{1,5})/);
  if (!serial) return undefined;
  const rest = folded.slice(serial[0].length);
  const year = rest.match(/^\s*\/\s*((?:19|20)\d\d)\b/)?.[1];
  const codes = [...new Set(rest.replace(/\b(?:19|20)\d\d\b/g, " ").match(/[a-z]+/g) ?? [])].sort();
  return { serial: Number(serial[1]), ...(year ? { year } : {}), codes };
}

/** Codes a kind of document is numbered with ("Quy chế" → QC), to match "Quy chế số 03" against "03-QC/ĐU". */
const KIND_CODES: Record<string, string> = {
  "nghi quyet": "nq", "ket luan": "kl", "quyet dinh": "qd", "chi thi": "ct", "quy che": "qc", "quy dinh": "qd",
  "huong dan": "hd", "ke hoach": "kh", "thong bao": "tb", "bao cao": "bc", "chuong trinh": "ctr", "chuong trinh hanh dong": "ctr", "nghi dinh": "nd", "thong tu": "tt",
  luat: "qh",
};

/** The code a kind of document (folded: "chi thi") is numbered with ("ct"), if known. */
export function kindCode(kind: string): string | undefined {
  return KIND_CODES[kind];
}

/** Does a number as cited ("Quy chế số 03", "03/QC-ĐU") name this document (its number and kind)? */
export function sameDocumentNumber(cited: { number: string; kind?: string }, document: { number: string; kind: string }): boolean {
  const a = numberKey(cited.number);
  const b = numberKey(document.number);
  if (!a || !b || a.serial !== b.serial) return false;
  if (a.year && b.year && a.year !== b.year) return false;
  if (a.codes.length > 0 && b.codes.length > 0) return a.codes.join("-") === b.codes.join("-");
  // "số 03" alone: the kind named in the sentence must be the document's, and its code among the number's.
  const kind = fold(cited.kind ?? "").toLowerCase();
  if (!kind) return false;
  if (fold(document.kind).toLowerCase() === kind) return true;
  const code = KIND_CODES[kind];
  return code !== undefined && b.codes.includes(code);
}

/**
 * Does a text cite a document by this number as a text's number, not as a day, a month or a count ("tháng 4" is not
 * Nghị định 04)? Cited after a kind ("Nghị định 04", "Chương trình hành động số 16"), after "số" when no kind is
 * required, or with a code after it ("04/2015/NĐ-CP", "43-KL/TW"). `kinds` (folded, "chi thi"): only a citation of one
 * of these kinds counts, by its name or its code. Shared by the answer rules that must tell which text a date is of.
 */
export function citesNumber(text: string, number: string, kinds?: readonly string[]): boolean {
  const folded = fold(text).toLowerCase();
  const n = Number(number);
  const names = kinds ?? Object.keys(KIND_CODES);
  const codes = [...new Set(names.map((kind) => KIND_CODES[kind]).filter((code) => code !== undefined))];
  const serial = `0*${n}(?!\\d)`;
  const afterName = new RegExp(`\\b(?:${names.join("|")})\\s+(?:so\\s+)?${serial}`);
  const afterSo = kinds ? undefined : new RegExp(`\\bso\\s+${serial}`);
  const withCode = new RegExp(`(?<![\\d/])${serial}\\s*[-/]\\s*(?:(?:19|20)\\d\\d\\s*/\\s*)?${kinds ? `(?:${codes.join("|") || "$^"})(?![a-z])` : "[a-z]"}`);
  return afterName.test(folded) || Boolean(afterSo?.test(folded)) || withCode.test(folded);
}
