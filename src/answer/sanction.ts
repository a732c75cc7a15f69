import { fold } from "../text/normalize.ts";

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

/** True when the question asks which disciplinary form applies and no sentence read names one. */
export function sanctionNotStated(words: readonly string[], sentences: ReadonlyArray<{ text: string }>): boolean {
  if (!ASKS_FORM.test(words.join(" "))) return false;
  return !sentences.some((s) => FORMS.test(fold(s.text).toLowerCase()));
}
