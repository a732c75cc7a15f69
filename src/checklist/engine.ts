import { z } from "zod";
import { fold } from "../text/normalize.ts";
import type { Checklist, Field } from "./schema.ts";

/**
 * The checklist engine: a pure state machine. An input (an answer, back, skip, edit, confirm,
 * cancel) moves a state to the next one and says what to ask. Channels and the Mastra workflow
 * around it only carry inputs in and prompts out.
 */

export const checklistStateSchema = z.object({
  checklistId: z.string(),
  step: z.number().int(),
  field: z.number().int(),
  /** field id → answer (a normalised string), or null when skipped. */
  answers: z.record(z.string(), z.string().nullable()),
  phase: z.enum(["asking", "confirm", "done", "cancelled"]),
  /** While correcting an earlier answer: where to go back to afterwards. */
  returnTo: z.object({ step: z.number().int(), field: z.number().int() }).nullable(),
  /** Steps whose tips were already shown. */
  introduced: z.array(z.number().int()),
});
export type ChecklistState = z.infer<typeof checklistStateSchema>;

export type ChecklistInput =
  | { kind: "answer"; value: string }
  | { kind: "back" }
  | { kind: "skip" }
  | { kind: "edit"; fieldId: string }
  | { kind: "confirm" }
  | { kind: "cancel" };

export type Prompt =
  | { kind: "question"; stepIndex: number; fieldIndex: number; newStep: boolean; error?: string; editing: boolean }
  | { kind: "confirm"; error?: string }
  | { kind: "done" }
  | { kind: "cancelled" };

export function initialState(checklist: Checklist): ChecklistState {
  return { checklistId: checklist.id, step: 0, field: 0, answers: {}, phase: "asking", returnTo: null, introduced: [] };
}

const flat = (checklist: Checklist) => checklist.steps.flatMap((step, s) => step.fields.map((field, f) => ({ s, f, field })));

export function fieldAt(checklist: Checklist, state: Pick<ChecklistState, "step" | "field">): Field {
  return checklist.steps[state.step]!.fields[state.field]!;
}

export function findField(checklist: Checklist, id: string) {
  return flat(checklist).find((entry) => entry.field.id === id);
}

