import { fold, nfc } from "../text/normalize.ts";
import type { AnswerContext } from "./context.ts";

/**
 * "Cho em xin mẫu biên bản hội nghị", "có mẫu quy chế … không", "làm theo biểu mẫu số mấy": the question asks for a
 * form to fill in. Only a form the knowledge base holds answers it (a passage headed or opened "Mẫu số …",
 * "Biểu mẫu", "Phụ lục"); a text that merely speaks of the meeting or the regulation is not that form.
 */

/** A form asked for, on the folded question: "xin mẫu", "có mẫu", "biểu mẫu", "mẫu" before a kind of paper. Not "gương mẫu", "mẫu mực". */
const ASKS_FORM = /\b(?:xin|co|gui|can|tim|lay) (?:cai |ban |file |)mau\b|\bbieu mau\b|\bmau (?:so|bien ban|quy che|bao cao|ke hoach|don|to trinh|ho so|phieu|giay|van ban|quyet dinh|nghi quyet|thong bao|cong van|san)\b/;

/** A form in the knowledge base: a heading or a line that opens with "Mẫu", "Biểu mẫu", "Biểu số", "Phụ lục". */
const FORM = /(?:^|\n)\s*(?:(?:mẫu|biểu mẫu|phụ lục)(?:\s+số)?|biểu\s+số)(?!\p{L})/iu;

/** "mâu thuẫn", "mẫu mực", "gương mẫu" fold like "mẫu": typed with marks, only "mẫu" itself counts; without, these words never. */
const NOT_FORM = /\bmau (?:thuan|muc)\b/;

/** True when the question asks for a form and no passage retrieved is one. */
export function formNotHeld(question: string, context: AnswerContext): boolean {
  const typed = nfc(question).toLowerCase();
  const folded = fold(typed);
  if (!ASKS_FORM.test(folded) || NOT_FORM.test(folded)) return false;
  // Typed with marks, the word asked must be "mẫu" ("có mâu thuẫn" folds to "co mau").
  if (folded !== typed && !/(?<!\p{L})mẫu(?!\p{L})/u.test(typed)) return false;
  return !context.ranked.some(({ passage }) => FORM.test(passage.clean) || passage.headings.some((heading) => FORM.test(heading)));
}
