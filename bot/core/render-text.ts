import type { ChecklistState, Prompt } from "../../src/checklist/engine.ts";
import { displayAnswer, fieldAt, progressBar } from "../../src/checklist/engine.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import { displayDate } from "../../src/index/schema.ts";
import { coreText as t } from "../messages.ts";
import type { Option, Reply } from "./replies.ts";
import { typedOption } from "./replies.ts";
import { checklistOptions } from "./checklist-options.ts";

/** Replies as plain text with their options: what the web page, Zalo and the terminal show. */

/** The answers of a checklist, step by step. */
export function checklistSummary(checklist: Checklist, state: ChecklistState): string {
  return checklist.steps.map((s, i) => `Bước ${i + 1}. ${s.title}\n${s.fields.map((f) => `• ${f.label}: ${displayAnswer(f, state.answers[f.id])}`).join("\n")}`).join("\n\n");
}

const sourceOf = (s: { document: string; section: string }) => [s.document, s.section].filter(Boolean).join(" › ");

/** A checklist prompt in text form, with its options, for channels without buttons. */
export function checklistAsText(checklist: Checklist, state: ChecklistState, prompt: Prompt): { text: string; options: Option[] } {
  const total = checklist.steps.length;
  if (prompt.kind === "question") {
    const step = checklist.steps[prompt.stepIndex]!;
    const field = fieldAt(checklist, { step: prompt.stepIndex, field: prompt.fieldIndex });
    const lines = [t.stepLine(prompt.stepIndex + 1, total, progressBar(total, prompt.stepIndex + 1), step.title)];
    if (prompt.newStep) {
      lines.push(t.why(step.why), t.source(sourceOf(step.source)));
      for (const tip of step.tips) lines.push(t.tip(tip.text, tip.source.document));
      lines.push(t.doneWhen(step.done));
    }
    lines.push("", `❓ ${field.label}${field.required ? "" : t.optional}`);
    if (field.help) lines.push(field.help);
    if (field.type === "date") lines.push(t.dateHint);
    if (prompt.error) lines.push(`⚠️ ${prompt.error}`);
    // The field's own options are numbered ("1. …"), typed by their number.
    const options = checklistOptions(checklist, state, prompt).map((o, i) => (o.intent.kind === "checklist-input" && o.intent.input.kind === "answer" ? { ...o, label: `${i + 1}. ${o.label}` } : o));
    if (field.type === "choice") lines.push(...options.filter((o) => o.intent.kind === "checklist-input" && o.intent.input.kind === "answer").map((o) => o.label));
    lines.push(t.stepActions);
    return { text: lines.join("\n"), options };
  }
  if (prompt.kind === "confirm") return { text: t.summary(checklistSummary(checklist, state), prompt.error), options: checklistOptions(checklist, state, prompt) };
  return { text: prompt.kind === "done" ? t.done : t.cancelled, options: [] };
}

/** Any reply as text with its options. */
export function asText(reply: Reply): { text: string; options?: Option[] } {
  if (reply.kind === "checklist") return checklistAsText(reply.checklist, reply.state, reply.prompt);
  if (reply.kind === "checklist-edit") {
    return {
      text: t.pickEdit(reply.fields.map((f, i) => `${i + 1}. ${f.label}: ${f.value}`)),
      options: reply.fields.map((f, i) => ({ label: `${i + 1}. ${f.label}`, intent: { kind: "checklist-input", input: { kind: "edit", fieldId: f.id } }, typed: String(i + 1) })),
    };
  }
  if (reply.kind === "text") return reply;
  return { text: renderPlain(reply) };
}

/** Plain-text rendering shared by channels without rich formatting (Zalo, terminal). */
export function renderPlain(reply: Reply): string {
  switch (reply.kind) {
    case "text":
    case "checklist":
    case "checklist-edit": {
      const { text, options } = reply.kind === "text" ? reply : asText(reply);
      // Options already listed in the text ("1. …", "A. …") need no second list.
      if (!options?.length || /\n\d\.|\n[A-J]\./.test(text)) return text;
      const hint = (o: Option) => {
        const typed = typedOption(o);
        return typed === undefined || /^\d+$/.test(typed) || o.label.includes(typed) ? t.pickHint(o.label) : t.typeHint(o.label, typed);
      };
      return `${text}\n${options.map(hint).join("\n")}`;
    }
    case "answer": {
      const { result } = reply;
      if (result.grade === "none" || result.citations.length === 0) return result.answer;
      return `${result.answer}\n\n${t.sources(result.citations.map(t.citationLine))}`;
    }
    case "passage":
      return t.passage(reply.n, reply.passage.citation, reply.passage.text.trim());
    case "documents":
      return reply.documents.length
        ? t.documents(reply.documents.map((d, i) => `${i + 1}. ${d.title}${d.number ? ` (số ${d.number})` : ""}${d.date ? ` — ${displayDate(d.date)}` : ""} — ${d.chunkCount} đoạn — ${t.documentStanding(d)}`))
        : t.noDocuments;
    case "file":
      return t.file(reply.caption, reply.fileName);
  }
}
