import type { Registry } from "../documents/registry.ts";
import type { TermStats } from "../index/term-stats.ts";
import type { AnswerContext } from "./context.ts";
import { amountNotStated, countsNotStated, durationNotStated, frequencyNotStated } from "./counted.ts";
import { enumerationNotGiven } from "./enumerated.ts";
import { eventDateNotStated } from "./event-date.ts";
import { sanctionNotStated } from "./sanction.ts";
import { formNotHeld } from "./template.ts";
import type { ScoredSentence } from "./evidence.ts";
import { textNumberNotStated } from "./text-number.ts";
import { placeNotStated } from "./where.ts";
import { officeHolderNotStated } from "./office-holder.ts";
import type { QuestionAnalysis } from "./question.ts";
import { THOSE_FEW } from "./question.ts";
import { issueDateNotStated, signerNotStated, textNotHeld } from "./unheld.ts";

/**
 * Why the documents cannot answer a question however well its words match, when a rule can tell:
 * it asks what a text the knowledge base does not hold says (`text`), when such a text was issued
 * and no sentence read gives its date (`date`), the date of an event no sentence read names with a date (`event`: "có hiệu lực từ ngày nào"), who signed it (`signer`), a form to fill in that the knowledge base does not hold (`form`), a disciplinary form no sentence read names (`sanction`), what befalls a failure when no sentence says (`consequence`), or a count no sentence read
 * states (`count`), a text's number the documents do not give (`textNumber`), which things a count names when the passages only mention them (`enumeration`), how often something is done when no sentence read says so (`frequency`), how long when none of the best sentences says (`duration`), where when none of them names a place (`place`), who held an office when none of them names a person with it (`holder`), or who holds an office now (`current`: the documents speak as of their dates).
 * The reply says which; typed here so that every channel words it alike.
 */
export type NotStated =
  | { reason: "text"; text: string; mentioned: boolean }
  | { reason: "date"; text: string; effective?: boolean }
  | { reason: "signer"; text: string }
  | { reason: "count"; units: string[] }
  | { reason: "enumeration"; mention: string }
  | { reason: "event"; event: string }
  | { reason: "current" | "frequency" | "textNumber" | "form" | "sanction" | "consequence" | "duration" | "place" | "holder" };

/**
 * The question's clauses (abbreviations written out, folded); a clause that asks to confirm a count rather than for
 * one ("chỉ mấy người trong ban dân vận thôi hả?": only so few?), or names "those few" things ("mấy câu khẩu hiệu ấy"), is left out.
 */
const askedClauses = (clauses: readonly string[]) => clauses.filter((clause) => !/\bchi (?:co )?(?:may|bao nhieu)\b.*\bthoi\b/.test(clause) && !THOSE_FEW.test(clause));

/** "Trưởng Ban Dân vận Trung ương hiện nay là ai?": who holds an office now (a person asked for), which dated documents cannot say. */
const NOW = /\b(?:hien nay|hien tai|bay gio|duong nhiem|hien dang)\b/;

/**
 * `listed`: the answer proposed is a list of as many items as the question counts (the documents do list them).
 * `context`: the passages read, for the enumeration check (without it, that check is skipped).
 */
export function notStated(intent: QuestionAnalysis, registry: Registry, stats: TermStats, sentences: readonly ScoredSentence[], read?: { question: string; context: AnswerContext; listed: boolean }): NotStated | undefined {
  const text = textNotHeld(intent, registry, stats, sentences);
  if (text) return { reason: "text", ...text };
  const undated = issueDateNotStated(intent, registry, sentences);
  // "… có hiệu lực từ ngày nào" asks when it took effect, not when it was issued.
  if (undated) return { reason: "date", text: undated, ...(/\bhieu luc\b/.test(intent.words.join(" ")) ? { effective: true } : {}) };
  if (read && formNotHeld(read.question, read.context)) return { reason: "form" };
  const sanction = sanctionNotStated(intent.words, sentences);
  if (sanction) return { reason: sanction === "form" ? "sanction" : "consequence" };
  const event = read ? eventDateNotStated(intent, sentences, read.context.read) : undefined;
  if (event) return { reason: "event", event };
  const unsigned = signerNotStated(intent, registry);
  if (unsigned) return { reason: "signer", text: unsigned };
  // "Ai là lực lượng nòng cốt … hiện nay?" asks no person's name: answered as usual.
  if (intent.type === "who" && intent.person && NOW.test(intent.words.join(" "))) return { reason: "current" };
  if (officeHolderNotStated(intent, sentences)) return { reason: "holder" };
  // A sum of money is a count of its unit ("Tài liệu hiện có không nêu số tiền …").
  const counts = countsNotStated(askedClauses(intent.clauses), sentences, intent.share);
  const units = [...counts, ...(amountNotStated(intent.words, sentences) ? ["tiền"] : [])];
  if (units.length) return { reason: "count", units };
  if (read && textNumberNotStated(read.context, sentences)) return { reason: "textNumber" };
  const mention = read && !read.listed ? enumerationNotGiven(read.question, read.context, sentences) : undefined;
  if (mention) return { reason: "enumeration", mention };
  if (frequencyNotStated(intent.words, sentences)) return { reason: "frequency" };
  if (durationNotStated(intent.words, sentences)) return { reason: "duration" };
  return placeNotStated(intent, sentences, read?.question) ? { reason: "place" } : undefined;
}
