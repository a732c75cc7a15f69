import { parseArgs } from "node:util";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { AppError } from "../../src/errors.ts";
import { runMain } from "../../src/run-main.ts";
import type { EvalSummary } from "../../src/eval.ts";
import { evaluate, readQuestionFile } from "../../src/eval.ts";
import { openKnowledge } from "../compose.ts";

function printSummary(summary: EvalSummary, file: string): void {
  const rows: Array<[string, string]> = [
    ["Câu hỏi (có đáp án / không có)", `${summary.answerable} / ${summary.unanswerable}`],
    [`recall@${summary.k}`, summary.recallAtK.toFixed(3)],
    ["MRR", summary.mrr.toFixed(3)],
    ["Trích dẫn đúng đoạn", summary.citationHitRate.toFixed(3)],
    ["Đúng mục (section)", summary.sectionAccuracy === null ? "—" : summary.sectionAccuracy.toFixed(3)],
    ["Độ chính xác từ chối", summary.abstainAccuracy.toFixed(3)],
    ["Câu không có đáp án đã từ chối", `${summary.unanswerableAbstained}/${summary.unanswerable}`],
    ["Câu có đáp án bị từ chối nhầm", `${summary.answerableWronglyAbstained}/${summary.answerable}`],
    ["Độ trễ p50 / p95", `${summary.latencyP50.toFixed(1)} / ${summary.latencyP95.toFixed(1)} ms`],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  console.log(`Đánh giá ${file}`);
  for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${value}`);
  const misses = summary.outcomes.filter((o) => (o.answerable && (o.hitRank === 0 || o.abstained)) || (!o.answerable && !o.abstained));
  if (misses.length) {
    console.log("\nCâu cần xem lại:");
    for (const o of misses) console.log(`  - ${o.id}: ${o.answerable ? (o.abstained ? "từ chối nhầm" : "không tìm thấy đoạn đúng") : "lẽ ra phải từ chối"}`);
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      questions: { type: "string" },
      k: { type: "string", default: "5" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || !values.questions) {
    console.log("Cách dùng: npm run eval -- --questions TỆP.jsonl [--k 5] [--json]");
    return values.help ? 0 : 2;
  }
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new AppError("invalid:argument", "--k phải là số nguyên từ 1 đến 50.");
  loadDotEnv();
  const questions = await readQuestionFile(values.questions);
  const knowledge = await openKnowledge(loadConfig());
  try {
    const summary = await evaluate(knowledge.answer, questions, k);
    if (values.json) console.log(JSON.stringify(summary));
    else printSummary(summary, values.questions);
    return 0;
  } finally {
    knowledge.close();
  }
}

if (import.meta.main) runMain(() => main());
