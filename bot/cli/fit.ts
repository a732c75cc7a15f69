import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Example } from "../../src/answer/fit.ts";
import { chooseThresholds, crossValidated, fitModels } from "../../src/answer/fit.ts";
import type { LogisticModel } from "../../src/answer/answerability.ts";
import { FEATURE_NAMES, gradeOf } from "../../src/answer/answerability.ts";
import type { AnswerabilityModel } from "../../src/answer/answerability-model.ts";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { readQuestionFile } from "../../src/eval.ts";
import { runMain } from "../../src/run-main.ts";
import { openKnowledge } from "../compose.ts";
import { judgeCandidates, TRAINING_SETS } from "./training.ts";

const MODEL_FILE = path.join(import.meta.dirname, "../../src/answer/answerability-model.ts");

function modelSource(model: AnswerabilityModel, note: string): string {
  const logisticSource = (m: LogisticModel) => `{\n    bias: ${m.bias},\n    weights: {\n${FEATURE_NAMES.map((name) => `      ${name}: ${m.weights[name]},`).join("\n")}\n    },\n  }`;
  return `import type { LogisticModel } from "./features.ts";

/**
 * The fitted answerability models. Written by \`npm run fit -- --write\` (bot/cli/fit.ts) from the
 * training questions (${TRAINING_SETS.join(", ")}); refit rather than edit by hand.
 * ${note}
 */
export type AnswerabilityModel = {
  /** Do the documents cover the question? (answerable against unanswerable questions) */
  covered: LogisticModel;
  /** Is the proposed answer right? (its passage holds the answer) */
  right: LogisticModel;
  /** "none" below \`covered\`; otherwise "answer" at or above \`answer\`, else "related". */
  thresholds: { covered: number; answer: number };
};

export const ANSWERABILITY: AnswerabilityModel = {
  covered: ${logisticSource(model.covered)},
  right: ${logisticSource(model.right)},
  thresholds: { covered: ${model.thresholds.covered}, answer: ${model.thresholds.answer} },
};
`;
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { "max-wrong": { type: "string", default: "0.15" }, "max-refused": { type: "string", default: "0.04" }, questions: { type: "string", multiple: true }, write: { type: "boolean", default: false }, verbose: { type: "boolean", short: "v", default: false } } });
  loadDotEnv();
  const files = values.questions ?? TRAINING_SETS;
  const questions = (await Promise.all(files.map(readQuestionFile))).flat();
  const knowledge = await openKnowledge(loadConfig());
  let examples: Example[];
  try {
    const outcomes = await judgeCandidates(knowledge, questions);
    examples = outcomes.flatMap((o) => (o.result.explain ? [{ features: o.result.explain.features, right: o.right, answerable: o.answerable }] : []));
    if (values.verbose) {
      for (const o of outcomes) console.log(`${o.question.id}\t${o.answerable ? (o.right ? "đúng" : "sai") : "—"}\t${o.result.explain?.intent.type}\t${o.result.explain?.candidate?.rule ?? "-"}\t${o.result.explain?.covered}\t${o.result.explain?.right}`);
    }
  } finally {
    knowledge.close();
  }
  const held = crossValidated(examples);
  const thresholds = chooseThresholds(examples, held, { maxRefused: Number(values["max-refused"]), maxWrong: Number(values["max-wrong"]) });
  const model: AnswerabilityModel = { ...fitModels(examples), thresholds };
  const grades = held.map((s) => gradeOf(s, model));
  const count = (test: (e: Example, grade: string) => boolean) => examples.filter((e, i) => test(e, grades[i]!)).length;
  const answerable = examples.filter((e) => e.answerable).length;
  const lines = [
    `${examples.length} câu (${answerable} có đáp án, ${examples.length - answerable} không); đề xuất đúng đoạn: ${examples.filter((e) => e.right).length}`,
    `Kiểm tra chéo 5 phần, ngưỡng đề cập ${thresholds.covered}, trả lời ${thresholds.answer}:`,
    `  có đáp án: trả lời đúng ${count((e, g) => e.right && g === "answer")}, trả lời sai ${count((e, g) => e.answerable && !e.right && g === "answer")}, liên quan ${count((e, g) => e.answerable && g === "related")}, báo không có ${count((e, g) => e.answerable && g === "none")}`,
    `  không có đáp án: báo không có ${count((e, g) => !e.answerable && g === "none")}, liên quan ${count((e, g) => !e.answerable && g === "related")}, trả lời ${count((e, g) => !e.answerable && g === "answer")}`,
  ];
  console.log(lines.join("\n"));
  console.log(JSON.stringify(model, null, 2));
  if (values.write) {
    const note = `Fitted on ${examples.length} questions (${answerable} answerable); 5-fold cross-validated: ${lines.slice(2).map((l) => l.trim()).join("; ")}.`;
    await writeFile(MODEL_FILE, modelSource(model, note));
    console.log(`Đã ghi ${path.relative(process.cwd(), MODEL_FILE)}`);
  }
  return 0;
}

if (import.meta.main) runMain(() => main());
