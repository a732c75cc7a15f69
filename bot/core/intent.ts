import type { ChecklistInput } from "../../src/checklist/engine.ts";
import { fold } from "../../src/text/normalize.ts";
import type { IssuerLevel } from "../../src/documents/level.ts";

/**
 * What a user wants, as data. Typed text is parsed into an intent once, here; buttons carry an intent
 * (Telegram as callback data, the web page and text channels as the words that parse back into it),
 * so a button's label can be reworded without touching what it does.
 */
export type Intent =
  | { kind: "help" }
  | { kind: "documents" }
  /** "/hoi …": a question, whatever else is going on (an empty one asks how to ask). */
  | { kind: "ask"; question: string }
  | { kind: "source"; n: number }
  | { kind: "practice-start"; topic: string }
  | { kind: "practice-stop" }
  | { kind: "checklist-start"; checklistId: string; restart: boolean }
  | { kind: "checklist-resume" }
  | { kind: "checklist-input"; input: ChecklistInput }
  /** "sửa": pick which answer to correct. */
  | { kind: "checklist-edit-menu" }
  | { kind: "checklist-progress" }
  | { kind: "checklist-export"; exportId?: string }
  /** "/capdo tinh": answer only from texts of that issuing level; "/capdo tat-ca" clears it; "/capdo" shows it. */
  | { kind: "level"; level: IssuerLevel | "all" | undefined }
  | { kind: "unknown-command"; name: string }
  /** Anything else: an option picked by number or letter, an answer to the current step, or a question. */
  | { kind: "text"; text: string };

/** A command typed with or without its slash: "/tailieu", "/mohinh bắt đầu lại", "/nguon 2". */
const COMMAND = /^\/(\w+)(?:@\w+)?\s*(.*)$/s;

/** Reads typed text: commands, and the few words that mean a command on every channel ("tài liệu", "nguồn 2"). */
export function parseText(raw: string): Intent {
  const text = raw.trim();
  const folded = fold(text);
  const command = text.match(COMMAND);
  if (!command) {
    if (/^tai lieu$/.test(folded)) return { kind: "documents" };
    const source = folded.match(/^nguon\s*(\d{1,2})$/);
    if (source) return { kind: "source", n: Number(source[1]) };
    return { kind: "text", text };
  }
  const name = command[1]!.toLowerCase();
  const arg = command[2]!.trim();
  switch (name) {
    case "start":
    case "help":
    case "trogiup":
      return { kind: "help" };
    case "tailieu":
      return { kind: "documents" };
    case "hoi":
      return { kind: "ask", question: arg };
    case "nguon":
      return { kind: "source", n: Number(arg) || 1 };
    case "luyentap":
      return { kind: "practice-start", topic: arg };
    case "dung":
      return { kind: "practice-stop" };
    case "mohinh":
    case "danhmuc":
      return /\bbat dau lai\b/.test(fold(arg)) ? { kind: "checklist-start", checklistId: "", restart: true } : { kind: "checklist-start", checklistId: arg, restart: false };
    case "tiendo":
      return { kind: "checklist-progress" };
    case "xuat":
      return { kind: "checklist-export", ...(arg ? { exportId: arg } : {}) };
    case "huybo":
      return { kind: "checklist-input", input: { kind: "cancel" } };
    case "capdo":
      return { kind: "level", level: levelArgument(arg) };
    default:
      return { kind: "unknown-command", name };
  }
}

/** "trung-uong", "Trung ương", "TW", "tinh", "tỉnh", "tat-ca", "tất cả" …; undefined for none or a word that is not a level. */
function levelArgument(arg: string): IssuerLevel | "all" | undefined {
  const folded = fold(arg).toLowerCase().replace(/[-_]+/g, " ").trim();
  if (/^(?:trung uong|tw|tu)$/.test(folded)) return "trung-uong";
  if (/^(?:tinh|cap tinh)$/.test(folded)) return "tinh";
  if (/^(?:huyen|cap huyen)$/.test(folded)) return "huyen";
  if (/^(?:xa|cap xa)$/.test(folded)) return "xa";
  if (/^(?:tat ca|all|bo|bo loc)$/.test(folded)) return "all";
  return undefined;
}

