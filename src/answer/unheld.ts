import type { Registry } from "../documents/registry.ts";
import type { TermStats } from "../index/term-stats.ts";
import { citesNumber, kindCode, sameDocumentNumber } from "../documents/numbers.ts";
import type { QuestionAnalysis, QuestionType } from "./question.ts";
import { TEXT_KIND_NAMES } from "./scope.ts";
import { LAW_TITLE_WINDOW, NOT_HELD_MENTIONS } from "./weights.ts";
import { ASKS_SIGNER } from "./rules/signer.ts";
import { foldedSyllables, hasDiacritics } from "../text/normalize.ts";

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

/**
 * "… quy định về nội dung gì", "… ban hành quy chế gì", "… nói về cái gì", "… là văn bản gì": what the text is about,
 * i.e. its title ("… gồm mấy nhiệm vụ, cụ thể là gì" is not).
 */
const ABOUT_TITLE = /\b(?:(?:quy dinh|ban hanh|noi|de cap)\s+(?:ve\s+)?(?:noi dung|van de|cai|quy che|quy dinh|viec|linh vuc|van ban)?\s*gi|la\s+(?:van ban|quy dinh|quy che|cai)\s+gi|ve (?:viec|van de) gi|ten (?:la\s+)?gi|trich yeu)\b/;

/**
 * How far after a cited text's number its date may be written, in characters of the same clause ("Quy định số 101-QĐ/TW,
 * ngày 07-6-2012 của Ban Bí thư"; "Kết luận số 43-KL/TW của Ban Bí thư khóa XII ngày 07/01/2019"). Set by reading the
 * citations of the bundled documents, all within 60.
 */
const DATE_WINDOW = 80;
/** How far before a cited text's number its kind is written ("Chương trình hành động số 16": the kind and "số "). */
const KIND_WINDOW = 40;


/**
 * Passages that cite the text: its number with its kind's abbreviation or year ("16_ct", "04_2015"), or after its kind
 * ("thi_16"). The term statistics keep a word pair only when two passages or more have it, so a text cited once
 * counts 0 (and the reply does not say the documents cite it).
 */
function mentions(kind: string, number: string, year: string | undefined, stats: TermStats): number {
  const n = Number(number);
  const forms = [...new Set([number, String(n), n < 10 ? `0${n}` : String(n)])];
  const last = kind.split(" ").at(-1)!;
  const code = kindCode(kind);
  const tokens = forms.flatMap((f) => [...(code ? [`${f}_${code}`] : []), `${last}_${f}`, ...(year ? [`${f}_${year}`] : [])]);
  return Math.max(0, ...tokens.map((t) => stats.documentFrequency(t)));
}

/** The text the question opens with, when the registry has no document of that kind and number (and year, when typed). */
function unheld(intent: QuestionAnalysis, registry: Registry): { kind: string; number: string } | undefined {
  const named = intent.scope.opensWith;
  if (!named) return undefined;
  const cited = { number: intent.scope.year ? `${named.number}/${intent.scope.year}` : named.number, kind: TEXT_KIND_NAMES[named.kind] ?? named.kind };
  return registry.documents.some((d) => sameDocumentNumber(cited, d)) ? undefined : named;
}

const nameOf = (named: { kind: string; number: string }) => `${TEXT_KIND_NAMES[named.kind] ?? named.kind} số ${named.number}`;

/**
 * The law the question opens with by its title, when no document of the registry has that title and no sentence read
 * cites a law by it ("Luật phòng, chống tác hại của thuốc lá" answers "Luật thuốc lá cấm …": its first word within a
 * few of "Luật"). Returns its name as the reply writes it.
 */
function titleUnheld(intent: QuestionAnalysis, registry: Registry, sentences: ReadonlyArray<{ text: string }>): string | undefined {
  const titled = intent.scope.titled;
  if (!titled) return undefined;
  const kindWord = titled.kind.split(" ").at(-1)!;
  // (A provincial "Quy chế thực hiện dân chủ ở cơ sở" is not the law of that title.)
  const held = registry.documents.some((d) => foldedSyllables(d.kind).join(" ").endsWith(kindWord)
    && ` ${foldedSyllables(d.title).join(" ")} `.includes(` ${titled.title.join(" ")} `));
  if (held) return undefined;
  const citing = new RegExp(`\\b${kindWord}(?: [a-z0-9]+){0,${LAW_TITLE_WINDOW}} ${titled.title[0]}\\b`);
  if (sentences.some((s) => citing.test(foldedSyllables(s.text).join(" ")))) return undefined;
  // Typed without marks, the title is not echoed: every reply is written with full diacritics.
  const kind = TEXT_KIND_NAMES[titled.kind] ?? (titled.kind === "bo luat" ? "Bộ luật" : "Pháp lệnh");
  return fullyMarked(titled.typed) ? `${kind} ${titled.typed}` : `${kind.toLowerCase()} mà bạn hỏi`;
}

