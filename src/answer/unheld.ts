import type { Registry } from "../documents/registry.ts";
import type { TermStats } from "../index/term-stats.ts";
import { foldedSyllables } from "../text/normalize.ts";
import type { QuestionAnalysis, QuestionType } from "./question.ts";
import { NOT_HELD_MENTIONS } from "./weights.ts";

/**
 * A question about a text the knowledge base does not hold: it opens with that text ("CT 16/CT-TTg năm
 * 2016 giao cho các bộ những nhiệm vụ nào?", "Theo NĐ 04/2015 thì …"), no document of the registry has
 * that kind and number, and the documents only cite it in passing (fewer than NOT_HELD_MENTIONS
 * passages). What that text says is not in the documents, however well its subject's words match; the
 * reply names the text. A text the documents discuss at length (Nghị quyết 25, cited throughout the
 * guidance) is still answered from them; when or by whom a text was issued, and what it is about (its
 * title: "NĐ 04/2015 quy định về nội dung gì?"), are often stated where it is cited, so these questions
 * are answered as usual.
 */

/** Question types that ask what a text says (not when it was issued, nor who signed it). */
const ABOUT_CONTENT: ReadonlySet<QuestionType> = new Set(["list", "steps", "number", "definition", "fact", "howwhy", "yesno", "item"]);

/** "… quy định về nội dung gì", "… ban hành quy chế gì", "… nói về cái gì": what the text is about, i.e. its title. */
const ABOUT_TITLE = /\b(?:(?:quy dinh|ban hanh|noi|de cap|la)\s+(?:ve\s+)?(?:noi dung|van de|cai|quy che|quy dinh|viec|linh vuc|van ban)?\s*gi|ve (?:viec|van de) gi|ten (?:la\s+)?gi|trich yeu)\b/;

/** How a kind of text is abbreviated in its number ("16/CT-TTg", "43-KL/TW"), as folded. */
const ABBREVIATION: Readonly<Record<string, string>> = {
  "nghi quyet": "nq", "ket luan": "kl", "quyet dinh": "qd", "chi thi": "ct", "nghi dinh": "nd", "quy dinh": "qd", "quy che": "qc",
  "huong dan": "hd", "thong tu": "tt", "ke hoach": "kh", "thong bao": "tb", "chuong trinh hanh dong": "ctr", luat: "luat",
};

/** Kinds as written, for the reply. */
const KIND_NAMES: Readonly<Record<string, string>> = {
  "nghi quyet": "Nghị quyết", "ket luan": "Kết luận", "quyet dinh": "Quyết định", "chi thi": "Chỉ thị", "nghi dinh": "Nghị định", "quy dinh": "Quy định",
  "quy che": "Quy chế", "huong dan": "Hướng dẫn", "thong tu": "Thông tư", "ke hoach": "Kế hoạch", "thong bao": "Thông báo", "chuong trinh hanh dong": "Chương trình hành động", luat: "Luật",
};

/** Passages that cite the text: its number with its kind's abbreviation or year ("16_ct", "04_2015"), or after its kind ("thi_16"). */
function mentions(kind: string, number: string, year: string | undefined, stats: TermStats): number {
  const n = Number(number);
  const forms = [...new Set([number, String(n), n < 10 ? `0${n}` : String(n)])];
  const last = kind.split(" ").at(-1)!;
  const tokens = forms.flatMap((f) => [`${f}_${ABBREVIATION[kind]}`, `${last}_${f}`, ...(year ? [`${f}_${year}`] : [])]);
  return Math.max(0, ...tokens.map((t) => stats.documentFrequency(t)));
}

/** The text the question opens with, when the registry has no document of that kind and number. */
function unheld(intent: QuestionAnalysis, registry: Registry): { kind: string; number: string } | undefined {
  const named = intent.scope.opensWith;
  if (!named) return undefined;
  const sameNumber = new RegExp(`(?:^|\\D)0*${Number(named.number)}(?:\\D|$)`);
  const held = registry.documents.some((d) => sameNumber.test(d.number) && (!d.kind || foldedSyllables(d.kind).join(" ") === named.kind));
  return held ? undefined : named;
}

const nameOf = (named: { kind: string; number: string }) => `${KIND_NAMES[named.kind] ?? named.kind} số ${named.number}`;

/** The text the question asks about when the knowledge base does not hold it ("Chỉ thị số 16"), else undefined. */
export function textNotHeld(intent: QuestionAnalysis, registry: Registry, stats: TermStats): string | undefined {
  if (!ABOUT_CONTENT.has(intent.type) || ABOUT_TITLE.test(intent.words.join(" "))) return undefined;
  const named = unheld(intent, registry);
  if (!named || mentions(named.kind, named.number, intent.scope.year, stats) >= NOT_HELD_MENTIONS) return undefined;
  return nameOf(named);
}

/**
 * "CT 30 của BCT về QCDC ban hành năm nào?" about a text the knowledge base does not hold: the documents
 * give a cited text's date right after its number ("Kết luận số 43-KL/TW, ngày 07/01/2019",
 * "18/2000/CT-TTg"). When no sentence read does ("theo tinh thần Chỉ thị số 30-CT/TW của Bộ Chính trị"),
 * the date is not in the documents, whatever other dates those sentences hold. Returns the text's name then.
 */
export function issueDateNotStated(intent: QuestionAnalysis, registry: Registry, sentences: ReadonlyArray<{ text: string }>): string | undefined {
  if (intent.type !== "date" || intent.dateKind === "period") return undefined;
  const named = unheld(intent, registry);
  if (!named) return undefined;
  // The number, its suffix ("-CT/TW", "/2000/CT-TTg"), then within the same clause a day or a year.
  const dated = new RegExp(`(?<![\\d/])0*${Number(named.number)}(?:[-/][^\\s,;()]*)?[^.;]{0,80}?(?:\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{2,4}|năm\\s+(?:19|20)\\d\\d)|(?<![\\d/])0*${Number(named.number)}\\/(?:19|20)\\d\\d\\/`, "u");
  return sentences.some((s) => dated.test(s.text)) ? undefined : nameOf(named);
}

/**
 * "NQ 25-NQ/TW … do đồng chí nào ký?" about a text the knowledge base does not hold: the texts that cite
 * another never say who signed it, so the signer is not in the documents. Returns the text's name then.
 */
export function signerNotStated(intent: QuestionAnalysis, registry: Registry): string | undefined {
  if (intent.type !== "who" || !/\b(?:ky|ky ban hanh|nguoi ky)\b/.test(intent.words.join(" "))) return undefined;
  const named = unheld(intent, registry);
  return named ? nameOf(named) : undefined;
}
