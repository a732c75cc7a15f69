import { fold } from "../text/normalize.ts";
import { holdsAnswerType } from "./evidence.ts";
import type { QuestionAnalysis } from "./question.ts";
import type { Passage } from "../index/schema.ts";
import { citesNumber } from "../documents/numbers.ts";
import { documentMatch } from "./scope.ts";

/**
 * "Nghị định 60 có hiệu lực từ ngày nào?", "Ban Dân vận Trung ương được thành lập năm nào?": the date of an
 * event the question names, which only a sentence naming that event gives. A text's number and issue date
 * ("Nghị định số 60/2013/NĐ-CP ngày 19-6-2013") are not the day it takes effect; a body's mention is not its founding.
 */
const EVENTS: ReadonlyArray<{ asked: RegExp; stated: RegExp; name: string }> = [
  // "có hiệu lực (thi hành) kể từ ngày …", not "hiệu quả, hiệu lực của bộ máy nhà nước" (in a question or a title).
  { asked: /\bco hieu luc\b|\bhieu luc (?:thi hanh|ke tu|tu|khi nao|bao gio)\b/, stated: /\bco hieu luc\b|\bhieu luc thi hanh\b|\bhieu luc (?:ke )?tu\b/, name: "ngày có hiệu lực" },
  { asked: /\bthanh lap\b/, stated: /\bthanh lap\b|\bra doi\b/, name: "ngày thành lập" },
];

/** "… có hiệu lực (kể) từ ngày ký / ban hành": the day is the issue date, which the text's own header gives. */
const FROM_SIGNING = /\btu ngay (?:ky|ban hanh)\b/;


/**
 * The event asked for ("ngày có hiệu lực") when no sentence read names it with a date of the kind asked; otherwise
 * undefined. A question naming a text by number is answered only from that text or a sentence citing its number as a text's:
 * another text's "có hiệu lực kể từ ngày …" is that text's. `passages`: the passages read (`sentence.passage` indexes them).
 */
export function eventDateNotStated(intent: QuestionAnalysis, sentences: ReadonlyArray<{ text: string; passage: number }>, passages: ReadonlyArray<{ passage: Passage }>): string | undefined {
  if (intent.type !== "date" || intent.dateKind === "period") return undefined;
  const question = intent.words.join(" ");
  const event = EVENTS.find((e) => e.asked.test(question));
  if (!event) return undefined;
  const number = intent.scope.documentNumber;
  const stated = sentences.some((s) => {
    const folded = fold(s.text).toLowerCase();
    if (!event.stated.test(folded) || !(holdsAnswerType(intent, s.text, folded) || FROM_SIGNING.test(folded))) return false;
    const passage = passages[s.passage]?.passage;
    return !number || citesNumber(s.text, number) || (passage !== undefined && documentMatch({ documentNumber: number }, passage) === 1);
  });
  return stated ? undefined : event.name;
}
