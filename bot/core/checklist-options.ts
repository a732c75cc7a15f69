import type { ChecklistState, Prompt } from "../../src/checklist/engine.ts";
import { fieldAt } from "../../src/checklist/engine.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import { coreText as t } from "../messages.ts";
import type { Intent } from "./intent.ts";
import type { Option } from "./replies.ts";

/**
 * The choices a checklist prompt offers, for every channel: the field's options (a choice by its
 * number, yes or no), then back, skip (optional fields), correct an earlier answer (once there is
 * one), confirm. Telegram shows them as buttons, the web page as buttons, text channels as lines.
 * `row` groups buttons that share a row.
 */
export function checklistOptions(checklist: Checklist, state: ChecklistState, prompt: Prompt): Option[] {
  const input = (value: Extract<Intent, { kind: "checklist-input" }>["input"]): Intent => ({ kind: "checklist-input", input: value });
  const edit: Option[] = Object.keys(state.answers).length > 0 ? [{ label: t.labels.edit, intent: { kind: "checklist-edit-menu" }, row: 99 }] : [];
  const back: Option = { label: t.labels.back, intent: input({ kind: "back" }), row: 99 };
  if (prompt.kind === "confirm") return [{ label: t.labels.confirm, intent: input({ kind: "confirm" }), row: 98 }, ...edit, back];
  if (prompt.kind !== "question") return [];
  const field = fieldAt(checklist, { step: prompt.stepIndex, field: prompt.fieldIndex });
  const answers: Option[] = field.type === "choice"
    ? field.options!.map((option, i) => ({ label: option, intent: input({ kind: "answer", value: String(i + 1) }), row: i }))
    : field.type === "yesno" ? [{ label: t.labels.yes, intent: input({ kind: "answer", value: "có" }), row: 0 }, { label: t.labels.no, intent: input({ kind: "answer", value: "không" }), row: 0 }] : [];
  return [...answers, back, ...(field.required ? [] : [{ label: t.labels.skip, intent: input({ kind: "skip" }), row: 99 }]), ...edit];
}
