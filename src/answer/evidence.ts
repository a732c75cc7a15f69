import { coverage, definesSubjectFolded, definesTerm, hasOrdinalItem, phraseMatch } from "../score.ts";
import { fold } from "../text/normalize.ts";
import { isHeadingLike } from "../structure/blocks.ts";
import { passageText } from "./passage-text.ts";
import type { AnswerContext } from "./context.ts";
import type { QuestionAnalysis } from "./question.ts";
import { scopeMatch } from "./scope.ts";
import { SENTENCE } from "./weights.ts";

/** One sentence of a read passage, scored as an answer to the question. */
export type ScoredSentence = {
  /** Index of its passage in `context.read`. */
  passage: number;
  paragraph: number;
  /** Sentence index within the paragraph. */
  index: number;
  text: string;
  /** How well the sentence (framed by its passage) covers the question, 0..1. */
  evidence: number;
  /** Whether it holds what the question type asks for (a number, a date, an actor). */
  typePresent: boolean;
  score: number;
};

// Matched on folded text (plain ASCII), where \b is a real word boundary.
const NUMBER = /\d|\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|muoi|tram|nghin|ngan|trieu|phan tram|nua|doi)\b|%/;
export const NUMBER_WORD = "(?:\\d+(?:[.,]\\d+)?|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram|nghin|ngan|nua)";
const YEAR = /\b(?:19|20)\d\d\b/;
/** A day: "15-10-1949", "ngày 15". */
const DAY = /\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|\bngay\s+\d{1,2}\b/;
/**
 * Any time: a day, a month, a quarter, a year, or a recurring time ("tối thứ sáu cuối mỗi tháng", "sáng
 * chủ nhật đầu tiên", "hằng quý"). A weekday only after a part of the day or "vào": "thứ hai" alone is "second".
 */
const WHEN = /\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|\bngay\s+\d|\bthang\s+(?:\d|gieng\b|chap\b|muoi\b(?! lan))|\bquy\s+(?:i|ii|iii|iv|\d)\b|\b(?:19|20)\d\d\b|\b(?:sang|chieu|toi|vao)\s+(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu nhat)\b|\bchu nhat\b|\b(?:dau|cuoi|giua)\s+(?:moi\s+)?(?:thang|nam|quy|tuan)\b|\b(?:hang|moi)\s+(?:thang|nam|quy|tuan)\b/;
/**
 * A length of time stated: "10 ngày làm việc", "ba tháng", "05 năm", "hai tuần" (folded). Not a date ("ngày 15 tháng 10
 * năm …", "Việt Nam ngày …"), nor "sau ngày" (after) or "ngắn ngày": "sáu" and "ngàn" are left out, as they fold alike.
 */
export const DURATION = /(?<!\b(?:ngay|thang|viet) )\b(?:\d+(?:[.,]\d+)?|mot|hai|ba|bon|nam|bay|tam|chin|muoi|nua)\s+(?:ngay|thang|nam|tuan|gio|quy)\b/;
/** "bao lâu", not "bao lâu (…) một lần" (how often, a PERIOD): a length of time asked. */
const ASKS_LENGTH = /\bbao lau\b(?!(?: [a-z0-9]+){0,8} (?:mot|1) lan\b)/;
const PERIOD = /\bdinh ky\b|\b(?:hang|moi) (?:nam|thang|quy|tuan)\b|\d+\s+(?:thang|nam|ngay)\s+(?:mot|1)\s+lan\b|\blan\b/;
/** Who answers "ai": an organisation or an office ("cấp ủy", "Thủ trưởng", "Ban Chấp hành …"), on folded text. */
const ACTOR = /\b(?:cap uy|thu truong|nguoi dung dau|ban chap hanh|ban thuong vu|ban bi thu|bo chinh tri|mat tran|doan the|cong doan|chinh quyen|uy ban|ban dan van|chi bo|chi uy|hoi dong|chu tich|bi thu|lanh dao|can bo|dang vien|to chuc dang|dang uy|chinh phu|quoc hoi|ho chi minh)\b/;
/** Does a folded name name an organisation or an office ("doan the", "cap uy va to chuc dang")? */
export function namesActor(folded: string): boolean {
  return ACTOR.test(folded);
}

/**
 * …or people by their standing ("già làng, người có uy tín, chức sắc tôn giáo", "đoàn viên, hội viên"), read with
 * their marks (folded, "trí thức" would be "kiên trì thực hiện" and "trưởng ban" "trường bán"), and only when the
 * question does not name them itself: "tuyển dụng công chức, viên chức" names no one who does the recruiting.
 * ("nhân dân", "quần chúng" are in nearly every sentence: they would tell nothing.)
 */