/**
 * A title typed with its marks, to be echoed: at most one syllable in five without any (a title may hold a syllable
 * that has none, "an", "tin"; "Luật thuc hien dân chủ ở cơ sở" has two of seven, and is not echoed).
 */
function fullyMarked(title: string): boolean {
  const words = title.split(" ").filter(Boolean);
  return words.length > 0 && words.filter((w) => !hasDiacritics(w)).length * 5 <= words.length;
}

/** The text the question asks about when the knowledge base does not hold it ("Chỉ thị số 16") and whether the documents cite it at all, else undefined. */
export function textNotHeld(intent: QuestionAnalysis, registry: Registry, stats: TermStats, sentences?: ReadonlyArray<{ text: string }>): { text: string; mentioned: boolean } | undefined {
  const asked = intent.words.join(" ");
  // "Chỉ thị 16 giao cơ quan nào chủ trì …?" asks what the text says too; who signed it is asked apart (signerNotStated).
  const aboutContent = ABOUT_CONTENT.has(intent.type) || (intent.type === "who" && !ASKS_SIGNER.test(asked)) || (intent.type === "date" && intent.dateKind === "period");
  if (!aboutContent || ABOUT_TITLE.test(asked)) return undefined;
  const named = unheld(intent, registry);
  if (!named) {
    const law = sentences ? titleUnheld(intent, registry, sentences) : undefined;
    return law ? { text: law, mentioned: false } : undefined;
  }
  const cited = mentions(named.kind, named.number, intent.scope.year, stats);
  return cited >= NOT_HELD_MENTIONS ? undefined : { text: nameOf(named), mentioned: cited > 0 };
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
  // A law by its title: its date would be given where a sentence read cites it.
  if (!named) return titleUnheld(intent, registry, sentences);
  // The number (not a longer one: 2 is not 25), its suffix ("-CT/TW", "/2000/CT-TTg"), then within the same clause, before
  // another numbered text is cited ("Chỉ thị số 45-CT/TW … và Quy định số 215 ngày 05-12-2013": that date is 215's), a day or a year.
  const n = `(?<![\\d/])0*${Number(named.number)}(?!\\d)`;
  const dated = new RegExp(`${n}(?:[-/][^\\s,;()]*)?(?:(?!số\\s+\\d)[^.;]){0,${DATE_WINDOW}}?(?:\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{2,4}|năm\\s+(?:19|20)\\d\\d)|${n}\\/(?:19|20)\\d\\d\\/`, "u");
  // …cited as that kind of text: "Chỉ thị số 16/CT-TTg ngày 16/5/2016" gives no date of "Chương trình hành động số 16".
  // Kinds numbered with the same code are one for this ("QĐ 215" is typed for "Quy định số 215" as for a Quyết định).
  const code = kindCode(named.kind);
  const kinds = [named.kind, ...Object.keys(TEXT_KIND_NAMES).filter((kind) => code !== undefined && kindCode(kind) === code)];
  const ofKind = (text: string, at: number, cited: string) => citesNumber(text.slice(Math.max(0, at - KIND_WINDOW), at + cited.length), named.number, kinds);
  const stated = sentences.some((s) => [...s.text.matchAll(new RegExp(dated.source, "gu"))].some((m) => ofKind(s.text, m.index, m[0])));
  return stated ? undefined : nameOf(named);
}

/**
 * "NQ 25-NQ/TW … do đồng chí nào ký?" about a text the knowledge base does not hold: the texts that cite
 * another never say who signed it, so the signer is not in the documents. Returns the text's name then.
 */
export function signerNotStated(intent: QuestionAnalysis, registry: Registry): string | undefined {
  if (intent.type !== "who" || !ASKS_SIGNER.test(intent.words.join(" "))) return undefined;
  const named = unheld(intent, registry);
  return named ? nameOf(named) : undefined;
}
