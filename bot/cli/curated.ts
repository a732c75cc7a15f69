import path from "node:path";
import { parseArgs } from "node:util";
import type { CuratedAnswer } from "../../src/answer/curated.ts";
import { newCuratedId, questionSimilarity, questionTerms, quoteHolds } from "../../src/answer/curated.ts";
import { CURATED } from "../../src/answer/weights.ts";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { createEmbedder } from "../../src/embed/factory.ts";
import { AppError } from "../../src/errors.ts";
import { readQuestionFile } from "../../src/eval.ts";
import { openIndex } from "../../src/index/store.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { runMain } from "../../src/run-main.ts";
import { openStateStore } from "../../src/state/open.ts";
import { collapseWhitespace } from "../../src/text/normalize.ts";
import { firstSentence } from "../../src/answer/rules/text.ts";

const USAGE = [
  "Cách dùng: npm run curated -- list",
  "           npm run curated -- add --question \"câu hỏi\" --answer \"câu trả lời\" --cite MÃ_ĐOẠN [--quote \"nguyên văn\"] [--phrasing \"cách hỏi khác\" …]",
  "           npm run curated -- remove MÃ      (mã cũ bắt đầu bằng «-»: npm run curated -- remove -- -MÃ)",
  "           npm run curated -- calibrate [--questions TỆP.jsonl …]",
].join("\n");

/** The question sets whose pairs calibrate the match threshold: two questions expecting the same text ask the same thing. */
const CALIBRATION_SETS = ["answer-train-a", "answer-train-b", "answer-train-c", "answer-train-d", "holdout", "paraphrase", "paraphrase-holdout", "typos", "misspelled", "typos-hard"]
  .map((name) => path.join("test", "fixtures", `${name}.jsonl`));

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      question: { type: "string" }, answer: { type: "string" }, cite: { type: "string", multiple: true }, quote: { type: "string", multiple: true },
      phrasing: { type: "string", multiple: true }, questions: { type: "string", multiple: true }, help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, id] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  loadDotEnv();
  const config = loadConfig();
  const store = await openStateStore(config);
  try {
    switch (command) {
      case "list": {
        const entries = await store.curatedAnswers();
        if (entries.length === 0) console.log("Chưa có câu trả lời được duyệt.");
        for (const e of entries) {
          console.log(`${e.id} · ${e.status === "active" ? "đang dùng" : `tạm ngưng (${e.reason ?? ""})`} · ${e.hits} lượt · ${e.question}`);
          for (const c of e.citations) console.log(`    [${c.chunkId}] «${c.quote}»`);
        }
        return 0;
      }
      case "remove": {
        if (!id) throw new AppError("invalid:argument", "Thiếu mã câu trả lời. Xem: npm run curated -- list");
        const removed = await store.removeCurated(id);
        console.log(removed ? `Đã xóa ${id}.` : `Không có câu trả lời ${id}.`);
        return removed ? 0 : 1;
      }
      case "add": {
        if (!values.question || !values.answer || !values.cite?.length) throw new AppError("invalid:argument", `Cần --question, --answer và ít nhất một --cite.\n${USAGE}`);
        const index = await openIndex(config.indexDir, createEmbedder(config).info);
        try {
          const passages = new Map((await index.passages(values.cite)).map((p) => [p.id, p]));
          const citations = values.cite.map((chunkId, i) => {
            const passage = passages.get(chunkId);
            if (!passage) throw new AppError("invalid:argument", `Không có đoạn ${chunkId} trong kho tài liệu (xem mã đoạn trong npm run -s ask -- --json "…").`);
            const quote = values.quote?.[i] ?? firstSentence(collapseWhitespace(passage.clean), 240);
            if (!quoteHolds(passage, quote)) throw new AppError("invalid:argument", `Đoạn ${chunkId} không có nguyên văn «${quote}».`);
            return { chunkId, quote };
          });
          const now = new Date().toISOString();
          const entry: CuratedAnswer = {
            id: newCuratedId(), question: values.question, phrasings: values.phrasing ?? [], answer: values.answer, citations,
            status: "active", hits: 0, createdBy: "cli", createdAt: now, updatedAt: now,
          };
          await store.saveCurated(entry);
          await store.audit({ at: now, actor: "cli", action: "curate", target: entry.id, detail: entry.question });
          console.log(`Đã duyệt ${entry.id}: ${entry.question}`);
          return 0;
        } finally {
          index.close();
        }
      }
      case "calibrate":
        return calibrate(config, values.questions ?? CALIBRATION_SETS);
      default:
        console.log(USAGE);
        return 2;
    }
  } finally {
    store.close();
  }
}

/**
 * Where CURATED.threshold comes from: over every pair of questions in the sets, the similarity of pairs
 * that expect the same text (the same question in other words) and of pairs that do not; for each
 * threshold, the share of same-question pairs matched and how many different-question pairs would be.
 */
async function calibrate(config: ReturnType<typeof loadConfig>, files: string[]): Promise<number> {
  const index = await openIndex(config.indexDir, createEmbedder(config).info);
  const { lexicon } = await loadLexicon(path.join(config.knowledgeDir, "lexicon.yaml"));
  try {
    const questions = (await Promise.all(files.map(readQuestionFile))).flat().flatMap((q) => ("expect" in q ? [q] : []));
    const terms = questions.map((q) => questionTerms(q.question, lexicon));
    const same: number[] = [];
    const different: number[] = [];
    for (let i = 0; i < questions.length; i++) {
      for (let j = i + 1; j < questions.length; j++) {
        const shared = questions[i]!.expect.some((e) => questions[j]!.expect.includes(e));
        (shared ? same : different).push(questionSimilarity(terms[i]!, terms[j]!, index.stats));
      }
    }
    console.log(`Cặp câu hỏi: ${same.length} cùng ý (chờ cùng một đoạn), ${different.length} khác ý; ${questions.length} câu từ ${files.length} tệp.`);
    console.log("| ngưỡng | cặp cùng ý được khớp | cặp khác ý bị khớp nhầm |\n|---|---|---|");
    for (const threshold of [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
      const mark = threshold === CURATED.threshold ? " (đang dùng)" : "";
      console.log(`| ${threshold}${mark} | ${(100 * same.filter((s) => s >= threshold).length / Math.max(1, same.length)).toFixed(1)}% | ${different.filter((s) => s >= threshold).length} |`);
    }
    return 0;
  } finally {
    index.close();
  }
}

if (import.meta.main) runMain(() => main());
