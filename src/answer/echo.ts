import type { TermStats } from "../index/term-stats.ts";
import { bigram } from "../text/terms.ts";
import type { AnswerContext } from "./context.ts";
import { LIST } from "./weights.ts";

/** The question's words in order, the actor's name blanked out (it breaks runs: the focus match weighs it). */
export function questionOutsideFocus(context: AnswerContext): string[] {
  const focusWords = new Set(context.intent.focus);
  return context.query.sequence.map((w) => (focusWords.has(w) ? "" : w));
}

/**
 * The longest run of the question's words (in order) that a list's heading path or lead-in says word for
 * word, weighted by the IDF of its syllable pairs (a phrase is rare when its pairs are, though its words
 * are common: "chính quyền tổ chức thực hiện"), 1 from LIST.phraseFull on; 0 below `minRun` (LIST.phraseMin)
 * syllables. The words of the actor the question names do not count (the focus match weighs them).
 */
export function phraseEcho(question: readonly string[], heading: readonly string[], stats: TermStats, minRun: number = LIST.phraseMin): number {
  const pairs = question.slice(1).map((w, i) => stats.idf(bigram(question[i]!, w)));
  if (heading.length === 0) return 0;
  let best = 0;
  // previous[j + 1]: length of the common run ending at question[i - 1] and heading[j].
  let previous = new Array<number>(heading.length + 1).fill(0);
  for (let i = 0; i < question.length; i++) {
    const current = new Array<number>(heading.length + 1).fill(0);
    for (let j = 0; j < heading.length; j++) {
      if (!question[i] || question[i] !== heading[j]) continue;
      const length = previous[j]! + 1;
      current[j + 1] = length;
      if (length < minRun) continue;
      let mass = 0;
      for (let k = i - length + 1; k < i; k++) mass += pairs[k]!;
      best = Math.max(best, Math.min(1, mass / LIST.phraseFull));
    }
    previous = current;
  }
  return best;
}
