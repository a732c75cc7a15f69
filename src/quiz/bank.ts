import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AppError } from "../errors.ts";

/**
 * A quiz bank is data: `knowledge/quizzes/*.yaml`. Each question has 2–10 options, the right one
 * (1-based number or letter A–J), an explanation, its source (document title and heading path, with an
 * optional verbatim quote), tags and difficulty.
 */
/** Option letters, A for the first option: how answers are written in the bank and shown to users. */
export const LETTERS = "ABCDEFGHIJ";

export const quizSourceSchema = z.object({
  document: z.string().min(1, "cần tên văn bản nguồn"),
  section: z.string().default(""),
  quote: z.string().optional(),
});

export const quizQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, "id chỉ gồm chữ thường không dấu, số và dấu gạch (tối đa 41 ký tự)"),
    question: z.string().min(5, "câu hỏi quá ngắn").max(1000),
    options: z.array(z.string().min(1, "phương án rỗng").max(500)).min(2, "cần ít nhất 2 phương án").max(10, "tối đa 10 phương án"),
    answer: z.union([z.number().int(), z.string()]),
    explanation: z.string().min(1, "cần lời giải thích").max(1500),
    source: quizSourceSchema,
    tags: z.array(z.string().min(1)).default([]),
    difficulty: z.enum(["dễ", "trung bình", "khó"]).default("trung bình"),
  })
  .transform((q, ctx) => {
    const raw = typeof q.answer === "string" ? q.answer.trim().toUpperCase() : q.answer;
    const index = typeof raw === "number" ? raw - 1 : /^\d+$/.test(raw) ? Number(raw) - 1 : LETTERS.indexOf(raw);
    if (index < 0 || index >= q.options.length) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: `đáp án phải là số từ 1 đến ${q.options.length} hoặc chữ A–${LETTERS[q.options.length - 1]}` });
      return z.NEVER;
    }
    const seen = new Set<string>();
    for (const option of q.options) {
      const key = option.trim().toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["options"], message: `phương án trùng nhau: «${option}»` });
      seen.add(key);
    }
    const { answer: _answer, ...rest } = q;
    return { ...rest, correct: index };
  });

export type QuizQuestion = z.infer<typeof quizQuestionSchema> & { bank: string };

export const quizFileSchema = z.object({
  title: z.string().min(1).optional(),
  questions: z.array(quizQuestionSchema).min(1, "tệp không có câu hỏi nào"),
});

/** Reads and validates one bank file; every error names the file, the question and the field. */
export async function readQuizFile(file: string): Promise<QuizQuestion[]> {
  let data: unknown;
  try {
    data = parseYaml(await readFile(file, "utf8"));
  } catch (error) {
    throw new AppError("invalid:quiz_file", `${path.basename(file)}: không đọc được YAML (${(error as Error).message.split("\n")[0]})`, { file });
  }
  const parsed = quizFileSchema.safeParse(data);
  if (!parsed.success) {
    const raw = (data ?? {}) as { questions?: Array<{ id?: string }> };
    const problems = parsed.error.issues.map((issue) => {
      const [, index, ...field] = issue.path;
      const id = typeof index === "number" ? raw.questions?.[index]?.id : undefined;
      const where = typeof index === "number" ? `câu ${index + 1}${id ? ` (${id})` : ""}` : "tệp";
      return `${where}${field.length ? `, trường ${field.join(".")}` : ""}: ${issue.message}`;
    });
    throw new AppError("invalid:quiz_file", `${path.basename(file)}: ${problems.join("; ")}`, { file, problems });
  }
  const bank = path.basename(file).replace(/\.(ya?ml|json)$/i, "");
  return parsed.data.questions.map((q) => ({ ...q, bank }));
}

/** All bank files of a folder. Duplicate ids across files are an error. */
export async function loadQuizBank(dir: string): Promise<QuizQuestion[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
  } catch {
    return [];
  }
  const all: QuizQuestion[] = [];
  for (const name of names) all.push(...(await readQuizFile(path.join(dir, name))));
  const ids = new Map<string, string>();
  for (const q of all) {
    const other = ids.get(q.id);
    if (other) throw new AppError("invalid:quiz_file", `Mã câu hỏi «${q.id}» bị trùng giữa ${other} và ${q.bank}.`, { id: q.id });
    ids.set(q.id, q.bank);
  }
  return all;
}
