import { definesSubject, definesTerm } from "../../score.ts";
import { fold, syllables } from "../../text/normalize.ts";
import type { Candidate } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import type { ScoredSentence } from "../evidence.ts";
import { scoreSentences } from "../evidence.ts";
import { LIMITS, SENTENCE } from "../weights.ts";

/**
 * The best sentences of the read passages, quoted: for a number, a date or a person the sentence that
 * carries it; for "X là gì" the sentence that defines X; otherwise the best-covering sentence, joined by
 * sentences that score close to it and bring a part of the question it leaves out.
 */

function candidateOf(context: AnswerContext, chosen: ScoredSentence[], rule: Candidate["rule"]): Candidate {
  const best = chosen[0]!;
  const rest = chosen.slice(1).sort((a, b) => a.passage - b.passage || a.paragraph - b.paragraph || a.index - b.index);
  return {
    rule,
    lines: [best, ...rest].map((s) => ({ passage: context.read[s.passage]!.passage, text: s.text })),
    listed: false,
    more: 0,
    passage: context.read[best.passage]!.passage,
    rank: best.passage,
    typeFound: best.typePresent,
    focusMatch: undefined,
    support: best.evidence,
    score: best.score,
  };
}

/** "X là gì?": the sentence that defines X, when a read passage has one. */
export function definitionRule(context: AnswerContext, sentences = scoreSentences(context)): Candidate | undefined {
  if (context.intent.type !== "definition") return undefined;
  const defining = sentences.find((s) => definesTerm(context.intent.focus, fold(s.text)) || definesSubject(context.query, s.text));
  if (!defining) return undefined;
  const chosen = [defining];
  const next = sentences.find((s) => s.passage === defining.passage && s.paragraph === defining.paragraph && s.index === defining.index + 1);
  if (next && defining.text.length + next.text.length <= LIMITS.answerChars) chosen.push(next);
  return candidateOf(context, chosen, "definition");
}

/**
 * A list written as prose ("Trước nhất là… Điểm thứ hai… Khi thi hành xong…", "(1)…; (2)…"): for a list
 * question, the best sentence read on through the rest of its paragraph, and through the paragraphs
 * that follow when it introduces them (ends in ":"), up to LIMITS.answerChars.
 */
function readOn(sentences: ScoredSentence[], best: ScoredSentence): ScoredSentence[] {
  const after = sentences
    .filter((s) => s.passage === best.passage && (s.paragraph > best.paragraph || (s.paragraph === best.paragraph && s.index > best.index)))
    .sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
  const chosen = [best];
  let length = best.text.length;
  let last = best;
  for (const next of after) {
    const sameParagraph = next.paragraph === last.paragraph && next.index === last.index + 1;
    const introduced = next.paragraph === last.paragraph + 1 && next.index === 0 && /:\s*$/.test(last.text);
    if (!sameParagraph && !introduced) break;
    if (chosen.length >= LIMITS.items || length + next.text.length > LIMITS.answerChars) break;
    chosen.push(next);
    length += next.text.length;
    last = next;
  }
  return chosen;
}

export function sentencesRule(context: AnswerContext, sentences = scoreSentences(context)): Candidate | undefined {
  // For a number or a date, the best sentence that carries one. (A person is too varied to insist on:
  // "già làng, người có uy tín" names no office; the type only adds to a sentence's score.)
  const insist = context.intent.type === "number" || context.intent.type === "date";
  const best = (insist ? sentences.find((s) => s.typePresent) : undefined) ?? sentences[0];
  if (!best) return undefined;
  if (context.intent.type === "list" || context.intent.type === "steps") {
    const prose = readOn(sentences, best);
    if (prose.length > 1) return candidateOf(context, prose, "sentences");
  }
  const chosen = [best];
  let length = best.text.length;
  const covered = new Set(context.query.concepts.map((c) => c.folded).filter((w) => syllables(best.text).map(fold).includes(w)));
  for (const candidate of sentences) {
    if (chosen.length >= LIMITS.sentences) break;
    if (candidate === best || candidate.score < best.score * SENTENCE.follower || length + candidate.text.length > LIMITS.answerChars) continue;
    const words = new Set(syllables(candidate.text).map(fold));
    const adds = context.query.concepts.filter((c) => !covered.has(c.folded) && words.has(c.folded));
    if (adds.length === 0) continue;
    for (const c of adds) covered.add(c.folded);
    chosen.push(candidate);
    length += candidate.text.length;
  }
  return candidateOf(context, chosen, "sentences");
}
