import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Config } from "../../src/config.ts";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { AppError } from "../../src/errors.ts";
import { runMain } from "../../src/run-main.ts";
import type { AnswerResult } from "../../src/answer/types.ts";
import type { AnswerOptions } from "../../src/answer/answer.ts";
import { ISSUER_LEVELS } from "../../src/documents/level.ts";
import { openStateStore } from "../../src/state/open.ts";
import { curatedSourceOf } from "../../src/state/curated-source.ts";
import type { Knowledge } from "../compose.ts";
import { openKnowledge } from "../compose.ts";
import { renderAnswerText, renderExplanation } from "./render.ts";

const batchLineSchema = z.object({ id: z.union([z.string(), z.number()]), question: z.string() }).passthrough();

/** The `--json` shape: a stable contract for other tools. */
export function toJson(question: string, result: AnswerResult, ms: number) {
  return {
    question,
    answer: result.answer,
    abstained: result.abstained,
    grade: result.grade,
    confidence: result.confidence,
    citations: result.citations.map(({ n, chunkId, docTitle, docNumber, section, quote, label, alsoIn, validity }) => ({ n, chunkId, docTitle, docNumber, section, quote, label, alsoIn, ...(validity ? { validity } : {}) })),
    passages: result.passages.map(({ rank, chunkId, docTitle, docNumber, section, text, score }) => ({ rank, chunkId, docTitle, docNumber, section, text, score })),
    ms: Math.round(ms * 10) / 10,
  };
}

type AskOptions = AnswerOptions & { k: number };

async function timed(knowledge: Knowledge, question: string, options: AskOptions) {
  const started = performance.now();
  const result = await knowledge.answer(question, options);
  return { result, ms: performance.now() - started };
}

async function runBatch(knowledge: Knowledge, file: string, k: AskOptions): Promise<void> {
  const lines = (await readFile(file, "utf8")).split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let parsed;
    try {
      parsed = batchLineSchema.parse(JSON.parse(line));
    } catch {
      throw new AppError("invalid:batch", `${file}, dòng ${i + 1}: cần một đối tượng JSON có "id" và "question".`, { file, line: i + 1 });
    }
    const { result, ms } = await timed(knowledge, parsed.question, k);
    console.log(JSON.stringify({ id: parsed.id, ...toJson(parsed.question, result, ms) }));
  }
}

/** Interactive questions on a terminal; used by `npm start` when no chat channel is configured. */
export async function repl(knowledge: Knowledge, k: AskOptions | number): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  console.log("Trợ lý Dân vận — gõ câu hỏi rồi Enter (gõ «thoát» hoặc Ctrl+D để dừng).");
  try {
    while (true) {
      const question = (await rl.question("\nHỏi: ").catch(() => null))?.trim();
      if (question === undefined || question === null || /^(thoát|thoat|exit|quit)$/i.test(question)) break;
      if (!question) continue;
      const { result } = await timed(knowledge, question, typeof k === "number" ? { k } : k);
      console.log(`\n${renderAnswerText(result)}`);
    }
  } finally {
    rl.close();
  }
}

export async function main(argv = process.argv.slice(2), config?: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      batch: { type: "string" },
      k: { type: "string" },
      explain: { type: "boolean", default: false },
      level: { type: "string" },
      "in-force-only": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log('Cách dùng: npm run ask -- [--k N] [--json] [--explain] [--level trung-uong|tinh|huyen|xa] [--in-force-only] "câu hỏi"\n          npm run -s ask -- --json --batch TỆP.jsonl');
    return 0;
  }
  if (!config) loadDotEnv();
  const settings = config ?? loadConfig();
  const k = values.k === undefined ? settings.ANSWER_TOP_K : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new AppError("invalid:argument", "--k phải là số nguyên từ 1 đến 50.");
  const level = values.level === undefined ? undefined : z.enum(ISSUER_LEVELS).safeParse(values.level);
  if (level && !level.success) throw new AppError("invalid:argument", `--level phải là một trong: ${ISSUER_LEVELS.join(", ")}.`);
  const options: AskOptions = { k, ...(level?.data ? { level: level.data } : {}), ...(values["in-force-only"] ? { inForceOnly: true } : {}) };
  // Curated answers (approved by admins, in the state store) are served here as on every channel.
  const store = await openStateStore(settings);
  const knowledge = await openKnowledge(settings, undefined, curatedSourceOf(store)).catch((error: unknown) => {
    store.close();
    throw error;
  });
  try {
    if (values.batch) {
      await runBatch(knowledge, values.batch, options);
      return 0;
    }
    const question = positionals.join(" ").trim();
    if (!question) {
      if (values.json) throw new AppError("invalid:argument", 'Thiếu câu hỏi. Ví dụ: npm run -s ask -- --json "Dân vận là gì?"');
      await repl(knowledge, options);
      return 0;
    }
    const { result, ms } = await timed(knowledge, question, options);
    if (values.json) console.log(JSON.stringify(values.explain ? { ...toJson(question, result, ms), explain: result.explain } : toJson(question, result, ms)));
    else console.log(values.explain ? `${renderAnswerText(result)}\n\n${renderExplanation(result)}` : renderAnswerText(result));
    return 0;
  } finally {
    knowledge.close();
    store.close();
  }
}

if (import.meta.main) runMain(() => main());
