import { definesSubject, definesTerm } from "../../score.ts";
import { fold, syllables } from "../../text/normalize.ts";
import type { Candidate } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import type { ScoredSentence } from "../evidence.ts";
import { scoreSentences } from "../evidence.ts";
import { phraseEcho, questionOutsideFocus } from "../echo.ts";
import { scopeMatch } from "../scope.ts";
import { LIMITS, PROSE, PROSE_STEPS, SENTENCE } from "../weights.ts";
import { foldedSyllables } from "../../text/normalize.ts";

/**
 * The best sentences of the read passages, quoted: for a number, a date or a person the sentence that
 * carries it; for "X là gì" the sentence that defines X; otherwise the best-covering sentence, joined by
 * sentences that score close to it and bring a part of the question it leaves out.
 */

/** Sentences in the order of the text. */
const inTextOrder = (a: ScoredSentence, b: ScoredSentence) => a.passage - b.passage || a.paragraph - b.paragraph || a.index - b.index;

/** The best sentence (chosen[0]) stands for the candidate; it is quoted first, or in its place with `inOrder`. */
function candidateOf(context: AnswerContext, chosen: ScoredSentence[], rule: Candidate["rule"], inOrder = false): Candidate {
  const best = chosen[0]!;
  const rest = chosen.slice(1).sort(inTextOrder);
  const lines = inOrder ? [...chosen].sort(inTextOrder) : [best, ...rest];
  return {
    rule,
    lines: lines.map((s) => ({ passage: context.read[s.passage]!.passage, text: s.text })),
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
 * that follow when it introduces them (ends in ":"), up to LIMITS.proseChars.
 */
function readOn(sentences: ScoredSentence[], best: ScoredSentence): ScoredSentence[] {
  // The whole paragraph when it fits: its list may come before the sentence that matched best
  // ("… cần phải óc nghĩ, mắt trông, tai nghe… Họ phải thật thà nhúng tay vào việc.").
  const paragraph = sentences.filter((s) => s.passage === best.passage && s.paragraph === best.paragraph).sort((a, b) => a.index - b.index);
  const whole = paragraph.reduce((n, s) => n + s.text.length, 0) <= LIMITS.proseChars && paragraph.every((s, i) => s.index === paragraph[0]!.index + i);
  const start = whole ? paragraph[0]! : best;
  const after = sentences
    .filter((s) => s.passage === start.passage && (s.paragraph > start.paragraph || (s.paragraph === start.paragraph && s.index > start.index)))
    .sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
  const chosen = [start];
  let length = start.text.length;
  let last = start;
  for (const next of after) {
    const sameParagraph = next.paragraph === last.paragraph && next.index === last.index + 1;
    // A paragraph that ends in ":" introduces the next; so does a short one that only sets the scene ("Thí dụ trong phong trào…").
    const introduced = next.paragraph === last.paragraph + 1 && next.index === 0 && (/:\s*$/.test(last.text) || length <= LIMITS.leadChars);
    if (!sameParagraph && !introduced) break;
    if (chosen.length >= LIMITS.items || length + next.text.length > LIMITS.proseChars) break;
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
    // The best sentence leads (its passage, rank and score stand for the candidate); the lines are read in order.
    if (prose.length > 1) return candidateOf(context, [best, ...prose.filter((s) => s !== best)], "sentences", true);
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

/**
 * For a list question: a sentence of the first passages that repeats a run of the question's words at full echo
 * (PROSE; `phraseEcho` is capped at 1, so among such sentences the best-scoring one), read on as prose. The items
 * asked for are often written inline after those words.
 */
export function echoingProse(context: AnswerContext, sentences = scoreSentences(context)): Candidate | undefined {
  if (context.intent.type !== "list") return undefined;
  const question = questionOutsideFocus(context);
  // A question that names a text is answered from that text: its title said in another one is a mention, not the list.
  const { documentNumber, year, place } = context.intent.scope;
  const named = Boolean(documentNumber || year || place);
  let best: { sentence: ScoredSentence; echo: number } | undefined;
  for (const sentence of sentences) {
    if (sentence.passage >= PROSE.ranks || (named && scopeMatch(context.intent, context.read[sentence.passage]!.passage) !== 1)) continue;
    const echo = phraseEcho(question, foldedSyllables(sentence.text), context.stats, PROSE.minRun);
    if (echo >= PROSE.echo && (!best || echo > best.echo || (echo === best.echo && sentence.score > best.sentence.score))) best = { sentence, echo };
  }
  if (!best) return undefined;
  const prose = readOn(sentences, best.sentence);
  return { ...candidateOf(context, [best.sentence, ...prose.filter((s) => s !== best.sentence)], "sentences", true), echo: best.echo };
}

/**
 * Actions laid out in order in one sentence, as written (folded, ", rồi" would be ", rời" too): "… bàn tính kỹ càng, cùng nhau chia công rõ rệt, rồi cùng nhau
 * đi giải thích …" (two actions or more, then ", rồi" or ", sau đó"), or "trước hết … sau đó / cuối cùng …".
 */
const SEQUENCE = /,[^,]+,\s*(?:rồi|sau đó|tiếp đó|tiếp theo|cuối cùng)\s|(?<!\p{L})(?:trước hết|đầu tiên|trước tiên)(?!\p{L}).*(?<!\p{L})(?:sau đó|tiếp đó|tiếp theo|cuối cùng)(?!\p{L})/u;

/**
 * For a question about steps that no list of steps answers: one of the best sentences (the first PROSE_STEPS.sentences)
 * that lays out the steps in order in prose, quoted with the rest of its paragraph as a list question's prose is.
 */
export function proseStepsRule(context: AnswerContext, sentences = scoreSentences(context)): Candidate | undefined {
  if (context.intent.type !== "steps") return undefined;
  const best = sentences.slice(0, PROSE_STEPS.sentences).find((s) => SEQUENCE.test(s.text.normalize("NFC").toLowerCase()));
  if (!best) return undefined;
  const prose = readOn(sentences, best);
  return { ...candidateOf(context, [best, ...prose.filter((s) => s !== best)], "sentences", true), typeFound: true };
}
