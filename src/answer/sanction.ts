import { fold } from "../text/normalize.ts";
import { bestSay } from "./counted.ts";
import { CONSEQUENCE_SENTENCES } from "./weights.ts";

/**
 * "Cán bộ vi phạm QCDC thì bị kỷ luật theo những hình thức nào?", "… thì bị khiển trách hay cảnh cáo?": the
 * question asks which disciplinary form applies ("bị kỷ luật thế nào" may be answered by "bị xử lý kỷ luật tùy mức độ":
 * not read as asking for a form). Only a sentence naming a form (khiển trách, cảnh cáo, cách chức,
 * khai trừ …) answers it; "xử lý nghiêm những hành vi tiêu cực" says that breaches are dealt with, not how.
 */

/** The disciplinary forms a question names as a choice ("khiển trách hay cảnh cáo"), folded… */
const CHOICES = "khien trach|canh cao|cach chuc|khai tru";
/** …and all the forms of Party and State rules. */
const FORMS = new RegExp(`\\b(?:${CHOICES}|ha bac luong|ha ngach|giang chuc|buoc thoi viec|bai nhiem)\\b`);

/** A disciplinary form asked for, on the folded question. */
const ASKS_FORM = new RegExp(`\\bhinh thuc ky luat\\b|\\bky luat (?:[a-z]+ ){0,3}(?:(?:bang|theo) (?:nhung )?hinh thuc|hinh thuc (?:nao|gi)|muc nao|muc gi)\\b|\\b(?:${CHOICES}) hay (?:${CHOICES})\\b`);

/**
 * "… không sinh hoạt chuyên đề thì bị xử lý ra sao?": what befalls someone who fails to act. Answered only by a sentence
 * that names a consequence (dealt with, disciplined, fined, reviewed); a text that sets the duty and says nothing of
 * failing it does not answer. ("Vụ khiếu kiện … thì xử lý thế nào" asks how to handle a case, not what befalls anyone.)
 */
const ASKS_CONSEQUENCE = /\bbi (?:xu ly|ky luat|xu phat|phat)(?: [a-z]+){0,2} (?:ra sao|the nao|nhu the nao|sao|gi|muc nao)\b/;
const CONSEQUENCE = new RegExp(`\\b(?:xu ly|ky luat|xu phat|phat tien|kiem diem|phe binh|truy cuu|dinh chi|mien nhiem|thoi viec|khong duoc (?:xet|cong nhan|khen|bo nhiem|de nghi))\\b|${FORMS.source}`);

/**
 * What the question asks that no sentence answers: which disciplinary form applies, when no sentence read names one
 * ("form"), or what befalls a failure, when none of the best-matching sentences (`sentences` best first) names a
 * consequence ("consequence").
 */
export function sanctionNotStated(words: readonly string[], sentences: ReadonlyArray<{ text: string }>): "form" | "consequence" | undefined {
  const question = words.join(" ");
  if (ASKS_FORM.test(question)) return sentences.some((s) => FORMS.test(fold(s.text).toLowerCase())) ? undefined : "form";
  if (ASKS_CONSEQUENCE.test(question)) return bestSay(sentences, CONSEQUENCE_SENTENCES, (folded) => CONSEQUENCE.test(folded)) ? undefined : "consequence";
  return undefined;
}
