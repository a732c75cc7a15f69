import type { Lexicon } from "../lexicon.ts";
import { expandAbbreviations, findPhrase } from "../lexicon.ts";
import type { AnalysedQuery } from "../query.ts";
import { fold, foldedSyllables, nfc } from "../text/normalize.ts";
import { isFunctionWord } from "../text/terms.ts";
import { FOLDED_THI, trimEdges } from "../text/definition.ts";
import { writeOutShorthand } from "../text/shorthand.ts";
import type { QuestionScope } from "./scope.ts";
import { findScope, withoutPlace } from "./scope.ts";

/**
 * What a question asks, read once before answering: its type (a definition, a list of duties, the
 * steps of a procedure, one named item, who, a number, a date, yes or no, how or why), its focus (the
 * actor or subject it names: "Ban Chấp hành Công đoàn cơ quan") and its scope (src/answer/scope.ts).
 */

export type QuestionType = "definition" | "list" | "steps" | "item" | "who" | "number" | "date" | "yesno" | "howwhy" | "fact";

export type QuestionAnalysis = {
  type: QuestionType;
  /** The actor or subject the question is about, as folded syllables (abbreviations written out). */
  focus: string[];
  /** For "ai chịu trách nhiệm Y" / "việc Y do ai làm": Y, as folded syllables. */
  duty: string[];
  scope: QuestionScope;
  /** The question in folded syllables with abbreviations written out. */
  words: string[];
  /** The same, one string per clause of the question as punctuated ("số mấy, ngày tháng năm nào": two clauses). */
  clauses: string[];
  /** For "bao nhiêu người", "mấy năm", "bao nhiêu %": what is counted (folded), which the answer must count too. */
  unit?: string;
  /** "Cần tối thiểu / ít nhất bao nhiêu người": a threshold, which a share of a body states ("hai phần ba tổng số"). */
  share?: boolean;
  /**
   * For a date question: a year ("năm nào"), a day ("ngày nào", "hôm nào": a day and month), a time of
   * any precision ("khi nào", "bao giờ", "hạn chót": a day, a month, a quarter or a year) or a period
   * ("bao lâu một lần", "định kỳ").
   */
  dateKind?: "year" | "day" | "when" | "period";
  /** "Ai ký", "đồng chí nào", "trưởng ban … là ai": a person by name, which the answer must name. */
  person?: boolean;
  /** The focus, and the focus with one lexicon phrase replaced by each of its alternatives ("sếp cơ quan" → "thủ trưởng cơ quan"). */
  focusVariants: string[][];
  /** The question's words and the words of every lexicon alternative of its phrases. */
  wordsWithAlternatives: ReadonlySet<string>;
  /** "bằng (những) cách nào": the list should be of means (one headed "Hình thức", "Phương thức"), when one is read. */
  means?: boolean;
  /** How many items the question says a list has ("tám nội dung", "5 bước", "ba việc"): a list of that length, or introduced with that count, is the one meant. */
  counts?: number[];
  /**
   * "mấy việc chính", "bao nhiêu nội dung": the items whose number is asked (folded, "viec"). A list whose lead-in
   * states a number of them ("phương pháp … có ba việc quan trọng") is the one meant, as one of a stated count is.
   */
  countedNoun?: string;
  /**
   * For "những kết quả gì", "các hạn chế, yếu kém nào": the syllable pairs that name what kind of items
   * are asked for ("ket qua"; "han che", "yeu kem"). A list whose heading path and lead-in name none of
   * them is a list of something else. Absent when the kind is a general one ("những việc gì",
   * "nhiệm vụ nào": any list of duties may be meant).
   */
  itemKind?: string[];
};

const WORD = /[\p{L}\p{N}]+/gu;

/** Words that name a list ("nhiệm vụ", "(nhóm) giải pháp"): "X là gì" with one of these asks for a list, not a definition. */
const LIST_NOUNS = /^(?:nhom\s+)?(?:nhiem vu|trach nhiem|noi dung|phuong thuc|giai phap|bien phap|muc tieu|quan diem|yeu cau|chi tieu|nhom nhiem vu|dot pha|cong viec|viec|hinh thuc|quyen han|quyen|nghia vu|phuong huong|chuc nang|buoc(?! thoi| ngoat)|trinh tu|quy trinh)(?: |$)/;

