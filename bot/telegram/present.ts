import { InlineKeyboard, InputFile } from "grammy";
import type { Context } from "grammy";
import type { AnswerResult } from "../../src/answer/types.ts";
import type { ChecklistState, Prompt } from "../../src/checklist/engine.ts";
import { displayAnswer, fieldAt, progressBar } from "../../src/checklist/engine.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { Reply } from "../core/conversation.ts";
import { checklistSummary, renderPlain } from "../core/conversation.ts";
import { checklistText as t } from "../checklist-messages.ts";
import { documentListBlocks, escapeHtml, joinPieces, packMessages, passageBlocks } from "./render.ts";

/**
 * Splits already-rendered HTML into messages of at most 4,096 characters on paragraph, then line
 * boundaries. The renderers here keep every tag within one line, so no tag is cut.
 */
export function splitHtml(html: string, limit = 4096): string[] {
  if (html.length <= limit) return [html];
  const pieces = html.split("\n\n").flatMap((p) => (p.length <= limit ? [p] : p.split("\n").flatMap((line) => (line.length <= limit ? [line] : cutLine(line, limit)))));
  return joinPieces(pieces, limit);
}

/** Cuts an over-long line at spaces, never inside an HTML entity ("&amp;") or a tag. */
function cutLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf(" ");
    if (cut < limit / 2) cut = limit;
    const amp = window.lastIndexOf("&", cut - 1);
    if (amp >= 0 && !window.slice(amp, cut).includes(";")) cut = amp;
    const lt = window.lastIndexOf("<", cut - 1);
    if (lt >= 0 && !window.slice(lt, cut).includes(">")) cut = lt;
    if (cut <= 0) cut = limit;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, "");
  }
  if (rest) out.push(rest);
  return out;
}

const sourceLine = (s: { document: string; section: string }) => escapeHtml([s.document, s.section].filter(Boolean).join(" › "));

/**
 * Renders the conversation core's replies in Telegram: HTML, inline buttons for options (their value
 * comes back as text through "cx:" callbacks), checklist prompts with navigation buttons, files as documents.
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
      const keyboard = new InlineKeyboard();
      if (field.type === "choice") field.options!.forEach((option, i) => keyboard.text(option.length > 60 ? `${option.slice(0, 59)}…` : option, `cl:a:${i + 1}`).row());
      if (field.type === "yesno") keyboard.text(t.yes, "cl:a:có").text(t.no, "cl:a:không").row();
      keyboard.text(t.back, "cl:back");
      if (!field.required) keyboard.text(t.skip, "cl:skip");
      if (Object.keys(state.answers).length > 0) keyboard.text(t.edit, "cl:editmenu");
      return { text: [header, intro, question].filter(Boolean).join("\n\n"), keyboard };
    }
    if (prompt.kind === "confirm") {
      const keyboard = new InlineKeyboard().text(t.confirm, "cl:confirm").row().text(t.edit, "cl:editmenu").text(t.back, "cl:back");
      return { text: `${t.summaryHeader}\n\n${escapeHtml(checklistSummary(checklist, state))}${prompt.error ? `\n\n⚠️ ${escapeHtml(prompt.error)}` : ""}`, keyboard };
    }
    return { text: prompt.kind === "done" ? t.done : t.cancelled };
  }

  async function sendHtml(ctx: Context, html: string, keyboard?: InlineKeyboard): Promise<void> {
    const messages = splitHtml(html);
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
          for (const field of reply.fields) keyboard.text(field.label.length > 50 ? `${field.label.slice(0, 49)}…` : field.label, `cl:edit:${field.id}`).row();
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
          // Options of the core become buttons that send their value back as text.
          const keyboard = reply.options?.length ? new InlineKeyboard() : undefined;
          for (const option of reply.options ?? []) keyboard!.text(option.label.slice(0, 60), `cx:${option.value}`.slice(0, 64)).row();
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
