import { coverage, hasOrdinalItem } from "../../score.ts";
import { searchTokens } from "../../text/terms.ts";
import type { Candidate } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import { ITEM, ITEM_LIST_MIN, LIMITS } from "../weights.ts";
import { containment } from "../../structure/facts.ts";
import { passageText } from "../passage-text.ts";
import { scopeMatch } from "../scope.ts";
import { firstSentence, sentencesOf, shorten } from "./text.ts";

/**
 * One item asked for by its number ("bước thứ hai", "nhiệm vụ thứ ba", "Năm là"): the paragraph that
 * starts with it, in the passage whose headings and text best match the rest of the question.
 */
export async function itemRule(context: AnswerContext): Promise<Candidate | undefined> {
  const { query, stats } = context;
  if (!query.ordinal) return undefined;
  // Among the passages read, the item in the passage that covers the question best; else item n of a list the question names.
  let best: { p: number; g: number; score: number; support: number; scope: number } | undefined;
  context.read.forEach(({ passage }, p) => {
    // How much of the question the passage's title, headings, lead-in and text cover.
    const frame = coverage(query, passageText(passage).frame, stats).combined;
    context.paragraphs[p]!.forEach((paragraph, g) => {
      if (!hasOrdinalItem(query, paragraph.text)) return;
      const scope = scopeMatch(context.intent, passage);
      const score = frame + ITEM.prior * context.prior[p]! + ITEM.scope * scope;
      if (!best || score > best.score) best = { p, g, score, support: frame, scope };
    });
  });
  // A numbered part from the table only when no passage read has the item, or when it is in the document the question names and they are not.
  const table = await fromTable(context);
  if (!best || (table && table.scope > best.scope)) return table?.candidate;
  const { p, g, score, support } = best;
  const passage = context.read[p]!.passage;
  const sentences = sentencesOf(context.paragraphs[p]![g]!.text);
  const lines: string[] = [];
  for (const sentence of sentences) {
    if (lines.length >= 2 || lines.join(" ").length + sentence.length > LIMITS.answerChars) break;
    lines.push(sentence);
  }
  if (lines.length === 0) lines.push(shorten(sentences[0] ?? context.paragraphs[p]![g]!.text, LIMITS.answerChars));
  return {
    rule: "item",
    lines: lines.map((text) => ({ passage, text })),
    listed: false,
    more: 0,
    passage,
    rank: p,
    typeFound: true,
    focusMatch: undefined,
    support: Math.max(support, coverage(query, new Set(searchTokens(lines.join(" "))), stats).combined),
    score,
  };
}

/**
 * Item n of a list whose name the question repeats, from the facts table: the numbered parts of a
 * text ("nhiệm vụ, giải pháp thứ tư" → "4- Đẩy mạnh phong trào thi đua…"), which are not written "Bốn là".
 */
async function fromTable(context: AnswerContext): Promise<{ candidate: Candidate; scope: number } | undefined> {
  const n = context.query.ordinalNumber;
  if (!n) return undefined;
  const words = context.intent.wordsWithAlternatives;
  const matches = context.index.facts.bySubject((name) => containment(name, words, context.stats), ITEM_LIST_MIN, words).filter(({ fact }) => fact.items.length >= n);
  if (matches.length === 0) return undefined;
  const homes = new Map((await context.index.passages(matches.slice(0, 5).map((m) => m.fact.passageId))).map((p) => [p.id, p]));
  const scored = matches.slice(0, 5).map((m) => {
    const home = homes.get(m.fact.passageId);
    const scope = home ? scopeMatch(context.intent, home) : 0;
    return { ...m, scope, score: m.match + ITEM.scope * scope };
  });
  const match = scored.sort((a, b) => b.score - a.score)[0]!;
  const passageId = match.fact.itemPassages?.[n - 1] ?? match.fact.passageId;
  const passage = await context.index.passage(passageId);
  if (!passage) return undefined;
  const text = firstSentence(match.fact.items[n - 1]!, LIMITS.answerChars);
  const candidate: Candidate = {
    rule: "item",
    lines: [{ passage, text }],
    listed: false,
    more: 0,
    passage,
    rank: context.read.findIndex((r) => r.passage.id === passage.id),
    typeFound: true,
    focusMatch: match.match,
    support: coverage(context.query, new Set(searchTokens(`${match.fact.headings.join(" ")} ${text}`)), context.stats).combined,
    score: match.score,
  };
  return { candidate, scope: match.scope };
}