/** A count before a list noun: "3 việc quan trọng", "những nhiệm vụ", "mấy nhóm giải pháp". */
const COUNTED = /^(?:\d+|hai|ba|bon|nam|sau|bay|tam|chin|muoi|may|cac|nhung)\s+/;

/** Number words as folded; "tư" and "sáu" are left out: folded they are "từ" and "sau" ("từ việc", "sau bước"). */
const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, bay: 7, tam: 8, chin: 9, muoi: 10 };
/** A count right before a noun that names list items, on folded text ("tam noi dung", "5 buoc", "bay nhom nhiem vu"). */
/** Nouns whose count is the length of a list: "mấy nội dung", "bao nhiêu nhiệm vụ", "ba khâu đột phá" (folded). */
export const ITEM_NOUN_PATTERN = String.raw`noi dung|nhom|viec(?! lam\b)|nhiem vu|giai phap|bien phap|yeu cau|khau|muc tieu|phuong cham|nguyen tac|hinh thuc|quan diem|tieu chi|bai hoc|phuong thuc|dot pha|cong viec|phuong huong|van de`;
const COUNT_BEFORE_NOUN = new RegExp(String.raw`(?:^|\s)(\d{1,2}|mot|hai|ba|bon|nam|bay|tam|chin|muoi)\s+(buoc|${ITEM_NOUN_PATTERN}|diem|loai|chuong trinh)(?=\s|$)`, "g");
/**
 * "đề nghị tập trung mấy nội dung trọng tâm": the count asked is that of a list's items, and a list introduced as
 * such answers it ("bao nhiêu điểm", "mấy loại" are left out: a score, a kind).
 */
const HOW_MANY_ITEMS = new RegExp(String.raw`\b(?:may|bao nhieu) (${ITEM_NOUN_PATTERN})\b`);

/** The counts a folded text states for a list's items: [8] for "cụ thể hóa thành tám nội dung". */
export function statedCounts(folded: string): number[] {
  return countsIn(folded).map((c) => c.n).filter((n) => n >= 2 && n <= 30);
}

/** Each count a folded text states before a list noun, and that noun ("ba việc" → {n: 3, noun: "viec"}). */
function countsIn(folded: string): Array<{ n: number; noun: string }> {
  return [...folded.matchAll(COUNT_BEFORE_NOUN)].map((m) => ({ n: NUMBER_WORDS[m[1]!] ?? Number(m[1]), noun: m[2]! }));
}

/** The nouns a folded text gives a number of ("có ba việc quan trọng" → ["viec"]). */
export function countedNouns(folded: string): string[] {
  return countsIn(folded).filter((c) => c.n >= 2).map((c) => c.noun);
}

/** Nouns that name any item of a list of things to do: asked "mấy việc", a list introduced as "nội dung" is meant. */
const GENERAL_ITEM_NOUNS: ReadonlySet<string> = new Set(["viec", "noi dung", "nhiem vu", "cong viec", "van de"]);

/** The same kind of item: the same noun, or two general ones. */
export function sameItemNoun(a: string, b: string): boolean {
  return a === b || (GENERAL_ITEM_NOUNS.has(a) && GENERAL_ITEM_NOUNS.has(b));
}

