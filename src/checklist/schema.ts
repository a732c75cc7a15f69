import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AppError } from "../errors.ts";

/** A guided checklist is data: knowledge/checklists/*.yaml. A new file works without code changes. */
const sourceSchema = z.object({ document: z.string().min(1), section: z.string().default(""), quote: z.string().optional() });

export const fieldSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/, "id trường chỉ gồm chữ thường không dấu, số và _"),
  label: z.string().min(1),
  type: z.enum(["text", "choice", "date", "person", "number", "yesno"]),
  required: z.boolean().default(false),
  options: z.array(z.string().min(1)).optional(),
  help: z.string().optional(),
  /** For dates: not earlier than this other date field. */
  notBefore: z.string().optional(),
});
export type Field = z.infer<typeof fieldSchema>;

export const stepSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  why: z.string().min(1),
  source: sourceSchema,
  done: z.string().min(1),
  tips: z.array(z.object({ text: z.string().min(1), source: sourceSchema })).default([]),
  fields: z.array(fieldSchema).min(1, "mỗi bước cần ít nhất một câu hỏi"),
});
export type ChecklistStep = z.infer<typeof stepSchema>;

export const exportSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** Offered once this step is done (e.g. the recognition proposal after step 5). */
  after: z.string().optional(),
  sections: z.array(z.object({ heading: z.string().min(1), fields: z.array(z.string()).min(1) })).min(1),
});

export const checklistSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    title: z.string().min(1),
    intro: z.string().default(""),
    steps: z.array(stepSchema).min(1),
    exports: z.array(exportSchema).default([]),
  })
  .superRefine((checklist, ctx) => {
    const ids = new Set<string>();
    checklist.steps.forEach((step, s) => step.fields.forEach((field, f) => {
      if (ids.has(field.id)) ctx.addIssue({ code: "custom", path: ["steps", s, "fields", f, "id"], message: `trường «${field.id}» bị trùng` });
      ids.add(field.id);
      if (field.type === "choice" && !(field.options && field.options.length >= 2)) {
        ctx.addIssue({ code: "custom", path: ["steps", s, "fields", f, "options"], message: "trường kiểu choice cần ít nhất 2 lựa chọn" });
      }
    }));
    checklist.steps.forEach((step, s) => step.fields.forEach((field, f) => {
      if (field.notBefore && !ids.has(field.notBefore)) ctx.addIssue({ code: "custom", path: ["steps", s, "fields", f, "notBefore"], message: `không có trường «${field.notBefore}»` });
    }));
    checklist.exports.forEach((e, i) => e.sections.forEach((section, j) => section.fields.forEach((id) => {
      if (!ids.has(id)) ctx.addIssue({ code: "custom", path: ["exports", i, "sections", j, "fields"], message: `không có trường «${id}»` });
    })));
  });
export type Checklist = z.infer<typeof checklistSchema>;

export async function loadChecklists(dir: string): Promise<Checklist[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch {
    return [];
  }
  const out: Checklist[] = [];
  for (const name of names) {
    let data: unknown;
    try {
      data = parseYaml(await readFile(path.join(dir, name), "utf8"));
    } catch (error) {
      throw new AppError("invalid:checklist", `${name}: không đọc được YAML (${(error as Error).message.split("\n")[0]})`, { file: name });
    }
    const parsed = checklistSchema.safeParse(data);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new AppError("invalid:checklist", `${name}: ${where}`, { file: name });
    }
    out.push(parsed.data);
  }
  return out;
}
