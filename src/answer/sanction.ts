import { fold } from "../text/normalize.ts";

/**
 * "Cán bộ vi phạm QCDC thì bị kỷ luật theo những hình thức nào?", "… thì bị khiển trách hay cảnh cáo?": the
 * question asks which disciplinary form applies ("bị kỷ luật thế nào" may be answered by "bị xử lý kỷ luật tùy mức độ":
 * not read as asking for a form). Only a sentence naming a form (khiển trách, cảnh cáo, cách chức,
 * khai trừ …) answers it; "xử lý nghiêm những hành vi tiêu cực" says that breaches are dealt with, not how.
 */

/** A disciplinary form asked for, on the folded question. */
const ASKS_FORM = /\bhinh thuc ky luat\b|\bky luat (?:[a-z]+ ){0,3}(?:(?:bang|theo) (?:nhung )?hinh thuc|hinh thuc (?:nao|gi)|muc nao|muc gi)\b|\b(?:khien trach|canh cao|cach chuc|khai tru) hay (?:khien trach|canh cao|cach chuc|khai tru)\b/;

/** The disciplinary forms of Party and State rules, folded. */
const FORMS = /\b(?:khien trach|canh cao|cach chuc|khai tru|ha bac luong|ha ngach|giang chuc|buoc thoi viec|bai nhiem)\b/;

/** True when the question asks which disciplinary form applies and no sentence read names one. */
export function sanctionNotStated(words: readonly string[], sentences: ReadonlyArray<{ text: string }>): boolean {
  if (!ASKS_FORM.test(words.join(" "))) return false;
  return !sentences.some((s) => FORMS.test(fold(s.text).toLowerCase()));
}
