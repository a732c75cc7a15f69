import { InlineKeyboard, InputFile } from "grammy";
import type { Bot, Context } from "grammy";
import type { ChecklistInput, ChecklistState, Prompt } from "../../src/checklist/engine.ts";
import { displayAnswer, fieldAt, progressBar } from "../../src/checklist/engine.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { AnswerResult } from "../../src/answer/types.ts";
import type { Logger } from "../../src/log.ts";
import type { StateStore } from "../../src/state/store.ts";
import type { Action, Conversation, Reply } from "../core/conversation.ts";
import { checklistSummary, renderPlain } from "../core/conversation.ts";
import { checklistText as t } from "../checklist-messages.ts";
import { escapeHtml, packMessages } from "./render.ts";

export type ChecklistDeps = {
  conversation: Conversation;
  checklists: () => Checklist[];
  store: StateStore;
  logger: Logger;
  /** Sends a cited answer the way Telegram shows answers (sources, buttons). */
  showAnswer: (ctx: Context, result: AnswerResult, answerId: string) => Promise<void>;
  reminderDays: number;
};

const CHANNEL = "telegram";
const sourceLine = (s: { document: string; section: string }) => escapeHtml([s.document, s.section].filter(Boolean).join(" › "));

/**
 * The guided checklist in a private Telegram chat. Every intent goes through the conversation core
 * (the same as the web chat, Zalo and the terminal); this adapter only turns buttons into inputs and
 * renders the core's replies with Telegram HTML and inline buttons.
 */
export function registerChecklist(bot: Bot, deps: ChecklistDeps) {
  const { store, logger, conversation } = deps;

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
    const messages = packMessages([{ text: "", wrap: () => html }]);
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
        default:
          for (const part of packMessages([{ text: renderPlain(reply) }])) await ctx.reply(part, { parse_mode: "HTML" });
      }
    }
  }

  const incoming = (ctx: Context, text: string, action?: Action) => ({
    channel: CHANNEL, chatId: String(ctx.chat!.id), userId: String(ctx.from!.id), userName: ctx.from?.first_name ?? "", text, ...(action ? { action } : {}),
  });
  const say = async (ctx: Context, text: string) => show(ctx, await conversation.handle(incoming(ctx, text)));
  const act = async (ctx: Context, input: ChecklistInput) => show(ctx, await conversation.handle(incoming(ctx, "", { kind: "checklist-input", input })));

  bot.command(["mohinh", "danhmuc"], async (ctx) => {
    if (ctx.chat.type !== "private") return void (await ctx.reply(t.privateOnly));
    const lists = deps.checklists();
    if (lists.length === 0) return void (await ctx.reply(t.noChecklists));
    // Telegram offers a choice (buttons) where text channels simply resume.
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    if (active) {
      const title = lists.find((c) => c.id === active.checklistId)?.title ?? active.checklistId;
      const keyboard = new InlineKeyboard().text(t.resume, "cl:resume").row().text(t.restart, "cl:restart");
      return void (await ctx.reply(t.offerResume(escapeHtml(title)), { parse_mode: "HTML", reply_markup: keyboard }));
    }
    const wanted = ctx.match.trim();
    if (ctx.message?.text?.startsWith("/danhmuc") && !lists.some((c) => c.id === wanted) && lists.length > 1) {
      const keyboard = new InlineKeyboard();
      for (const c of lists) keyboard.text(c.title, `cl:start:${c.id}`).row();
      return void (await ctx.reply(t.pick, { reply_markup: keyboard }));
    }
    await say(ctx, `/mohinh ${wanted}`);
  });

  bot.command("tiendo", (ctx) => say(ctx, "/tiendo"));
  bot.command("xuat", (ctx) => say(ctx, `/xuat ${ctx.match}`.trim()));
  bot.command("huybo", async (ctx) => {
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    if (!active) return void (await ctx.reply(t.noneActive));
    await ctx.reply(t.confirmCancel, { reply_markup: new InlineKeyboard().text(t.cancelYes, "cl:cancel:yes").text(t.cancelNo, "cl:cancel:no") });
  });

  bot.callbackQuery(/^cx:(.+)$/s, async (ctx) => {
    await ctx.answerCallbackQuery();
    await say(ctx, ctx.match[1]!);
  });

  bot.callbackQuery(/^cl:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const [action, arg] = ctx.match[1]!.split(":");
    switch (action) {
      case "a": // a button answer: the option number for choices, "có"/"không" for yes/no
        return act(ctx, { kind: "answer", value: arg ?? "" });
      case "back":
        return act(ctx, { kind: "back" });
      case "skip":
        return act(ctx, { kind: "skip" });
      case "confirm":
        return act(ctx, { kind: "confirm" });
      case "edit":
        return act(ctx, { kind: "edit", fieldId: arg ?? "" });
      case "editmenu":
        return say(ctx, "sửa");
      case "cancel":
        return arg === "yes" ? say(ctx, "/huybo") : void (await ctx.reply(t.keepGoing));
      case "resume":
        return show(ctx, await conversation.handle(incoming(ctx, "", { kind: "checklist-resume" })));
      case "restart":
        return say(ctx, "/mohinh bắt đầu lại");
      case "start":
        return say(ctx, `/mohinh ${arg ?? ""}`);
      default:
        return undefined;
    }
  });

  // While a checklist runs in a private chat, every plain message goes to the core: an answer to the
  // current question, or (starting with "?") a question for the documents, after which it continues.
  bot.on("message:text", async (ctx, next) => {
    if (ctx.chat.type !== "private" || ctx.message.text.startsWith("/")) return next();
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    if (!active) return next();
    await say(ctx, ctx.message.text);
  });

  return {
    /** Sends one reminder for each checklist left idle for `reminderDays`. */
    async remind(now = new Date()): Promise<number> {
      const before = new Date(now.getTime() - deps.reminderDays * 86_400_000).toISOString();
      const idle = (await store.idleChecklistRuns(before)).filter((run) => run.channel === CHANNEL);
      for (const run of idle) {
        const title = deps.checklists().find((c) => c.id === run.checklistId)?.title ?? run.checklistId;
        await bot.api.sendMessage(Number(run.chatId), t.reminder(title, deps.reminderDays)).catch((error) => logger.warn("checklist.remind", { error }));
        await store.saveChecklistRun({ ...run, remindedAt: now.toISOString() });
      }
      return idle.length;
    },
  };
}

export type ChecklistController = ReturnType<typeof registerChecklist>;