/** "mấy câu khẩu hiệu ấy", "mấy việc kia": those few things, named, not a count asked for. */
export const THOSE_FEW = /\bmay (?:\p{L}+ ){0,3}(?:ay|kia)\b/u;
/** A yes/no question: "có phải … không", "… được không", "có cần …". */
const YES_NO = /\b(?:co phai|phai khong|duoc khong|hay khong|dung khong|co can|co bat buoc|co duoc|co nen)\b|^(?:co|co phai) .+ khong$/;
/** Patterns by type, on the folded question; the first type whose pattern matches wins (order below). */
const TYPE_PATTERNS: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  ["steps", /\b(?:cac buoc|may buoc|nhung buoc|bao nhieu buoc|buoc nao|trinh tu|quy trinh|thu tuc (?:gom|nhu the nao|the nao|ra sao)|tien hanh theo|lam theo thu tu|lan luot|tung buoc|theo thu tu|tuan tu|truoc sau (?:ra sao|the nao|nhu the nao|ntn)|tu (?:luc|khi) \w+(?: \w+){0,8} den (?:luc|khi))\b/],
  ["who", /\b(?:ai|nguoi nao|dong chi nao|ong nao|ba nao|co quan nao|don vi nao|to chuc nao|(?<!van )ban nao|cap nao|chu the nao|bo phan nao|luc luong nao)\b/],
  ["date", /\b(?:nam nao|ngay nao|thang nao|thang may|ngay may|nam may|khi nao|luc nao|bao gio|thoi diem nao|thoi han|han chot|truoc ngay|bao lau|may thang|may nam|dinh ky|nam bao nhieu|ngay bao nhieu|thoi gian nao|hieu luc tu|tu ngay nao|tu nam nao)\b/],
  ["number", /\b(?:bao nhieu|may(?! (?:\p{L}+ ){0,3}(?:ay|kia)\b)|so luong|ty le|ti le|phan tram|muc bao nhieu)\b/u],
  ["definition", /\b(?:la gi|the nao la|khai niem|dinh nghia|duoc hieu|hieu the nao|hieu nhu the nao|hieu ra sao|nghia la gi|nghia la sao|la lam gi|la viec gi|la lam viec gi|noi nom na)\b/],
  ["list", /\b(?:nhiem vu|trach nhiem|phai lam gi|lam gi|lam nhung gi|lam nhung viec gi|gom nhung|gom nhu|bao gom|nhung gi|nhung viec|noi dung|giai phap|bien phap|muc tieu|quan diem|phuong thuc|phuong huong|yeu cau|hinh thuc|ke ten|liet ke|dot pha|chi tieu|nhung nao|cac nao|nghia vu|quyen han|chuc nang|viec gi)\b/],
  ["yesno", YES_NO],
  ["howwhy", /\b(?:vi sao|tai sao|nhu the nao|the nao|ra sao|lam sao|bang cach nao|cach nao|y nghia|vai tro|de lam gi|muc dich)\b/],
];

/** Openings that carry nothing ("cho em hỏi là", "theo tài liệu thì"). */
const OPENING = /^(?:(?:cho|xin|cho em|cho toi|cho minh|cho chau)\s+(?:hoi|biet|hoi chut|hoi la)\s+(?:la\s+)?|(?:em|toi|minh)\s+(?:muon|can)\s+(?:hoi|biet)\s+(?:la\s+)?|(?:theo|trong)\s+(?:tai lieu|van ban|huong dan)\s+(?:thi\s+)?|(?:hay|vui long)\s+(?:cho biet|neu)\s+)+/;

/**
 * Closings that ask the audience, not the documents ("…, ai nhớ không chỉ mình với", "… ? mọi người biết
 * thì giúp em"): their "ai" is not a "who" question. Only after punctuation that ends the question asked
 * ("Ở cơ sở ai biết rõ tình hình nhân dân nhất?" is a "who" question).
 */
const CLOSING = /\s+(?:co\s+)?(?:ai|moi nguoi|anh chi|cac anh chi|cac ban)\s+(?:nho|biet|ranh|hieu)\b(?:\s+\S+){0,6}$/;
const CLOSING_TYPED = /^(.*?)[,;?!.…]\s*(?:co\s+)?(?:ai|moi nguoi|anh chi|cac anh chi|cac ban)\s+(?:nho|biet|ranh|hieu)\b[^,;?!.…]*[?!.…]*\s*$/;
/** …after a question already asked ("… gồm những việc nào, ai nhớ …"), not "Trong thôn, ai hiểu dân nhất?". */
const ASKED = /(?:\?|\b(?:gi|nao|sao|bao nhieu|may|khong|ko|chua)\b)/;

