import { coverage, definesSubject, hasOrdinalItem, phraseMatch } from "../score.ts";
import { fold, foldedSyllables } from "../text/normalize.ts";
import { sentenceRanges } from "../text/sentences.ts";
import { searchTokens } from "../text/terms.ts";
import type { AnswerContext } from "./context.ts";
import type { QuestionType } from "./question.ts";
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

const NUMBER = /\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|phần trăm|nửa|đôi)\b|%/iu;
const DATE = /\b(?:19|20)\d\d\b|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|\b(?:ngày|tháng)\s+\d|\bđịnh kỳ\b|\bhằng năm\b|\bhàng năm\b|\bhằng tháng\b|\bmỗi năm\b|\d+\s+(?:tháng|năm|ngày)\b|\bchậm nhất\b|\btrước ngày\b|\bthời hạn\b|\bnhiệm kỳ\b/iu;
const ACTOR = /\b(?:cấp ủy|cấp uỷ|thủ trưởng|người đứng đầu|ban chấp hành|ban thường vụ|ban bí thư|bộ chính trị|mặt trận|đoàn thể|công đoàn|chính quyền|ủy ban|uỷ ban|ban dân vận|chi bộ|chi ủy|chi uỷ|hội đồng|chủ tịch|bí thư|lãnh đạo|cán bộ|đảng viên|tổ chức đảng|đảng ủy|đảng uỷ|chính phủ|quốc hội|hồ chí minh)\b/iu;

/** Does a sentence hold what the question type asks for? (Types that ask for no particular thing: always.) */
export function holdsAnswerType(type: QuestionType, text: string): boolean {
  switch (type) {
    case "number":
      return NUMBER.test(text);
    case "date":
      return DATE.test(text);
    case "who":
      return ACTOR.test(text);
    default:
      return true;
  }
}

/** A short paragraph without an end mark is a heading: it names a topic, it does not answer. */
export function isHeadingParagraph(text: string): boolean {
  return text.length < 120 && !/[.!…:;"”)]$/.test(text);
}

/** Every sentence of the read passages, best first. */
export function scoreSentences(context: AnswerContext): ScoredSentence[] {
  const { query, intent, stats } = context;
  const out: ScoredSentence[] = [];
  context.read.forEach(({ passage }, p) => {
    const frame = new Set(passage.search.split(" "));
    context.paragraphs[p]!.forEach((paragraph, g) => {
      if (isHeadingParagraph(paragraph.text)) return;
      sentenceRanges(paragraph.text).forEach(([start, end], index) => {
        const text = paragraph.text.slice(start, end);
        const alone = coverage(query, new Set(searchTokens(text)), stats, text);
        const framed = coverage(query, frame, stats, text);
        const ordinal = hasOrdinalItem(query, index === 0 ? paragraph.text : text) ? SENTENCE.ordinal : 0;
        const evidence = Math.min(1, SENTENCE.alone * alone.combined + SENTENCE.framed * framed.combined + ordinal);
        const typePresent = holdsAnswerType(intent.type, text);
        const defines = definesSubject(query, text) || (intent.type === "definition" && definesFocus(intent.focus, text)) ? SENTENCE.defines : 0;
        const phrase = SENTENCE.phrase * phraseMatch(query, foldedSyllables(text));
        // A number or a date is easy to recognise and is what was asked; an actor is too varied ("già làng") to reward.
        const typeBonus = typePresent && (intent.type === "number" || intent.type === "date") ? SENTENCE.typePresent : 0;
        const score = evidence + defines + phrase + SENTENCE.prior * context.prior[p]! + typeBonus;
        out.push({ passage: p, paragraph: g, index, text, evidence, typePresent, score });
      });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}

/** "Dân vận là vận động…", "công tác dân vận là công việc của…": the sentence defines the focus. */
export function definesFocus(focus: string[], text: string): boolean {
  if (focus.length === 0) return false;
  const subject = focus.join(" ");
  const folded = fold(text).replace(/[^\p{L}\p{N}]+/gu, " ");
  return new RegExp(`(?:^| )${subject} (?:la|duoc hieu la|co nghia la|chinh la) `, "u").test(folded);
}