/** The words that steer a checklist while one is open ("quay lại", "bỏ qua", "xác nhận", "sửa"). */
const CHECKLIST_WORDS: ReadonlyArray<readonly [RegExp, Intent]> = [
  [/^(?:quay lai|lui|back)$/, { kind: "checklist-input", input: { kind: "back" } }],
  [/^(?:bo qua|skip)$/, { kind: "checklist-input", input: { kind: "skip" } }],
  [/^(?:xac nhan|dong y|ok)$/, { kind: "checklist-input", input: { kind: "confirm" } }],
  [/^(?:sua|chinh sua)$/, { kind: "checklist-edit-menu" }],
];

export function checklistWord(text: string): Intent | undefined {
  const folded = fold(text).trim();
  return CHECKLIST_WORDS.find(([pattern]) => pattern.test(folded))?.[1];
}

/**
 * What to type for an intent on a channel without buttons; `parseText`/`checklistWord` read it back
 * as the same intent (tested). Undefined for intents that only a button can carry.
 */
export function typedForm(intent: Intent): string | undefined {
  switch (intent.kind) {
    case "help": return "/trogiup";
    case "documents": return "/tailieu";
    case "ask": return `/hoi ${intent.question}`;
    case "source": return `nguồn ${intent.n}`;
    case "practice-start": return `/luyentap ${intent.topic}`.trim();
    case "practice-stop": return "/dung";
    case "checklist-start": return intent.restart ? "/mohinh bắt đầu lại" : `/mohinh ${intent.checklistId}`.trim();
    case "checklist-progress": return "/tiendo";
    case "checklist-export": return `/xuat ${intent.exportId ?? ""}`.trim();
    case "level": return `/capdo ${intent.level === undefined ? "" : intent.level === "all" ? "tat-ca" : intent.level}`.trim();
    case "checklist-edit-menu": return "sửa";
    case "text": return intent.text;
    case "checklist-input":
      switch (intent.input.kind) {
        case "back": return "quay lại";
        case "skip": return "bỏ qua";
        case "confirm": return "xác nhận";
        case "cancel": return "/huybo";
        case "answer": return intent.input.value;
        case "edit": return undefined;
      }
      return undefined;
    case "checklist-resume":
    case "unknown-command":
      return undefined;
  }
}

/** Telegram's callback data holds at most 64 bytes. */
const CALLBACK_BYTES = 64;

/** An intent as button data: "cl:back", "cl:a:3", "cl:edit:<field>", "t:<text>"… (at most 64 bytes). */
export function encodeIntent(intent: Intent): string | undefined {
  let data: string | undefined;
  switch (intent.kind) {
    case "checklist-input": {
      const input = intent.input;
      data = input.kind === "answer" ? `cl:a:${input.value}` : input.kind === "edit" ? `cl:edit:${input.fieldId}` : `cl:${input.kind}`;
      break;
    }
    case "checklist-edit-menu": data = "cl:editmenu"; break;
    case "checklist-resume": data = "cl:resume"; break;
    case "checklist-start": data = intent.restart ? "cl:restart" : `cl:start:${intent.checklistId}`; break;
    case "checklist-export": data = `cl:export:${intent.exportId ?? ""}`; break;
    default: {
      const typed = typedForm(intent);
      data = typed === undefined ? undefined : `t:${typed}`;
    }
  }
  return data !== undefined && Buffer.byteLength(data) <= CALLBACK_BYTES ? data : undefined;
}

/** Button data back into an intent; undefined for data that is not ours. */
export function decodeIntent(data: string): Intent | undefined {
  if (data.startsWith("t:")) return parseText(data.slice(2));
  // Buttons sent before intents (still in users' chats): an option's text, and the cancel dialog's answers.
  if (data.startsWith("cx:")) return parseText(data.slice(3));
  if (data === "cl:cancel:no") return { kind: "checklist-resume" };
  const match = data.match(/^cl:([a-z]+)(?::(.*))?$/s);
  if (!match) return undefined;
  const [, action, arg = ""] = match;
  switch (action) {
    case "a": return { kind: "checklist-input", input: { kind: "answer", value: arg } };
    case "edit": return { kind: "checklist-input", input: { kind: "edit", fieldId: arg } };
    case "back":
    case "skip":
    case "confirm":
    case "cancel":
      return { kind: "checklist-input", input: { kind: action } };
    case "editmenu": return { kind: "checklist-edit-menu" };
    case "resume": return { kind: "checklist-resume" };
    case "restart": return { kind: "checklist-start", checklistId: "", restart: true };
    case "start": return { kind: "checklist-start", checklistId: arg, restart: false };
    case "export": return { kind: "checklist-export", ...(arg ? { exportId: arg } : {}) };
    default: return undefined;
  }
}
