import { coverage } from "../../score.ts";
import { withoutOutlineNumber } from "../../text/drafting.ts";
import { searchTokens } from "../../text/terms.ts";
import type { Candidate } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import { LIMITS, WHO_DUTY_MIN } from "../weights.ts";
import { firstSentence } from "./text.ts";

/**
 * "Ai chịu trách nhiệm Y?": Y looked up among the duties of every actor in the facts table; the answer
 * names the actor (the heading of its list) and quotes the item that states Y.
 */
export async function whoDutyRule(context: AnswerContext): Promise<Candidate | undefined> {
  const { intent, query, stats } = context;
  if (intent.type !== "who" || intent.duty.length === 0) return undefined;
  const [match] = context.index.facts.byDuty(intent.duty, stats, WHO_DUTY_MIN);
  if (!match) return undefined;
  const id = match.fact.itemPassages?.[match.item] ?? match.fact.passageId;
  const rank = context.read.findIndex((r) => r.passage.id === id);
  const passage = rank >= 0 ? context.read[rank]!.passage : await context.index.passage(id);
  if (!passage) return undefined;
  const item = firstSentence(match.fact.items[match.item]!, LIMITS.answerChars);
  const actor = withoutOutlineNumber(match.fact.subject);
  return {
    rule: "who-duty",
    lead: { passage, text: `${actor.charAt(0).toUpperCase()}${actor.slice(1)}:` },
    lines: [{ passage, text: item }],
    listed: true,
    more: 0,
    passage,
    rank,
    typeFound: true,
    focusMatch: undefined,
    support: coverage(query, new Set(searchTokens(`${match.fact.subject} ${item}`)), stats).combined,
    score: match.match,
  };
}