/** What follows the actor in "X có trách nhiệm gì", "X phải làm gì", "X làm những việc gì", "X làm 4 việc gì". */
const DUTY_PREDICATE = /^(.+?)\s+(?:co|phai|can|duoc giao|duoc|se|thi|dong|giu|nam giu)?\s*(?:co\s+)?(?:trach nhiem|nhiem vu|vai tro|lam gi|lam nhung|lam viec gi|phai lam|can lam|chiu trach nhiem|phu trach|thuc hien nhung|thuc hien gi|co nhung|gom nhung|dam nhan|la gi|giao\s+(?:nhung|cac)\s+(?:viec|nhiem vu|cong viec)|(?:lam|co|thuc hien|gom)\s+(?:\d{1,2}|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+(?:viec|nhiem vu|noi dung|buoc|nhom|giai phap|yeu cau))\b/;

/** "nhiệm vụ của X", "trách nhiệm đối với X". */
const OF_ACTOR = /\b(?:nhiem vu|trach nhiem|vai tro|noi dung|phuong thuc|cong viec|viec|quyen han|nghia vu|chuc nang|muc tieu|giai phap)\s+(?:cu the\s+)?(?:cua|doi voi|danh cho)\s+(.+?)(?:\s+(?:la gi|la nhung gi|gom|bao gom|trong|ve|theo|khi|doi voi|the nao|nhu the nao|ra sao|co nhung)\b|$)/;

/** "ai chịu trách nhiệm Y", "Y do ai …", "ai phụ trách Y". */
const WHO_DOES = /\b(?:ai|co quan nao|don vi nao|to chuc nao|bo phan nao)\s+(?:se\s+|phai\s+|co trach nhiem\s+)?(?:chiu trach nhiem|phu trach|lam|thuc hien|chu tri|to chuc|dam nhan|co trach nhiem|phoi hop)\s+(?:ve\s+|viec\s+|trong viec\s+|trong\s+)?(.+)$/;
const DONE_BY = /^(.+?)\s+(?:do|la do|thuoc trach nhiem cua|la trach nhiem cua|la viec cua)\s+(?:ai|co quan nao|don vi nao|to chuc nao)\b/;

/** A focus that begins with a kind of text names a document ("NQ Bắc Giang … đưa ra"), not an actor. */
const DOCUMENT_KIND = /^(?:nghi quyet|ket luan|quyet dinh|chi thi|nghi dinh|thong tu|ke hoach|huong dan|quy che|quy dinh|chuong trinh|bao cao|van ban|tai lieu|bai bao)\b/;

/** Words that point at what was said ("cụ thể là gì", "tóm lại là gì"): never an actor. (Not a bare "do": folded it is also "Đỗ", "đô thị".) */
const POINTING = /^(?:cu the|tom lai|noi chung|nhu vay|dieu do)(?: |$)/;

function trimFocus(words: string[]): string[] {
  let focus = trimEdges(words);
  while (focus.length > 0 && POINTING.test(focus.join(" "))) focus = trimEdges(focus.slice(POINTING.exec(focus.join(" "))![0].trim().split(" ").length));
  if (DOCUMENT_KIND.test(focus.join(" "))) return [];
  // A long run is a clause, not a name: keep its first words (actors are named first).
  return focus.length > 9 ? focus.slice(0, 9) : focus;
}

/** Keyword queries: "nhiệm vụ công đoàn qcdc" names the actor right after the list word. */
const KEYWORD_ACTOR = /^(?:nhiem vu|trach nhiem|vai tro|cong viec|quyen han|nghia vu|chuc nang)\s+(?!gi\b|nao\b|the\b|cu the\b|chinh\b|va\b)(.+?)(?:\s+(?:la gi|gom|trong|ve|theo|khi|doi voi)\b|$)/;

/** "X tiến hành dân vận bằng những cách thức nào", "X thực hiện … theo những phương thức nào", "X làm dân vận với những nội dung gì": X is the actor. */
const ACTOR_BY_MEANS = /^(.+?)\s+(?:thuc hien|tien hanh|lam|trien khai|to chuc|van dong)\s+(?:\p{L}+\s+){0,6}?(?:theo|bang|qua|thong qua|voi)\s+(?:nhung|cac)\s+(?:cach|phuong thuc|hinh thuc|bien phap|giai phap|viec|con duong|kenh|noi dung)\b/u;

/**
 * "Trong thực hiện QCDC ở cơ quan TW thì BCH CĐ cơ quan …": what comes before "thì" sets the scene; the actor follows it,
 * unless what follows names the list ("Cấp ủy … làm dân vận thì nội dung công việc gồm những gì": the actor is before).
 */
/**
 * "thì": typed with its mark it is kept apart before folding (THI_MARK); typed without, "thi" is read as "thì" unless it is
 * the "thị"/"thi" of "chỉ thị", "đô thị", "hội thi", "cuộc thi", "thi hành", "thi đua", "thị xã", "thị trấn", "Thị ủy".
 */
const THI_MARK = "thithi";
const THI_TYPED = /(?<!\p{L})thì(?!\p{L})/giu;
const THI = new RegExp(`\\s${THI_MARK}\\s|\\s${FOLDED_THI}`);

function afterThi(subject: string, accented: boolean): string {
  // Typed with marks, only a "thì" typed as such counts; typed without, "thi" is read by THI.
  const parts = (subject.includes(THI_MARK) || accented ? subject.split(new RegExp(`\\s*${THI_MARK}\\s*`)) : subject.split(THI)).filter((part) => part.trim());
  if (parts.length === 0) return subject;
  // "Nếu chính sách đúng mà dân chưa hiểu thì chính quyền phải làm gì": a situation, whose answer is what the text says of it, not an actor's whole list.
  if (parts.length > 1 && /^(?:neu|trong truong hop|truong hop|gia su|lo)\b/.test(parts[0]!)) return "";
  const after = parts.at(-1)!;
  return LIST_NOUNS.test(after.replace(COUNTED, "")) ? subject : after;
}

function findFocus(text: string, accented = false): string[] {
  const ofActor = text.match(OF_ACTOR) ?? text.match(KEYWORD_ACTOR);
  if (ofActor?.[1]) return trimFocus(ofActor[1].split(" "));
  const subject = text.match(DUTY_PREDICATE)?.[1];
  if (subject !== undefined) {
    const actor = afterThi(subject, accented);
    if (actor === "") return [];
    if (!LIST_NOUNS.test(actor.replace(COUNTED, ""))) return trimFocus(actor.split(" "));
  }
  const byMeans = text.match(ACTOR_BY_MEANS)?.[1];
  const meansActor = byMeans === undefined ? undefined : afterThi(byMeans, accented);
  if (meansActor && !LIST_NOUNS.test(meansActor.replace(COUNTED, ""))) return trimFocus(meansActor.split(" "));
  return [];
}

/**
 * A plain request for several things: "liệt kê", "kể tên", "nêu các …", "… là những gì", "những kết quả
 * nào", "các nguyên nhân gì". It makes a list question of one that would otherwise read as a number ("có
 * mấy khâu đột phá, là gì"), a reason ("vì sao …, nêu các lý do"), a definition or a plain fact.
 */
/** Asking outright for several things: "liệt kê", "kể tên", "là những gì", "gồm những", "những X nào/gì". */
const ASK_LIST = String.raw`liet ke|ke ten|ke het|ke ra|ke giup|la nhung gi|la nhung \p{L}+ gi|gom nhung|(?:nhung|cac) (?!ai\b)\p{L}+(?: \p{L}+){0,3} (?:nao|gi)`;
/** "kể các", "nêu các/những/hết/giúp" (folded, "nêu các" is also "nếu các"). */
const STATE_THE = String.raw`ke cac|ke nhung|neu cac|neu nhung|neu het|neu giup`;
/** "bằng (những) cách nào", "theo phương thức gì": by what means. */
const MEANS = String.raw`(?:bang|theo|qua|thong qua) (?:nhung |cac )?(?:cach|cach thuc|phuong thuc|hinh thuc|phuong phap) (?:nao|gi)`;
const LIST_REQUEST = new RegExp(`\\b(?:${ASK_LIST}|${STATE_THE})\\b`, "u");
/** The types a plain request for several things turns into a list question. */
const LIST_REQUEST_OVERRIDES: ReadonlySet<QuestionType> = new Set(["number", "fact", "howwhy", "definition"]);

/** "những X nào", "các X gì": X, up to four words. */
const ITEM_KIND = /\b(?:nhung|cac)\s+((?:\p{L}+\s+){1,4}?)(?:nao|gi)\b/u;
/** Kinds of items that any list of duties or contents may answer ("những việc chính gì", "nội dung nào", "điều gì"). */
const GENERAL_KINDS = new Set(["nhiem vu", "trach nhiem", "cong viec", "noi dung", "van de", "cu the"]);
const GENERAL_HEADS = new Set(["viec", "dieu", "diem", "y", "gi", "nao"]);

/** Kinds of items that documents name in other words: a list headed "Phương thức" answers "những cách thức nào". */
/** The words for means ("cách thức", "phương thức", "hình thức" …). */
export const MEANS_KINDS: readonly string[] = ["cach thuc", "phuong thuc", "hinh thuc", "cach lam", "phuong phap", "bien phap"];
const KIND_ALTERNATIVES: ReadonlyArray<readonly string[]> = [
  MEANS_KINDS,
  ["han che", "yeu kem", "ton tai", "khuyet diem", "thieu sot", "bat cap"],
  ["ket qua", "thanh tuu", "chuyen bien", "thanh tich"],
  ["giai phap", "bien phap"],
  ["nguyen nhan", "ly do"],
  ["bai hoc", "kinh nghiem"],
];

/** "bằng (những) cách nào": the means, which a list headed "Hình thức …" or "Phương thức …" names. */
const BY_MEANS = new RegExp(`\\b${MEANS}\\b`);

function itemKindOf(text: string): string[] | undefined {
  const words = ITEM_KIND.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  // "những việc chính nào", "những mảng việc nào", "đầu việc nào": work of any kind, which any list of duties may answer.
  if (pairs.length === 0 || GENERAL_HEADS.has(words[0]!) || words.at(-1) === "viec" || pairs.some((pair) => GENERAL_KINDS.has(pair))) return undefined;
  return [...new Set([...pairs, ...pairs.flatMap((pair) => KIND_ALTERNATIVES.find((group) => group.includes(pair)) ?? [])])];
}

function findType(text: string, query: AnalysedQuery, definitionSubject: string[] | undefined): QuestionType {
  const type = firstType(text, query, definitionSubject);
  if (LIST_REQUEST_OVERRIDES.has(type) && LIST_REQUEST.test(text)) return "list";
  // "… bằng những cách nào, dán bảng tin có được không?": the list asked first; the check after it is answered by the list.
  if (type === "yesno" && listBeforeCheck(text)) return "list";
  // "có mấy khâu đột phá, là gì": a count, then the things counted.
  if (type === "number" && /\b(?:may|bao nhieu) \p{L}+.*\b(?:la gi|la nhung|gom nhung|do la nhung|ke ten|liet ke)\b/u.test(text)) return "list";
  // "những sai lầm … là gì": several things asked for by a plural, not one term to define.
  if (type === "definition" && /\b(?:nhung|cac) \p{L}+.*\bla gi\b/u.test(text)) return "list";
  return type;
}

/**
 * A list asked for outright, as a list check needs it: "nêu các" is left out, for folded it is also "nếu các" ("Nếu các hộ
 * dân không đồng ý thì … có được không?" asks yes or no under a condition).
 */
const ASKS_FOR_LIST = new RegExp(`\\b(?:${ASK_LIST}|${MEANS})\\b`, "u");
const CONDITION = /\bneu\b.*\bthi\b/;

function listBeforeCheck(text: string): boolean {
  if (CONDITION.test(text)) return false;
  const list = ASKS_FOR_LIST.exec(text);
  const check = YES_NO.exec(text);
  return Boolean(list && check && list.index + list[0].length <= check.index);
}

function firstType(text: string, query: AnalysedQuery, definitionSubject: string[] | undefined): QuestionType {
  if (query.ordinal && !/\b(?:may|bao nhieu|cac|nhung) buoc\b/.test(text)) return "item";
  for (const [type, pattern] of TYPE_PATTERNS) {
    if (!pattern.test(text)) continue;
    // "Nhiệm vụ của X là gì" asks for a list; "X là gì" for a definition.
    if (type === "definition" && definitionSubject && LIST_NOUNS.test(definitionSubject.join(" ").replace(COUNTED, ""))) return "list";
    if (type === "definition" && !definitionSubject && /\bla gi\b/.test(text) && LIST_NOUNS.test(text.replace(/^.*?\b(?=(?:nhiem vu|trach nhiem|noi dung|giai phap|muc tieu|quan diem|yeu cau))/, ""))) return "list";
    return type;
  }
  return "fact";
}

/** Reads what a question asks. `query` is the retrieval analysis of the same question. */
export function analyseQuestionIntent(asTyped: string, query: AnalysedQuery, lexicon: Lexicon): QuestionAnalysis {
  const question = writeOutShorthand(asTyped, { codes: true });
  const typed = nfc(question).match(WORD) ?? [];
  const words = expandAbbreviations(lexicon, typed);
  const closing = ASKED.test(CLOSING_TYPED.exec(fold(nfc(question)).toLowerCase())?.[1] ?? "");
  const text = words.join(" ").replace(OPENING, "").replace(closing ? CLOSING : /$^/, "");
  const defined = query.definitionOf;
  // "máy" ("bộ máy") folds to "may" as "mấy" does: typed with its marks, it asks for no number.
  const asksHowMany = /(?<!\p{L})(?:mấy|may)(?!\p{L})/iu.test(nfc(question));
  const type = findType(asksHowMany ? text : text.replace(/\bmay\b/g, "may_"), query, defined);
  // The actor is named in the clause that asks ("…, lãnh đạo đơn vị phải làm những việc gì?"), not in a clause that sets the scene.
  // "thì" typed with its mark is kept apart from "thị" ("chỉ thị", "thị trường") before folding: the actor follows it.
  const clauses = nfc(question).split(/[,;:?!()[\]"“”‘’«»]+|\s'|'\s/u).map((clause) => expandAbbreviations(lexicon, clause.replace(THI_TYPED, THI_MARK).match(WORD) ?? []).join(" ").replace(OPENING, "")).filter(Boolean);
  let focus = type === "definition" && defined ? defined : (clauses.map((clause) => findFocus(clause, query.accented)).find((f) => f.length > 0) ?? []);
  let duty: string[] = [];
  if (type === "who") {
    const who = text.match(WHO_DOES) ?? text.match(DONE_BY);
    if (who?.[1]) duty = who[1].split(" ").filter((w) => !isFunctionWord(w) && !["ai", "nao", "gi", "khong"].includes(w));
    focus = [];
  }
  // "CĐ, ĐTN, hội phụ nữ trong cơ quan làm dân vận …": several members of a kind named together ask about the kind.
  // (Not when the focus is another actor named first: "Ban Dân vận có trách nhiệm gì đối với Công đoàn và Đoàn Thanh niên?".)
  const named = namedKind(words, lexicon);
  if (named && type !== "who" && (focus.length === 0 || startsWithMember(focus, named.kind, lexicon) || named.at < findPhrase(words, focus))) focus = named.kind;
  // The province is the question's scope, not part of the actor's name ("Ban Dân vận Tỉnh ủy Bắc Giang").
  const scope = findScope(question, words, text, lexicon);
  if (scope.place) focus = trimFocus(withoutPlace(focus, foldedSyllables(scope.place)));
  // "bao nhiêu % chi bộ" asks for a percentage (the words have no "%": read it from the question as typed).
  const percent = /(?:bao\s+nhi[eêế]u|m[aấ]y)\s*%/iu.test(nfc(question));
  const unit = type !== "number" ? undefined : percent ? "%" : text.match(/\b(?:bao nhieu|may)\s+(phan tram|ty le|\p{L}+)/u)?.[1] ?? (/%/.test(question) ? "%" : undefined);
  const dateKind = type !== "date" ? undefined
    : /\b(?:bao lau|dinh ky|may thang|may nam|moi nam|hang nam|lan)\b/.test(text) ? "period"
    : /\b(?:nam nao|nam bao nhieu|nam may|tu nam nao)\b/.test(text) ? "year"
    : /\b(?:ngay nao|hom nao|ngay bao nhieu|ngay may|ngay thang nam nao|ngay thang nao)\b/.test(text) ? "day" : "when";
  // "Ai ký" a text named by its number asks for a person's name; "nghị quyết hội nghị … ai ký" is answered by the offices that sign.
  const person = type === "who" && (/\b(?:dong chi nao|ho ten|ten la gi|ten gi|ong nao|ba nao|(?:truong|pho|bi thu|chu tich|giam doc|tac gia|tong bien tap)\b.*\bla ai)\b/.test(text)
    || (Boolean(scope.documentNumber) && /\b(?:ai ky|nguoi ky|do ai ky)\b/.test(text)));
  const counts = type === "list" || type === "steps" ? statedCounts(text) : [];
  // "phải có bao nhiêu người … thì … mới …" asks a threshold; "Ban … phải có bao nhiêu thành viên" the size of a body.
  const share = /\b(?:toi thieu|it nhat|can (?:co )?(?:bao nhieu|may)|du (?:bao nhieu|may))\b|\bphai co (?:bao nhieu|may)\b.*\b(?:thi|moi)\b/.test(text);
  const itemKind = type === "list" ? itemKindOf(text) : undefined;
  const means = type === "list" && BY_MEANS.test(text);
  const countedNoun = type === "list" || type === "steps" || type === "number" ? HOW_MANY_ITEMS.exec(text)?.[1] ?? (/\b(?:may|bao nhieu) buoc\b/.test(text) ? "buoc" : undefined) : undefined;
  return { ...(itemKind ? { itemKind } : {}), ...(means ? { means } : {}), ...(countedNoun ? { countedNoun } : {}), type, focus, duty, scope, words, clauses, ...(counts.length ? { counts } : {}), ...(person ? { person } : {}), ...(share ? { share } : {}), ...(unit ? { unit: unit === "phan tram" ? "%" : unit } : {}), ...(dateKind ? { dateKind } : {}), focusVariants: [...variants(focus, lexicon), ...variants(withoutSetting(focus), lexicon).filter((v) => v.length < focus.length)], wordsWithAlternatives: new Set([...words, ...alternativeWords(words, lexicon)]) };
}

/** The kind of body (lexicon `members`) of which the question names two members or more (folded), and where the first is. */
function namedKind(words: string[], lexicon: Lexicon): { kind: string[]; at: number } | undefined {
  for (const { kind, members } of lexicon.kinds) {
    // Overlapping members ("đoàn thanh niên" and "đoàn thanh niên cộng sản") count once, where they start.
    const starts = new Set(members.map((member) => findPhrase(words, member)).filter((at) => at >= 0));
    if (starts.size >= 2) return { kind, at: Math.min(...starts) };
  }
  return undefined;
}

/** The focus begins with the kind or one of its members ("đoàn thanh niên trong cơ quan", "các đoàn thể trong cơ quan"). */
function startsWithMember(focus: string[], kind: string[], lexicon: Lexicon): boolean {
  const start = trimEdges(focus);
  return lexicon.kinds.some((k) => k.kind === kind && [k.kind, ...k.members].some((phrase) => findPhrase(start, phrase) === 0));
}

/** The words with one lexicon phrase replaced by each of its alternatives, the words themselves first. */
/** Where an actor's name ends and its setting begins: "cấp ủy cơ sở | ở khối Trung ương", "đoàn thể | trong các cơ quan Trung ương". */
const SETTING = /\s(?:o|tai|trong|thuoc)\s(?:cac\s)?(?:khoi|dang bo khoi|dang uy khoi|co quan trung uong|trung uong|bo nganh)\b.*$/;

/** The focus without the setting it names, tried beside the focus as written (the setting is kept in that one). */
function withoutSetting(focus: string[]): string[] {
  return focus.join(" ").replace(SETTING, "").split(" ").filter(Boolean);
}

function variants(words: string[], lexicon: Lexicon, limit = 8): string[][] {
  const out = [words];
  if (words.length === 0) return out;
  for (const group of lexicon.groups) {
    for (const phrase of group) {
      const at = findPhrase(words, phrase);
      if (at < 0) continue;
      for (const other of group) if (other !== phrase) out.push([...words.slice(0, at), ...other, ...words.slice(at + phrase.length)]);
      break;
    }
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

function alternativeWords(words: string[], lexicon: Lexicon): string[] {
  return lexicon.groups.flatMap((group) => (group.some((phrase) => findPhrase(words, phrase) >= 0) ? group.flat() : []));
}