const STANDING = ["già làng", "trưởng ban", "trưởng thôn", "trưởng ấp", "trưởng bản", "người có uy tín", "chức sắc", "công chức", "viên chức", "người lao động", "đoàn viên", "hội viên", "cựu chiến binh", "nhân sĩ", "trí thức", "doanh nhân"];
const STANDING_PATTERN = new RegExp(`(?<![\\p{L}\\p{M}])(?:${STANDING.join("|")})(?![\\p{L}\\p{M}])`, "gu");

/** People of standing a sentence names that the question (folded words) does not name itself. */
function namesPeople(sentence: string, questionWords: readonly string[]): boolean {
  const question = ` ${questionWords.join(" ")} `;
  for (const [name] of sentence.normalize("NFC").toLowerCase().matchAll(STANDING_PATTERN)) {
    if (!question.includes(` ${fold(name)} `)) return true;
  }
  return false;
}

/**
 * Does a sentence hold what the question asks for? A number for "bao nhiêu", and when the question
 * says what is counted ("bao nhiêu người", "mấy năm", "%") a number of that; a year, a day or a period
 * for the kind of date asked; an actor for "ai". Other types ask for no particular thing: always.
 */
/**
 * A person named: "đồng chí Lê Hùng Anh" (not "đồng chí Trưởng Ban …", an office), or three capitalised syllables that
 * are not an organisation ("Hồ Chí Minh").
 */
const PERSON = /(?:đồng chí|ông|bà)\s+(?!(?:Trưởng|Phó|Bí|Ủy|Uỷ|Chủ|Tỉnh|Huyện|Giám|Thủ|Tổng|Thường|Chánh|Phụ)(?!\p{L}))\p{Lu}\p{Ll}*|(?<![\p{L}])(?!(?:Ban|Bộ|Đảng|Ủy|Uỷ|Hội|Mặt|Nhà|Quốc|Chính|Trung|Văn|Thủ|Tổng|Nghị|Kết|Quyết|Chỉ|Công|Thanh|Đoàn|Liên|Cộng|Việt|Hà|Trưởng|Phó|Bí|Chủ|Giám|Thường|Chánh|Tỉnh|Huyện)\s)\p{Lu}\p{Ll}*\s\p{Lu}\p{Ll}*\s\p{Lu}\p{Ll}*/u;

/** Does a sentence (as written) name a person: "đồng chí Lê Hùng Anh", "Nguyễn Văn Thể" (not an office alone)? */
export function namesPerson(sentence: string): boolean {
  return PERSON.test(sentence);
}

/** A share of a body ("hai phần ba tổng số cán bộ", "2/3 tổng số", "quá nửa"): it answers a threshold of people ("cần tối thiểu bao nhiêu người"), as a quorum is stated. */
const PROPORTION = /\b(?:mot|hai|ba|bon|nam) phan (?:hai|ba|tu|nam)\b|\bqua (?:nua|ban)\b|\bmot nua\b|(?:\b\d\s*\/\s*\d\b|%|\bphan tram\b)(?= (?:tong so|so nguoi|so can bo|so dai bieu|thanh vien))/;
/** A target asked for ("phấn đấu", "chỉ tiêu", "tối thiểu"), folded: a share of the things counted states one. */
const TARGET = /\b(?:phan dau|chi tieu|muc tieu|toi thieu|it nhat|de ra)\b/;
/** What was done, asked for ("thực tế", "đã đạt", "kết quả", "đã sinh hoạt"), folded. */
const ACTUAL = /\b(?:thuc te|da dat|dat duoc|ket qua|da (?:sinh hoat|thuc hien|to chuc|hoan thanh|lam duoc))\b/;
/** Units that count people ("bao nhiêu người", "mấy thành viên", "bao nhiêu đại biểu", "cán bộ", "đảng viên"), folded first syllables. */
const PEOPLE = new Set(["nguoi", "thanh", "dai", "can", "dang", "uy"]);

