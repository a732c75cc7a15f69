import { fold } from "../text/normalize.ts";
import { namesPerson } from "./evidence.ts";
import type { QuestionAnalysis } from "./question.ts";
import { OFFICE_SENTENCES } from "./weights.ts";

/**
 * An office asked for by its holder's name ("Trưởng Ban Dân vận Tỉnh ủy … là ai"), folded; the first one the question names.
 * "Ban Bí thư" is a body, not a Bí thư.
 */
const OFFICE = /\b(?:pho truong ban|truong ban|pho bi thu|(?<!\bban )bi thu|pho chu tich|chu tich|pho giam doc|giam doc|tong bien tap)\b/;
/** "… do đồng chí nào ký": who signed, which the signature at a text's foot answers (src/answer/rules/signer.ts). */
const ASKS_SIGNER = /\b(?:ky|ky ten|ky thay mat)\b/;

/**
 * "Trưởng Ban Dân vận Trung ương năm 2023 là đồng chí nào?": a person asked by an office, when none of the sentences that
 * match the question best (`sentences` best first, the first OFFICE_SENTENCES) names a person together with that office.
 * "Phó Trưởng Ban" is another office than "Trưởng Ban"; a sentence that names the office and nobody ("T/M BAN THƯỜNG VỤ
 * … BÍ THƯ") does not say who held it.
 */
export function officeHolderNotStated(intent: Pick<QuestionAnalysis, "person" | "words">, sentences: ReadonlyArray<{ text: string }>): boolean {
  if (!intent.person || ASKS_SIGNER.test(intent.words.join(" "))) return false;
  const office = OFFICE.exec(intent.words.join(" "))?.[0];
  if (!office) return false;
  const held = new RegExp(office.startsWith("pho ") ? `\\b${office}\\b` : `(?<!\\bpho )\\b${office}\\b`);
  return !sentences.slice(0, OFFICE_SENTENCES).some((s) => namesPerson(s.text) && held.test(fold(s.text.normalize("NFC")).toLowerCase()));
}
