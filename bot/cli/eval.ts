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
    ["Trả lời đúng đoạn (mức «trả lời»)", `${summary.answeredRight}/${summary.answerable}`],
    ["Câu có đáp án bị báo «không có»", `${summary.answerableRefused}/${summary.answerable}`],
    ["Câu có đáp án không khẳng định (liên quan + không có)", `${summary.answerableWronglyAbstained}/${summary.answerable}`],
    ["Câu không có đáp án: báo «không có»", `${summary.unanswerableRefused}/${summary.unanswerable}`],
    ["Câu không có đáp án: không khẳng định", `${summary.unanswerableAbstained}/${summary.unanswerable}`],
    ["Câu hỏi danh sách: tỉ lệ ý có trong câu trả lời", summary.listItemShare === null ? "—" : summary.listItemShare.toFixed(3)],
    ["Số liệu / ngày / ai: trích đúng câu", summary.quoteQuestions ? `${summary.quoteHits}/${summary.quoteQuestions}` : "—"],
    ["Độ chính xác từ chối", summary.abstainAccuracy.toFixed(3)],
    ["Độ trễ p50 / p95", `${summary.latencyP50.toFixed(1)} / ${summary.latencyP95.toFixed(1)} ms`],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  console.log(`Đánh giá ${file}`);
  for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${value}`);
  const why = (o: EvalSummary["outcomes"][number]): string | undefined => {
    if (!o.answerable) return o.abstained ? undefined : "lẽ ra phải từ chối";
    if (o.hitRank === 0) return "không tìm thấy đoạn đúng";
    if (o.grade === "none") return "báo «không có» nhầm";
    if (o.grade === "related") return o.citationHit ? "chỉ nêu đoạn liên quan" : "đoạn liên quan, thiếu đoạn đúng";
    if (!o.citationHit) return "trả lời từ đoạn khác";
    if (o.itemShare !== undefined && o.itemShare < 0.8) return `thiếu ý (${Math.round(o.itemShare * 100)}%)`;
    if (o.quoteOk === false) return "không trích câu mang đáp án";
    return undefined;
  };
  const misses = summary.outcomes.map((o) => ({ o, reason: why(o) })).filter((x) => x.reason);
  if (misses.length) {
    console.log("\nCâu cần xem lại:");
    for (const { o, reason } of misses) console.log(`  - ${o.id}${o.type ? ` (${o.type})` : ""}: ${reason}`);
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
    const summary = await evaluate(knowledge.answer, questions, k, async (id) => (await knowledge.index.passage(id))?.text);
    if (values.json) console.log(JSON.stringify(summary));
    else printSummary(summary, values.questions);
    return 0;
  } finally {
    knowledge.close();
  }
}

if (import.meta.main) runMain(() => main());
