/**
 * Shorthand cadres type that splitting into words would break apart, written out before a question is
 * analysed: a code joined to its number ("NQ25", "KL43", "qd290" → "NQ 25"), "đ/c" (đồng chí) and "v/v"
 * (về việc), "HN" before what a meeting is of ("HN CBCC": hội nghị). The codes themselves are read by the lexicon afterwards, as when typed apart.
 */

import { hasDiacritics } from "./normalize.ts";

/** Two to four letters, then a number: a document code or body typed without its space. */
const JOINED_NUMBER = /(?<![\p{L}\p{N}])(\p{L}{2,4})(\d{1,4})(?![\p{L}\p{N}])/gu;
/** "đ/c", "Đ/c", "d/c", "đ/ c": "đồng chí" (in this field "d/c" is a comrade, not an address). */
const COMRADE = /(?<!\p{L})[đĐdD]\s?\/\s?[cC](?!\p{L})/gu;
/** "v/v": "về việc". */
const REGARDING = /(?<!\p{L})[vV]\s?\/\s?[vV](?!\p{L})/gu;
/**
 * "HN CBCC", "HN tổng kết": a hội nghị, by what follows it ("HN" alone is as often Hà Nội, which the lexicon does not guess).
 */
const MEETING = /(?<![\p{L}\p{N}])HN(?=\s+(?:CBCC|CBCCVC|CCVC|CNVC|CNVCLĐ|NLĐ|NLD|TW|TƯ|BCH|đại biểu|dai bieu|tổng kết|tong ket|sơ kết|so ket|toàn thể|toan the|cán bộ|can bo)(?![\p{L}\p{N}]))/gu;

/**
 * `codes`: also split a code from its number. The answer layer reads "NQ25" as the text numbered 25; retrieval keeps it
 * as typed, for "nghị quyết 25" written out matches many passages alike and ranked the right one lower on the training
 * sets (4 questions lost rank, none gained).
 */
export function writeOutShorthand(question: string, options: { codes: boolean }): string {
  // Written out as the rest is typed: marks added to a question typed without them would make it read as marked.
  const marked = hasDiacritics(question.replace(COMRADE, "").replace(REGARDING, ""));
  const spelled = question.replace(COMRADE, marked ? "đồng chí" : "dong chi").replace(REGARDING, marked ? "về việc" : "ve viec").replace(MEETING, marked ? "hội nghị" : "hoi nghi");
  return options.codes ? spelled.replace(JOINED_NUMBER, "$1 $2") : spelled;
}
