import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Example } from "../../src/answer/fit.ts";
import { chooseThresholds, crossValidated, fitLogistic } from "../../src/answer/fit.ts";
import { FEATURE_NAMES } from "../../src/answer/answerability.ts";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { readQuestionFile } from "../../src/eval.ts";
import { runMain } from "../../src/run-main.ts";
import { normalizeForMatch } from "../../src/text/normalize.ts";
import { openKnowledge } from "../compose.ts";

/** The training sets: written from the documents for fitting, never reported on. */
export const TRAINING_SETS = ["test/fixtures/answer-train-a.jsonl", "test/fixtures/answer-train-b.jsonl"];
const MODEL_FILE = path.join(import.meta.dirname, "../../src/answer/answerability-model.ts");

function modelSource(model: ReturnType<typeof fitLogistic> & { thresholds: { answer: number; related: number } }, note: string): string {
  const weights = FEATURE_NAMES.map((name) => `    ${name}: ${model.weights[name]},`).join("\n");
  return `import type { FeatureName } from "./answerability.ts";

/**
 * The fitted answerability model. Written by \`npm run fit -- --write\` (bot/cli/fit.ts) from the
 * training questions (${TRAINING_SETS.join(", ")}); refit rather than edit by hand.
 * Thresholds: "answer" at or above \`answer\`, "related" at or above \`related\`, else "none".
 * ${note}
 */
export type AnswerabilityModel = {
  bias: number;
  weights: Record<FeatureName, number>;
  thresholds: { answer: number; related: number };
};

export const ANSWERABILITY: AnswerabilityModel = {
  bias: ${model.bias},
  weights: {
${weights}
  },
  thresholds: { answer: ${model.thresholds.answer}, related: ${model.thresholds.related} },
};
`;
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { questions: { type: "string", multiple: true }, write: { type: "boolean", default: false }, verbose: { type: "boolean", short: "v", default: false } } });
  loadDotEnv();
  const files = values.questions ?? TRAINING_SETS;
  const questions = (await Promise.all(files.map(readQuestionFile))).flat();
  const knowledge = await openKnowledge(loadConfig());
  const examples: Example[] = [];
  try {
    for (const question of questions) {
      const result = await knowledge.answer(question.question, { k: 5 });
      if (!result.explain) continue;
      const answerable = !("unanswerable" in question);
      let right = false;
      if (answerable && result.explain.candidate) {
        const expected = question.expect.map(normalizeForMatch);
        const cited = new Set(result.explain.candidate.citedIds);
        const texts = await Promise.all([...cited].map((id) => knowledge.index.passage(id)));
        right = texts.some((p) => p && expected.some((e) => normalizeForMatch(p.text).includes(e)));
      }
      examples.push({ features: result.explain.features, right, answerable });
      if (values.verbose) console.log(`${question.id}\t${answerable ? (right ? "đúng" : "sai") : "—"}\t${result.explain.intent.type}\t${result.explain.candidate?.rule ?? "-"}\t${result.explain.probability}`);
    }
  } finally {
    knowledge.close();
  }
  const held = crossValidated(examples);
  const thresholds = chooseThresholds(examples, held);
  const model = { ...fitLogistic(examples), thresholds };
  const count = (test: (e: Example, p: number) => boolean) => examples.filter((e, i) => test(e, held[i]!)).length;
  const answerable = examples.filter((e) => e.answerable).length;
  const lines = [
    `${examples.length} câu (${answerable} có đáp án, ${examples.length - answerable} không); đề xuất đúng đoạn: ${examples.filter((e) => e.right).length}`,
    `Kiểm tra chéo 5 phần, ngưỡng trả lời ${thresholds.answer}, liên quan ${thresholds.related}:`,
    `  có đáp án: trả lời đúng ${count((e, p) => e.right && p >= thresholds.answer)}, trả lời sai ${count((e, p) => e.answerable && !e.right && p >= thresholds.answer)}, liên quan ${count((e, p) => e.answerable && p >= thresholds.related && p < thresholds.answer)}, báo không có ${count((e, p) => e.answerable && p < thresholds.related)}`,
    `  không có đáp án: báo không có ${count((e, p) => !e.answerable && p < thresholds.related)}, liên quan ${count((e, p) => !e.answerable && p >= thresholds.related && p < thresholds.answer)}, trả lời ${count((e, p) => !e.answerable && p >= thresholds.answer)}`,
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
