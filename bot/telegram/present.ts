import { InlineKeyboard, InputFile } from "grammy";
import type { Context } from "grammy";
import type { AnswerResult } from "../../src/answer/types.ts";
import type { ChecklistState, Prompt } from "../../src/checklist/engine.ts";
import { displayAnswer, fieldAt, progressBar } from "../../src/checklist/engine.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { Intent } from "../core/intent.ts";
import { encodeIntent } from "../core/intent.ts";
import type { Incoming, Option, Reply } from "../core/replies.ts";
import { checklistOptions } from "../core/checklist-options.ts";
import { checklistSummary, renderPlain } from "../core/render-text.ts";
import { splitHtml } from "../core/split.ts";
import { checklistText as t } from "../checklist-messages.ts";
import { documentListBlocks, escapeHtml, packMessages, passageBlocks, TELEGRAM_LIMIT } from "./render.ts";

/** A Telegram update as a message for the conversation core. */
export function incomingOf(ctx: Context, text: string, intent?: Intent): Incoming {
  return { channel: "telegram", chatId: String(ctx.chat?.id ?? ctx.from?.id ?? 0), userId: String(ctx.from?.id ?? 0), userName: ctx.from?.first_name ?? "", text, ...(intent ? { intent } : {}) };
}

/** Options as inline buttons: one row per `row` value, in order; labels cut to fit. */
function keyboardOf(options: Option[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  options.forEach((option, i) => {
    if (i > 0 && option.row !== options[i - 1]!.row) keyboard.row();
    addButton(keyboard, option.label.length > 60 ? `${option.label.slice(0, 59)}…` : option.label, option.intent);
  });
  return keyboard;
}

/** A button that carries an intent (callback data of at most 64 bytes; an intent that does not fit gets no button). */
export function addButton(keyboard: InlineKeyboard, label: string, intent: Intent): InlineKeyboard {
  const data = encodeIntent(intent);
  return data ? keyboard.text(label, data) : keyboard;
}

const sourceLine = (s: { document: string; section: string }) => escapeHtml([s.document, s.section].filter(Boolean).join(" › "));

/**
 * Renders the conversation core's replies in Telegram: HTML, inline buttons for options (their intent
 * comes back as callback data), checklist prompts with navigation buttons, files as documents.
 */
export function createPresenter(deps: { showAnswer: (ctx: Context, result: AnswerResult, answerId: string) => Promise<void> }) {
  function promptView(checklist: Checklist, state: ChecklistState, prompt: Prompt): { text: string; keyboard?: InlineKeyboard } {
    const total = checklist.steps.length;
    if (prompt.kind === "question") {
      const step = checklist.steps[prompt.stepIndex]!;
      const field = fieldAt(checklist, { step: prompt.stepIndex, field: prompt.fieldIndex });
      const header = `<b>${t.stepHeader(prompt.stepIndex + 1, total, progressBar(total, prompt.stepIndex + 1))} — ${escapeHtml(step.title)}</b>`;
      const intro = prompt.newStep
        ? [
          `${t.why} ${escapeHtml(step.why)}`,
          `<i>${t.source} ${sourceLine(step.source)}</i>`,
          ...step.tips.map((tip) => `💡 ${escapeHtml(tip.text)}\n<i>${t.source} ${sourceLine(tip.source)}</i>`),
          `${t.doneWhen} ${escapeHtml(step.done)}`,
        ].join("\n")
        : "";
      const current = state.answers[field.id];
      const question = [
        `❓ <b>${escapeHtml(field.label)}</b>${field.required ? "" : ` ${t.optional}`}`,
        field.help ? `<i>${escapeHtml(field.help)}</i>` : "",
        field.type === "date" ? `<i>${t.dateHint}</i>` : "",
        current !== undefined && prompt.editing ? `${t.currentAnswer} ${escapeHtml(displayAnswer(field, current))}` : "",
        prompt.error ? `⚠️ ${escapeHtml(prompt.error)}` : "",
      ].filter(Boolean).join("\n");
      return { text: [header, intro, question].filter(Boolean).join("\n\n"), keyboard: keyboardOf(checklistOptions(checklist, state, prompt)) };
    }
    if (prompt.kind === "confirm") {
      const keyboard = keyboardOf(checklistOptions(checklist, state, prompt));
      return { text: `${t.summaryHeader}\n\n${escapeHtml(checklistSummary(checklist, state))}${prompt.error ? `\n\n⚠️ ${escapeHtml(prompt.error)}` : ""}`, keyboard };
    }
    return { text: prompt.kind === "done" ? t.done : t.cancelled };
  }

  async function sendHtml(ctx: Context, html: string, keyboard?: InlineKeyboard): Promise<void> {
    const messages = splitHtml(html, TELEGRAM_LIMIT);
    for (const [i, message] of messages.entries()) {
      await ctx.reply(message, { parse_mode: "HTML", ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}) });
    }
  }

  /** Renders the core's replies for Telegram. */
  async function show(ctx: Context, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      switch (reply.kind) {
        case "checklist": {
          const view = promptView(reply.checklist, reply.state, reply.prompt);
          await sendHtml(ctx, view.text, view.keyboard);
          break;
        }
        case "checklist-edit": {
          const keyboard = new InlineKeyboard();
          for (const field of reply.fields) addButton(keyboard, field.label.length > 50 ? `${field.label.slice(0, 49)}…` : field.label, { kind: "checklist-input", input: { kind: "edit", fieldId: field.id } }).row();
          await ctx.reply(t.pickEdit, { reply_markup: keyboard });
          break;
        }
        case "answer":
          await deps.showAnswer(ctx, reply.result, reply.answerId);
          break;
        case "file":
          await ctx.replyWithDocument(new InputFile(reply.data, reply.fileName), { caption: t.exportCaption(reply.caption) });
          break;
        case "text": {
          // Options of the core become buttons that carry their intent.
          const keyboard = reply.options?.length ? new InlineKeyboard() : undefined;
          for (const option of reply.options ?? []) addButton(keyboard!, option.label.slice(0, 60), option.intent).row();
          for (const [i, part] of packMessages([{ text: reply.text }]).entries()) await ctx.reply(part, { parse_mode: "HTML", ...(i === 0 && keyboard ? { reply_markup: keyboard } : {}) });
          break;
        }
        case "passage":
          for (const part of packMessages(passageBlocks(reply.n, reply.passage))) await ctx.reply(part, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
          break;
        case "documents":
          for (const part of packMessages(documentListBlocks(reply.documents))) await ctx.reply(part, { parse_mode: "HTML" });
          break;
        default:
          for (const part of packMessages([{ text: renderPlain(reply) }])) await ctx.reply(part, { parse_mode: "HTML" });
      }
    }
  }

  return show;
}