export function holdsAnswerType(intent: Pick<QuestionAnalysis, "type" | "unit" | "dateKind" | "person" | "share"> & { words?: readonly string[] }, sentence: string, folded?: string): boolean {
  const text = folded ?? fold(sentence);
  switch (intent.type) {
    case "number": {
      if (intent.share && intent.unit && PEOPLE.has(intent.unit) && PROPORTION.test(text)) return true;
      if (!NUMBER.test(text)) return false;
      // "thực tế có bao nhiêu % chi bộ đã sinh hoạt" asks what was done: a target ("phấn đấu … 100% chi bộ") does not say.
      const asked = (intent.words ?? []).join(" ");
      if (ACTUAL.test(asked) && !TARGET.test(asked) && TARGET.test(text)) return false;
      if (!intent.unit) return true;
      if (intent.unit === "%") return /%|phan tram/.test(text);
      // "phấn đấu 100% chi bộ" answers a target asked as "phấn đấu bao nhiêu chi bộ", as "12 chi bộ" would; not what
      // was done ("thực tế có bao nhiêu chi bộ đã …"), nor how many there are.
      const share = TARGET.test(asked) ? "(?:\\s*%)?" : "";
      return new RegExp(`\\b${NUMBER_WORD}${share}\\s+(?:[a-z]+\\s+)?${intent.unit}\\b`).test(text);
    }
    case "date":
      // "để bao lâu", "trong bao lâu": "ít nhất là 30 ngày liên tục", "tối thiểu 01 năm" state it.
      if (intent.dateKind === "period" && ASKS_LENGTH.test((intent.words ?? []).join(" ")) && DURATION.test(text)) return true;
      return intent.dateKind === "year" ? YEAR.test(text) : intent.dateKind === "period" ? PERIOD.test(text) : intent.dateKind === "day" ? DAY.test(text) : WHEN.test(text);
    case "who":
      return intent.person ? PERSON.test(sentence) : ACTOR.test(text) || namesPeople(sentence, intent.words ?? []);
    default:
      return true;
  }
}

/** Every sentence of the read passages, best first. */
/** A sentence that opens by naming causes ("Nguyên nhân của …", "Nguyên nhân chủ yếu là …"), on folded text. */
const CAUSES_OPEN = /^\s*(?:\W\s*)?nguyen nhan\b/;
/** The question asks for causes or reasons. */
const ASKS_CAUSES = /\b(?:nguyen nhan|vi sao|tai sao|do dau|ly do|vi dau|tai dau)\b/;

export function scoreSentences(context: AnswerContext): ScoredSentence[] {
  const { query, intent, stats } = context;
  const out: ScoredSentence[] = [];
  const { documentNumber, year, place } = intent.scope;
  const bonus = place ? SENTENCE.place : documentNumber || year ? SENTENCE.scope : 0;
  const asksCauses = ASKS_CAUSES.test(intent.words.join(" "));
  context.read.forEach(({ passage }, p) => {
    const { paragraphs, sentences, frame } = passageText(passage);
    const inScope = bonus && scopeMatch(intent, passage) === 1 ? bonus : 0;
    for (const sentence of sentences) {
      const paragraph = paragraphs[sentence.paragraph]!;
      if (isHeadingLike(paragraph.text)) continue;
      const { text, index } = sentence;
      const alone = coverage(query, sentence.tokens, stats);
      const framed = coverage(query, frame, stats);
      const ordinal = hasOrdinalItem(query, index === 0 ? paragraph.text : text) ? SENTENCE.ordinal : 0;
      const evidence = Math.min(1, SENTENCE.alone * alone.combined + SENTENCE.framed * framed.combined + ordinal);
      const typePresent = holdsAnswerType(intent, text, sentence.folded);
      const defines = definesSubjectFolded(query, sentence.folded) || (intent.type === "definition" && definesTerm(intent.focus, sentence.folded)) ? SENTENCE.defines : 0;
      const phrase = SENTENCE.phrase * phraseMatch(query, sentence.syllables);
      // A number, a date or a person's name ("đồng chí nào") is easy to recognise and is what was asked; an
      // actor is too varied ("già làng") to reward.
      const typeBonus = typePresent && (intent.type === "number" || intent.type === "date" || (intent.type === "who" && intent.person)) ? SENTENCE.typePresent : 0;
      // "Nguyên nhân của những yếu kém trên là …" names the causes: it repeats "yếu kém" but answers "vì sao", not "những yếu kém gì".
      const causesUnasked = CAUSES_OPEN.test(sentence.folded) && !asksCauses ? SENTENCE.causesUnasked : 0;
      const score = evidence + defines + phrase + SENTENCE.prior * context.prior[p]! + typeBonus + inScope - causesUnasked;
      out.push({ passage: p, paragraph: sentence.paragraph, index, text, evidence, typePresent, score });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}
