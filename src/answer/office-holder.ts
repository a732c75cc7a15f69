import { fold } from "../text/normalize.ts";
import { ASKS_SIGNER } from "./rules/signer.ts";
import { namesPerson } from "./evidence.ts";
import type { QuestionAnalysis } from "./question.ts";
import { OFFICE_SENTENCES } from "./weights.ts";

/**
 * An office asked for by its holder's name ("Trưởng Ban Dân vận Tỉnh ủy … là ai"), folded; the first one the question names.
 * "Ban Bí thư" is a body, not a Bí thư.
 */
const OFFICE = /\b(?:pho truong ban|truong ban|pho bi thu|(?<!\bban )bi thu|pho chu tich|chu tich|pho giam doc|giam doc|tong bien tap)\b/;

/**
 * "Trưởng Ban Dân vận Trung ương năm 2023 là đồng chí nào?": a person asked by an office, when none of the sentences that
 * match the question best (`sentences` best first, the first OFFICE_SENTENCES) names a person together with that office.
 * "Phó Trưởng Ban" is another office than "Trưởng Ban"; a sentence that names the office and nobody ("T/M BAN THƯỜNG VỤ
 * … BÍ THƯ") does not say who held it, one that gives it to someone by role does ("do đồng chí Phó Bí thư Thường trực
 * làm Trưởng ban"). Who signed is the signer rule's (src/answer/rules/signer.ts).
 */
export function officeHolderNotStated(intent: Pick<QuestionAnalysis, "person" | "words">, sentences: ReadonlyArray<{ text: string }>): boolean {
  if (!intent.person || ASKS_SIGNER.test(intent.words.join(" "))) return false;
  const office = OFFICE.exec(intent.words.join(" "))?.[0];
  if (!office) return false;
  const held = new RegExp(office.startsWith("pho ") ? `\\b${office}\\b` : `(?<!\\bpho )\\b${office}\\b`);
  const givenTo = new RegExp(`\\blam ${office}\\b`);
  return !sentences.slice(0, OFFICE_SENTENCES).some((s) => {
    const folded = fold(s.text.normalize("NFC")).toLowerCase();
    return (namesPerson(s.text) && held.test(folded)) || givenTo.test(folded);
  });
}
