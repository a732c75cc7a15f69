import type { AnswerResult } from "../../src/answer/types.ts";
import type { ChecklistState, Prompt } from "../../src/checklist/engine.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { Passage } from "../../src/index/schema.ts";
import type { RegisteredDocument } from "../../src/documents/registry.ts";
import type { Intent } from "./intent.ts";
import { typedForm } from "./intent.ts";

/**
 * What goes in and out of the conversation core, platform-free: a message (who, where, what they
 * typed, or the intent of the button they pressed) in; replies as data out, which each channel renders.
 */
export type Incoming = { channel: string; chatId: string; userId: string; userName: string; text: string; intent?: Intent };

/**
 * A choice offered with a reply: a button on Telegram and the web page, a line to type elsewhere.
 * `typed` is what to type for it when that depends on the list ("2" for the second answer to correct);
 * otherwise the intent's own typed form.
 */
export type Option = { label: string; intent: Intent; typed?: string; row?: number };

export type Reply =
  | { kind: "text"; text: string; options?: Option[] }
  | { kind: "answer"; result: AnswerResult; answerId: string }
  /** A checklist prompt as data: each channel renders it (Telegram with buttons, text channels numbered). */
  | { kind: "checklist"; checklist: Checklist; state: ChecklistState; prompt: Prompt }
  /** The answers that can be corrected, to pick one. */
  | { kind: "checklist-edit"; fields: Array<{ id: string; label: string; value: string }> }
  | { kind: "passage"; n: number; passage: Passage }
  | { kind: "documents"; documents: readonly RegisteredDocument[] }
  | { kind: "file"; fileName: string; mime: string; data: Buffer; caption: string };

export const textReply = (text: string, options?: Option[]): Reply => ({ kind: "text", text, ...(options ? { options } : {}) });

/** What a user types for an option on a channel without buttons (and what the web page's button sends). */
export function typedOption(option: Option): string | undefined {
  return option.typed ?? typedForm(option.intent);
}
