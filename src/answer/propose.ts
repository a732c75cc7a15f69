import type { Candidate, RuleName } from "./candidate.ts";
import type { AnswerContext } from "./context.ts";
import type { ScoredSentence } from "./evidence.ts";
import type { QuestionType } from "./question.ts";
import { headingRule } from "./rules/heading.ts";
import { itemRule } from "./rules/item.ts";
import { listRule } from "./rules/list.ts";
import { definitionRule, echoingProse, proseStepsRule, sentencesRule } from "./rules/sentences.ts";
import { whoDutyRule } from "./rules/who.ts";
import { signerRule } from "./rules/signer.ts";
import { HEADING, LIST } from "./weights.ts";

type Rule = { name: RuleName | "list"; run: (context: AnswerContext, sentences: ScoredSentence[]) => Candidate | undefined | Promise<Candidate | undefined> };

const item: Rule = { name: "item", run: itemRule };
const list: Rule = { name: "list", run: (context) => listRule(context) };
/** "mấy nội dung trọng tâm", a number asked of a list's items: the list introduced as those items, when one is read. */
const countedList: Rule = { name: "list", run: (context) => (context.intent.countedNoun ? listRule(context, true) : undefined) };
const who: Rule = { name: "who-duty", run: whoDutyRule };
const signer: Rule = { name: "signer", run: signerRule };
const heading: Rule = { name: "heading", run: headingRule };
const definition: Rule = { name: "definition", run: definitionRule };
const sentences: Rule = { name: "sentences", run: sentencesRule };

/** Which rules answer which type of question, tried in order; the sentences rule always answers. */
const RULES_BY_TYPE: Record<QuestionType, Rule[]> = {
  item: [item, heading, sentences],
  list: [list, heading, sentences],
  steps: [list, heading, sentences],
  who: [signer, heading, who, sentences],
  definition: [heading, definition, sentences],
  number: [countedList, sentences],
  date: [sentences],
  yesno: [heading, sentences],
  howwhy: [heading, sentences],
  fact: [heading, sentences],
};

/**
 * A list is accepted when it is the named actor's own, or, when the question names no actor (or asks
 * for steps), when it sits in one of the first two passages: a list further down answers some other question.
 */
function accepted(candidate: Candidate): boolean {
  if (!candidate.listed || candidate.rule === "heading" || candidate.rule === "who-duty") return true;
  // A list of the length the question states, among the passages retrieved first or named by the focus.
  if (candidate.counted && candidate.rank >= 0 && candidate.rank <= 2) return true;
  // A procedure's steps among the first two passages, or in the document the question names, for a
  // question about steps: a procedure is not an actor, so words the question puts where an actor would be
  // ("rồi lần lượt làm…") do not decline it.
  if (candidate.rule === "steps" && ((candidate.rank >= 0 && candidate.rank <= 1) || candidate.inNamedDocument)) return true;
  if (candidate.focusMatch !== undefined) return candidate.focusMatch >= LIST.focusMin;
  // A list in the document the question names, among the passages read: the document says which list.
  if (candidate.inNamedDocument && candidate.rank >= 0) return true;
  return candidate.rank >= 0 && candidate.rank <= 1;
}

export type RuleAttempt = { rule: string; outcome: "answered" | "declined" | "no match" };

export async function proposeAnswer(context: AnswerContext, scored: ScoredSentence[]): Promise<{ candidate: Candidate | undefined; rules: RuleAttempt[] }> {
  const rules: RuleAttempt[] = [];
  // Each rule runs at most once per question.
  const results = new Map<Rule, Promise<Candidate | undefined>>();
  const run = (rule: Rule) => {
    if (!results.has(rule)) results.set(rule, Promise.resolve(rule.run(context, scored)));
    return results.get(rule)!;
  };
  // A list question whose words are exactly a heading ("Mục tiêu của nghị quyết là gì" → "1- Mục tiêu")
  // is answered by that section, unless a list belongs squarely to the actor it names.
  if (context.intent.type === "list" || context.intent.type === "steps") {
    const byHeading = await run(heading);
    if (byHeading && (byHeading.focusMatch ?? 0) >= 0.99) {
      const byList = await run(list);
      // …or one of as many items as the question says, or the steps a question about steps asks for.
      const listNamed = byList && (byList.counted || (context.intent.type === "steps" && byList.typeFound) || (byList.focusMatch ?? 0) >= HEADING.overList);
      if (!byList || !accepted(byList) || !listNamed) {
        rules.push({ rule: "heading", outcome: "answered" });
        return { candidate: byHeading, rules };
      }
    }
  }
  for (const rule of RULES_BY_TYPE[context.intent.type]) {
    const candidate = await run(rule);
    if (!candidate) {
      rules.push({ rule: rule.name, outcome: "no match" });
      continue;
    }
    if (!accepted(candidate)) {
      rules.push({ rule: candidate.rule, outcome: "declined" });
      continue;
    }
    // Steps asked for, and the list found is not a procedure's: steps laid out in a sentence answer instead.
    if (context.intent.type === "steps" && candidate.listed && !candidate.typeFound) {
      const prose = proseStepsRule(context, scored);
      if (prose) {
        rules.push({ rule: candidate.rule, outcome: "declined" }, { rule: "sentences", outcome: "answered" });
        return { candidate: prose, rules };
      }
    }
    // A list the question names by no actor, count or document, whose frame repeats less of the question than a
    // sentence of the first passages does: that sentence and its prose hold the items asked for.
    if (candidate.rule === "list" && !candidate.counted && !candidate.inNamedDocument) {
      const prose = echoingProse(context, scored);
      if (prose && (prose.echo ?? 0) > (candidate.echo ?? 0)) {
        rules.push({ rule: candidate.rule, outcome: "declined" }, { rule: "sentences", outcome: "answered" });
        return { candidate: prose, rules };
      }
    }
    rules.push({ rule: candidate.rule, outcome: "answered" });
    return { candidate, rules };
  }
  return { candidate: undefined, rules };
}
