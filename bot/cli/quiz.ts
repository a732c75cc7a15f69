import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createOpenAI } from "@ai-sdk/openai";
import { stringify as toYaml } from "yaml";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { createEmbedder } from "../../src/embed/factory.ts";
import { AppError } from "../../src/errors.ts";
import { runMain } from "../../src/run-main.ts";
import { openIndex } from "../../src/index/store.ts";
import { loadQuizBank, readQuizFile } from "../../src/quiz/bank.ts";
import { checkSources, findSourcePassage } from "../../src/quiz/check.ts";
import type { DraftQuestion } from "../../src/quiz/generate.ts";
import { checkDraft, generateFromStructure, generateWithModel } from "../../src/quiz/generate.ts";
import { fold } from "../../src/text/normalize.ts";

const USAGE = `Cách dùng:
  npm run quiz -- validate TỆP.yaml        kiểm tra một ngân hàng câu hỏi (định dạng và nguồn trong chỉ mục)
  npm run quiz -- list [--tag THẺ]          liệt kê ngân hàng câu hỏi theo thẻ
  npm run quiz -- generate --count 20 [--topic "…"] --out TỆP.yaml   sinh câu hỏi từ tài liệu để người huấn luyện duyệt`;

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { count: { type: "string", default: "20" }, topic: { type: "string" }, out: { type: "string" }, tag: { type: "string" }, seed: { type: "string" } },
  });
  loadDotEnv();
  const config = loadConfig();
  const bankDir = path.join(config.knowledgeDir, "quizzes");

  if (command === "validate") {
    const file = positionals[0];
    if (!file) throw new AppError("invalid:argument", "Thiếu tên tệp. Ví dụ: npm run quiz -- validate knowledge/quizzes/co-ban.yaml");
    const questions = await readQuizFile(file);
    const index = await openIndex(config.indexDir, createEmbedder(config).info);
    try {
      const problems = await checkSources(questions, index, () => index.allPassages());
      if (problems.length > 0) {
        console.log(`${path.basename(file)}: ${questions.length} câu, ${problems.length} câu có nguồn không tìm thấy trong chỉ mục:`);
        for (const p of problems) console.log(`  - ${p.id}: ${p.problem}`);
        return 1;
      }
      console.log(`${path.basename(file)}: hợp lệ — ${questions.length} câu, mọi nguồn đều có trong chỉ mục.`);
      return 0;
    } finally {
      index.close();
    }
  }

  if (command === "list") {
    const bank = await loadQuizBank(bankDir);
    const byTag = new Map<string, typeof bank>();
    for (const q of bank) for (const tag of q.tags.length ? q.tags : ["(không thẻ)"]) byTag.set(tag, [...(byTag.get(tag) ?? []), q]);
    const wanted = values.tag ? fold(values.tag) : undefined;
    console.log(`Ngân hàng câu hỏi: ${bank.length} câu trong ${bankDir}`);
    for (const [tag, questions] of [...byTag].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (wanted && !fold(tag).includes(wanted)) continue;
      console.log(`\n${tag} (${questions.length})`);
      for (const q of questions) console.log(`  ${q.id.padEnd(24)} [${q.difficulty}] ${q.question.slice(0, 90)}`);
    }
    return 0;
  }

  if (command === "generate") {
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > 200) throw new AppError("invalid:argument", "--count phải là số từ 1 đến 200.");
    if (!values.out) throw new AppError("invalid:argument", "Thiếu --out TỆP.yaml (tệp để người huấn luyện duyệt).");
    const index = await openIndex(config.indexDir, createEmbedder(config).info);
    let drafts: DraftQuestion[];
    let rejected = 0;
    try {
      const passages = await index.allPassages();
      const seed = values.seed ? Number(values.seed) : Date.now();
      if (config.llmEnabled) {
        const model = createOpenAI({ apiKey: config.OPENAI_API_KEY!, baseURL: config.OPENAI_BASE_URL }).chat(config.LLM_MODEL);
        const topic = values.topic ? fold(values.topic) : "";
        const pool = topic ? passages.filter((p) => topic.split(/\s+/).every((w) => fold(`${p.docTitle} ${p.section} ${p.clean}`).includes(w))) : passages;
        const result = await generateWithModel(model, pool, { count, seed });
        drafts = result.kept;
        rejected = result.rejected.length;
      } else {
        drafts = generateFromStructure(passages, { count, topic: values.topic, seed });
        const checked = drafts.filter((d) => !checkDraft(d, findSourcePassage(passages, d.source)));
        rejected = drafts.length - checked.length;
        drafts = checked;
      }
    } finally {
      index.close();
    }
    const yaml = toYaml({ title: `Câu hỏi sinh tự động${values.topic ? ` — ${values.topic}` : ""} (cần người huấn luyện duyệt)`, questions: drafts }, { lineWidth: 0 });
    await writeFile(values.out, `# Sinh bởi npm run quiz -- generate. Hãy duyệt từng câu rồi chép vào knowledge/quizzes/.\n${yaml}`);
    console.log(`Đã ghi ${drafts.length} câu vào ${values.out}${rejected ? ` (loại ${rejected} bản nháp không qua kiểm tra)` : ""}.`);
    return drafts.length > 0 ? 0 : 1;
  }

  console.log(USAGE);
  return command ? 2 : 0;
}

if (import.meta.main) runMain(() => main());