/** "15/3/2026", "15-3-2026", "15.3.2026" (also 2-digit years) → "2026-03-15"; undefined if impossible. */
export function parseVietnameseDate(text: string): string | undefined {
  const match = text.trim().match(/^(?:ngày\s+)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$/iu);
  if (!match) return undefined;
  const day = Number(match[1]);
  const month = Number(match[2]);
  let year = Number(match[3]);
  if (year < 100) year += 2000;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function displayAnswer(field: Field, value: string | null | undefined): string {
  if (value === null) return "(bỏ qua)";
  if (value === undefined) return "(chưa trả lời)";
  if (field.type === "date") {
    const [y, m, d] = value.split("-");
    return `${Number(d)}/${Number(m)}/${y}`;
  }
  if (field.type === "yesno") return value === "yes" ? "Có" : "Không";
  return value;
}

/** Checks and normalises an answer; returns an error message in Vietnamese when it cannot be used. */
export function validateAnswer(checklist: Checklist, state: ChecklistState, field: Field, raw: string): { value: string } | { error: string } {
  const text = raw.trim();
  if (!text) return { error: field.required ? "Câu này bắt buộc, bạn hãy trả lời." : "Câu trả lời đang trống; nếu muốn, hãy bấm «Bỏ qua»." };
  if (text.length > 2000) return { error: "Câu trả lời dài quá (tối đa 2000 ký tự)." };
  switch (field.type) {
    case "date": {
      const value = parseVietnameseDate(text);
      if (!value) return { error: "Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/3/2026." };
      if (field.notBefore) {
        const other = state.answers[field.notBefore];
        const otherField = findField(checklist, field.notBefore)?.field;
        if (other && value < other) return { error: `Ngày này sớm hơn «${otherField?.label ?? field.notBefore}» (${displayAnswer(otherField!, other)}). Hãy nhập lại.` };
      }
      return { value };
    }
    case "number": {
      const number = Number(text.replace(/\./g, "").replace(",", "."));
      if (!Number.isFinite(number) || number < 0) return { error: "Hãy nhập một số, ví dụ 25." };
      return { value: String(number) };
    }
    case "yesno": {
      const folded = fold(text);
      // "1"/"2" too: text channels list the choices as "1. Có", "2. Không".
      if (/^(co|yes|y|da co|roi|da|dong y|1)$/.test(folded)) return { value: "yes" };
      if (/^(khong|no|n|chua|k|2)$/.test(folded)) return { value: "no" };
      return { error: "Hãy trả lời «Có» hoặc «Không»." };
    }
    case "choice": {
      const options = field.options ?? [];
      const byNumber = /^\d+$/.test(text) ? options[Number(text) - 1] : /^[a-jA-J]$/.test(text) ? options["abcdefghij".indexOf(text.toLowerCase())] : undefined;
      const byText = options.find((o) => fold(o) === fold(text));
      const chosen = byNumber ?? byText;
      if (!chosen) return { error: `Hãy chọn một trong các phương án (1–${options.length}).` };
      return { value: chosen };
    }
    default:
      return { value: text };
  }
}

function nextPosition(checklist: Checklist, state: ChecklistState): { step: number; field: number } | undefined {
  const step = checklist.steps[state.step]!;
  if (state.field + 1 < step.fields.length) return { step: state.step, field: state.field + 1 };
  if (state.step + 1 < checklist.steps.length) return { step: state.step + 1, field: 0 };
  return undefined;
}

function previousPosition(checklist: Checklist, state: ChecklistState): { step: number; field: number } | undefined {
  if (state.field > 0) return { step: state.step, field: state.field - 1 };
  if (state.step > 0) return { step: state.step - 1, field: checklist.steps[state.step - 1]!.fields.length - 1 };
  return undefined;
}

function moveOn(checklist: Checklist, state: ChecklistState): { state: ChecklistState; prompt: Prompt } {
  if (state.returnTo) {
    const back = { ...state, ...state.returnTo, returnTo: null };
    if (back.phase === "confirm") return { state: back, prompt: { kind: "confirm" } };
    return { state: back, prompt: question(back, false) };
  }
  const next = nextPosition(checklist, state);
  if (!next) return { state: { ...state, phase: "confirm" }, prompt: { kind: "confirm" } };
  const moved = { ...state, ...next };
  return { state: moved, prompt: question(moved, next.step !== state.step) };
}

function question(state: ChecklistState, newStep: boolean, error?: string): Prompt {
  return { kind: "question", stepIndex: state.step, fieldIndex: state.field, newStep, editing: state.returnTo !== null, ...(error ? { error } : {}) };
}

/** What to show now for a state (used on start and on resume after days). */
export function currentPrompt(state: ChecklistState): Prompt {
  if (state.phase === "done") return { kind: "done" };
  if (state.phase === "cancelled") return { kind: "cancelled" };
  if (state.phase === "confirm") return { kind: "confirm" };
  return question(state, !state.introduced.includes(state.step));
}

export function apply(checklist: Checklist, state: ChecklistState, input: ChecklistInput): { state: ChecklistState; prompt: Prompt } {
  if (state.phase === "done" || state.phase === "cancelled") return { state, prompt: currentPrompt(state) };
  if (input.kind === "cancel") return { state: { ...state, phase: "cancelled" }, prompt: { kind: "cancelled" } };
  if (input.kind === "edit") {
    const target = findField(checklist, input.fieldId);
    if (!target) return { state, prompt: currentPrompt(state) };
    const editing = { ...state, step: target.s, field: target.f, returnTo: state.returnTo ?? { step: state.step, field: state.field }, phase: "asking" as const };
    // Coming back to the summary after an edit needs the confirm phase remembered.
    if (state.phase === "confirm") editing.returnTo = { step: -1, field: -1 };
    return { state: editing, prompt: question(editing, false) };
  }
  if (state.phase === "confirm") {
    if (input.kind === "confirm") return { state: { ...state, phase: "done" }, prompt: { kind: "done" } };
    if (input.kind === "back") {
      const last = { ...state, phase: "asking" as const, step: checklist.steps.length - 1, field: checklist.steps.at(-1)!.fields.length - 1 };
      return { state: last, prompt: question(last, false) };
    }
    return { state, prompt: { kind: "confirm", error: "Hãy bấm «Xác nhận» để hoàn thành, hoặc «Sửa» để chỉnh một câu trả lời." } };
  }
  const field = fieldAt(checklist, state);
  const introduced = state.introduced.includes(state.step) ? state.introduced : [...state.introduced, state.step];
  const base = { ...state, introduced };
  switch (input.kind) {
    case "back": {
      const previous = previousPosition(checklist, base);
      if (!previous) return { state: base, prompt: question(base, false, "Đây là câu hỏi đầu tiên.") };
      const moved = { ...base, ...previous, returnTo: null };
      return { state: moved, prompt: question(moved, false) };
    }
    case "skip": {
      if (field.required) return { state: base, prompt: question(base, false, "Câu này bắt buộc, không bỏ qua được.") };
      return finishAnswer(checklist, { ...base, answers: { ...base.answers, [field.id]: null } });
    }
    case "answer": {
      const checked = validateAnswer(checklist, base, field, input.value);
      if ("error" in checked) return { state: base, prompt: question(base, false, checked.error) };
      return finishAnswer(checklist, { ...base, answers: { ...base.answers, [field.id]: checked.value } });
    }
    default:
      return { state: base, prompt: question(base, false) };
  }
}

function finishAnswer(checklist: Checklist, state: ChecklistState): { state: ChecklistState; prompt: Prompt } {
  if (state.returnTo && state.returnTo.step === -1) {
    const back = { ...state, returnTo: null, phase: "confirm" as const };
    return { state: back, prompt: { kind: "confirm" } };
  }
  return moveOn(checklist, state);
}


export function progressBar(total: number, current: number): string {
  return `${"▓".repeat(current)}${"░".repeat(Math.max(0, total - current))}`;
}
