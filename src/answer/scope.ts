import { citesNumber } from "../documents/numbers.ts";
import { isNormativeKind } from "../documents/registry.ts";
import type { Lexicon } from "../lexicon.ts";
import { foldedSyllables } from "../text/normalize.ts";
import { namedPlaces } from "./places.ts";

/**
 * A question's scope: the document it names (by number or year), the text it opens with, the province
 * it is about; and whether a passage's document is in that scope.
 */

export type QuestionScope = {
  /** A document number as typed, e.g. "25" for "NQ 25" or "25-NQ/TW". */
  documentNumber?: string;
  /** A year named in the question ("2016", "năm 2014"). */
  year?: string;
  /** A province or city named (knowledge/lexicon.yaml `places`, as a name or after "tỉnh"), as the lexicon writes it: "Bắc Giang". */
  place?: string;
  /**
   * The text the question opens with, and so asks about ("CT 16/CT-TTg năm 2016 của Thủ tướng giao …", "Theo
   * NĐ 04/2015 thì …"): its kind as folded words ("chi thi") and its number as typed ("16").
   */
  opensWith?: { kind: string; number: string };
  /**
   * A law or ordinance the question opens with by its title, as laws are known ("Luật Thực hiện dân chủ ở cơ sở năm
   * 2022 có hiệu lực từ ngày nào"): its kind and title as folded words, and the title as typed.
   */
  titled?: { kind: string; title: string[]; typed: string };
};

/** Kinds of text (folded) and how the reply writes them; the longer name first ("chương trình hành động" before "chương trình"). */
export const TEXT_KIND_NAMES: Readonly<Record<string, string>> = {
  "nghi quyet": "Nghị quyết", "ket luan": "Kết luận", "quyet dinh": "Quyết định", "chi thi": "Chỉ thị", "nghi dinh": "Nghị định", "quy dinh": "Quy định",
  "quy che": "Quy chế", "huong dan": "Hướng dẫn", "thong tu": "Thông tư", "ke hoach": "Kế hoạch", "thong bao": "Thông báo",
  "chuong trinh hanh dong": "Chương trình hành động", "chuong trinh": "Chương trình", luat: "Luật",
};
const KINDS = Object.keys(TEXT_KIND_NAMES).join("|");
/** A text named by kind and number anywhere in the question ("… theo Nghị quyết số 25 …"). */
const NAMED_BY_NUMBER = new RegExp(`\\b(?:${KINDS})\\s+(?:so\\s+)?(\\d{1,3})\\b`);

/**
 * A question that opens with a text named by kind and number (abbreviations already written out); a count after
 * the kind is not a number ("Kế hoạch 5 năm tới…", "Hướng dẫn 3 bước…", "Quy định 19 điều…"), but a number followed by
 * its year is ("Chỉ thị số 18 năm 2000 …").
 */
const OPENS_WITH_TEXT = new RegExp(`^(?:(?:theo|trong|tai|can cu)\\s+(?:quy dinh cua\\s+|noi dung cua\\s+)?)?(${KINDS})\\s+(?:so\\s+)?(\\d{1,3})\\b(?!\\s+(?:nam(?!\\s+(?:19|20)\\d\\d\\b)|thang|ngay|tuan|buoc|dieu|diem|khoan|chuong|muc|viec|noi dung|nhiem vu|giai phap|nhom|lan|nguoi|phan)\\b)`);

/**
 * A law or ordinance by its title, up to its year or the first words that say what is asked of it (folded; "có" alone
 * is not such a word, for folded it is also the "cơ" of "cơ sở", nor "là", also "lá"). A title never begins with what
 * is said of a law ("Luật quy định cán bộ … được nghỉ bao nhiêu ngày" names no law: it asks what the law says).
 */
const OPENS_WITH_TITLE = /^(?:(?:theo|trong|tai|can cu)\s+)?(bo luat|luat|phap lenh)\s+(?!(?:quy dinh|cam|giao|yeu cau|duoc|co|khong|noi|bat buoc|cho|ve|la|thi|nao|gi|moi|hien|nay|nam|so|moi)\b)((?:[a-z]+\s+){1,9}?[a-z]+)(?=\s+(?:nam\s+(?:19|20)\d\d|so\s+\d|quy dinh|co (?:hieu luc|nhung|cac|bao|may|quy dinh|cam)\b|duoc\s|ban hanh|cam\s|giao\s|gom\s|yeu cau)|$)/;

/**
 * The title of OPENS_WITH_TITLE as typed, when the words typed after the kind fold to it one for one (an abbreviation
 * written out, "Luật MTTQ …", does not); otherwise empty.
 */
