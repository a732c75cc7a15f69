import { containment, subjectMatch, subjectNames } from "../structure/facts.ts";
import { isFunctionWord } from "../text/terms.ts";
import type { AnswerContext } from "./context.ts";
import { LIST } from "./weights.ts";

/**
 * How well a list's subject is the actor the question asks about: the match of the focus the question
 * names (or a lexicon variant: "sếp cơ quan" → "thủ trưởng cơ quan") with the subject's words, or, when
 * the question's wording hides its focus, how much of the subject the question repeats (discounted).
 * Undefined when the question names no actor and repeats little of this one.
 */
export function subjectScore(context: AnswerContext, subjectWords: string[]): number | undefined {
  const named = focusScore(context, subjectWords);
  const { wordsWithAlternatives } = context.intent;
  const repeated = LIST.containment * containment(subjectWords, wordsWithAlternatives, context.stats) * specificity(context, subjectWords);
  if (!context.intent.focus.length && repeated < LIST.focusMin) return undefined;
  return Math.max(named, repeated);
}

/** How well the focus the question names (or a lexicon variant of it) matches these words; 0 when it names none. */
export function focusScore(context: AnswerContext, subjectWords: string[]): number {
  const { focusVariants, wordsWithAlternatives } = context.intent;
  return Math.max(0, ...focusVariants.map((focus) => subjectMatch(focus.filter((w) => !isFunctionWord(w)), subjectWords, context.stats, wordsWithAlternatives)));
}

/**
 * How much a name says beyond the corpus's own topic: the IDF its words carry, up to LIST.specificMass.
 * "DÂN VẬN LÀ GÌ ?" names what nearly every passage is about, so a question that repeats "dân vận"
 * has not named it; "cấp ủy" or "Ban Chấp hành Công đoàn" has.
 */
function specificity(context: AnswerContext, subjectWords: string[]): number {
  const mass = [...new Set(subjectWords)].reduce((n, w) => n + context.stats.idf(w), 0);
  return Math.min(1, mass / LIST.specificMass);
}

/** The best score over the names a list goes by (its subject, the heading above it). */
export function namesScore(context: AnswerContext, subject: string, headings: readonly string[]): number | undefined {
  const scores = subjectNames(subject, headings).map((name) => subjectScore(context, name)).filter((x) => x !== undefined);
  return scores.length ? Math.max(...scores) : undefined;
}
