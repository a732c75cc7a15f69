import { coverage } from "../../score.ts";
import { HEADING_PATTERNS, withoutOutlineNumber } from "../../text/drafting.ts";
import { fold, foldedSyllables } from "../../text/normalize.ts";
import { isFunctionWord, searchTokens } from "../../text/terms.ts";
import type { Candidate, QuotedLine } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import { holdsAnswerType } from "../evidence.ts";
import { isHeadingLike } from "../../structure/blocks.ts";
import { passageText } from "../passage-text.ts";
import { HEADING, LIMITS } from "../weights.ts";
import { firstSentence, sentencesOf } from "./text.ts";

/**
 * A heading that asks the question ("II - DÂN VẬN LÀ GÌ ?", "1- Mục tiêu", "e. Ai làm công tác dân
 * vận hiệu quả nhất") is answered by what follows it, even when that text repeats none of the
 * question's words. The heading must be mostly the question's own words, and together with its
 * document and parent headings cover most of the question ("2. Thủ trưởng cơ quan" alone does not
 * answer what the head of the agency owes the people's inspection board).
 */

const isHeading = (text: string) => isHeadingLike(text) || HEADING_PATTERNS.some(([kind, pattern]) => kind !== "item" && kind !== "label" && pattern.test(text) && text.length <= 160);

export function headingRule(context: AnswerContext): Candidate | undefined {
  const { query, intent, stats } = context;
  const asked = new Set(intent.words);
  let best: { p: number; g: number; text: string; precision: number; recall: number; score: number } | undefined;
  const paragraphsOf = (p: number) => context.paragraphs[p] ?? passageText(context.ranked[p]!.passage).paragraphs;
  context.ranked.forEach(({ passage }, p) => {
    const paragraphs = paragraphsOf(p);
    const identity = `${passage.docKind} ${passage.docTitle} ${passage.docIssuer} ${passage.docNumber} ${passage.docDate.slice(0, 4)}`;
    const leaf = passage.headings.at(-1) ?? "";
    const inText = paragraphs.map((x, g) => ({ text: x.text, g })).filter((x) => isHeading(x.text));
    // The passage's own heading may sit above its text (a continuation): then its opening is the passage's start.
    const headings = inText.some((h) => fold(h.text).startsWith(fold(leaf).slice(0, 12))) || !leaf ? inText : [{ text: leaf, g: -1 }, ...inText];
    for (const heading of headings) {
      const words = foldedSyllables(withoutOutlineNumber(heading.text)).filter((w) => !isFunctionWord(w));
      if (words.length < 2) continue;
      const precision = words.filter((w) => asked.has(w)).length / words.length;
      const recall = coverage(query, new Set(searchTokens(`${identity} ${passage.section} ${heading.text}`)), stats).concepts;
      if (precision < HEADING.precision || recall < HEADING.recall) continue;
      const score = precision + recall + 0.5 * context.prior[p]!;
      if (!best || score > best.score) best = { p, g: heading.g, text: heading.text, precision, recall, score };
    }
  });
  if (!best) return undefined;
  const { p, g } = best;
  const passage = context.ranked[p]!.passage;
  const body = paragraphsOf(p).slice(g + 1);
  const next = body.findIndex((x) => isHeading(x.text));
  const section = next === -1 ? body : body.slice(0, next);
  const wantsList = intent.type === "list" || intent.type === "steps";
  let lines: QuotedLine[];
  let listed = false;
  const within = g >= 0 ? best.text : undefined;
  let lead: QuotedLine | undefined;
  if (wantsList && section.length >= 2) {
    lines = section.slice(0, LIMITS.items).map((x) => ({ passage, text: firstSentence(x.text, LIMITS.itemChars) }));
    lead = { passage, text: `${withoutOutlineNumber(best.text).replace(/[:?]?\s*$/, "")}:`, ...(within ? { within } : {}) };
    listed = true;
  } else {
    lines = [];
    let length = 0;
    for (const sentence of section.flatMap((x) => sentencesOf(x.text))) {
      if (lines.length >= LIMITS.sentences || (lines.length > 0 && length + sentence.length > LIMITS.answerChars)) break;
      lines.push({ passage, text: sentence, ...(within ? { within } : {}) });
      length += sentence.length;
    }
  }
  if (lines.length === 0) return undefined;
  // "… là đồng chí nào?" asks for a person's name: a section that names nobody does not answer it ("Lưu: VPTU.").
  if (intent.type === "who" && intent.person && !lines.some((line) => holdsAnswerType(intent, line.text))) return undefined;
  return {
    rule: "heading",
    ...(lead ? { lead } : {}),
    lines,
    listed,
    more: listed ? Math.max(0, section.length - lines.length) : 0,
    passage,
    rank: p,
    typeFound: !wantsList || listed,
    // How much the heading is the question's own words: a heading that asks the question matches it fully.
    focusMatch: best.precision,
    support: best.recall,
    score: best.score,
  };
}