function typedTitle(question: string, kind: string, title: string[]): string {
  const typed = question.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  const kindWords = kind.split(" ");
  const at = typed.findIndex((_, i) => kindWords.every((k, j) => foldedSyllables(typed[i + j] ?? "")[0] === k));
  const words = at < 0 ? [] : typed.slice(at + kindWords.length, at + kindWords.length + title.length);
  return words.length === title.length && words.every((w, i) => foldedSyllables(w)[0] === title[i]) ? words.join(" ") : "";
}

/** `question` as typed (for the province, named with capitals or after "tỉnh"); `words` and `text` folded, abbreviations written out. */
export function findScope(question: string, words: readonly string[], text: string, lexicon: Lexicon): QuestionScope {
  const scope: QuestionScope = {};
  const opens = OPENS_WITH_TEXT.exec(text);
  if (opens) scope.opensWith = { kind: opens[1]!, number: opens[2]! };
  const titled = opens ? null : OPENS_WITH_TITLE.exec(text);
  if (titled) {
    const title = titled[2]!.split(" ");
    scope.titled = { kind: titled[1]!, title, typed: typedTitle(question, titled[1]!, title) };
  }
  const [place] = namedPlaces(question, lexicon);
  if (place) scope.place = place.name;
  const numbered = text.match(/\b(\d{1,3})\s*(?:[-/ ]\s*)?(?:nq|kl|qd|ct|ttg|nd|cp|hd|qc)\b/)
    ?? text.match(NAMED_BY_NUMBER);
  if (numbered?.[1]) scope.documentNumber = numbered[1];
  const year = words.find((w) => /^(?:19|20)\d\d$/.test(w));
  if (year) scope.year = year;
  return scope;
}

/** The focus without the place it names ("ban dan van tinh uy bac giang" → "ban dan van tinh uy"), and the "ở"/"tỉnh" before it. */
export function withoutPlace(focus: string[], place: readonly string[]): string[] {
  const at = focus.findIndex((_, i) => place.every((w, j) => focus[i + j] === w));
  if (at < 0) return focus;
  let start = at;
  while (start > 0 && ["o", "tai", "tinh", "thanh", "pho", "cua"].includes(focus[start - 1]!)) start--;
  return [...focus.slice(0, start), ...focus.slice(at + place.length)];
}

type ScopedPassage = { docNumber: string; docDate: string; docTitle: string; docKind?: string; docIssuer?: string; clean?: string };

/**
 * Does a passage's document match the document the question names (by number or year)? 1 when it
 * does, 0 when the question names another, 0.5 when it names none. The province is not considered:
 * a question about Bắc Giang does not name one of its texts.
 */
/** The kinds a report cites the resolution it is about by ("Nghị quyết số 25-NQ/TW", "Kết luận 43"). */
const CITED_KINDS = ["nghi quyet", "ket luan", "quyet dinh", "chi thi", "quy che", "quy dinh"];

export function documentMatch(scope: QuestionScope, passage: ScopedPassage): number {
  const { documentNumber, year } = scope;
  if (!documentNumber && !year) return 0.5;
  const numberOk = !documentNumber || new RegExp(`(?:^|\\D)0*${Number(documentNumber)}(?:\\D|$)`).test(`${passage.docNumber} ${passage.docTitle}`);
  const yearOk = !year || passage.docDate.startsWith(year) || passage.docTitle.includes(year);
  if (numberOk && yearOk) return 1;
  // A news report or article (no number of its own) named by its year and the resolution it is about
  // ("hội nghị tổng kết 10 năm NQ 25 tháng 9/2023"), when this passage cites that number.
  const report = !passage.docNumber && Boolean(passage.docKind) && !isNormativeKind(passage.docKind!);
  // Cited as a text ("Nghị quyết số 25-NQ/TW", "Nghị quyết 25", "25-NQ/TW"), never a date or a count ("25/9", "25/30").
  const cites = passage.clean !== undefined && documentNumber !== undefined && citesNumber(passage.clean, documentNumber, CITED_KINDS);
  return documentNumber && year && yearOk && report && cites ? 1 : 0;
}

/**
 * Is a passage in the question's scope: the document it names and, when it names a province, a text of that
 * province (its issuer or title names it: "Ban Chấp hành Đảng bộ tỉnh Bắc Giang")? 1, 0, or 0.5 when the
 * question names neither.
 */
export function scopeMatch(intent: { scope: QuestionScope }, passage: ScopedPassage): number {
  const { place } = intent.scope;
  if (place && !` ${foldedSyllables(`${passage.docIssuer ?? ""} ${passage.docTitle}`).join(" ")} `.includes(` ${foldedSyllables(place).join(" ")} `)) return 0;
  const document = documentMatch(intent.scope, passage);
  return place && document === 0.5 ? 1 : document;
}
