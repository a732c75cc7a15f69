import { InlineKeyboard, InputFile } from "grammy";
import type { Bot, Context } from "grammy";
import type { ChecklistInput, ChecklistState, Prompt } from "../../src/checklist/engine.ts";
import { displayAnswer, fieldAt, progressBar } from "../../src/checklist/engine.ts";
import { exportDocument } from "../../src/checklist/export.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { ChecklistRunner, Turn } from "../../src/checklist/workflow.ts";
import type { Logger } from "../../src/log.ts";
import type { StateStore } from "../../src/state/store.ts";
import { checklistText as t } from "../checklist-messages.ts";
import { escapeHtml, packMessages } from "./render.ts";

export type ChecklistDeps = {
  runner: ChecklistRunner;
  checklists: () => Checklist[];
  store: StateStore;
  logger: Logger;
  /** Answers a cited question ("?…" typed during a checklist). */
  ask: (ctx: Context, question: string) => Promise<void>;
  reminderDays: number;
};

const CHANNEL = "telegram";
const DEFAULT_CHECKLIST = "mo-hinh-dan-van";
const sourceLine = (s: { document: string; section: string }) => escapeHtml([s.document, s.section].filter(Boolean).join(" › "));

/**
 * The guided checklist in a private Telegram chat. The run (and every answer) lives in the Mastra
 * workflow; this adapter renders prompts with buttons and turns taps and messages into inputs.
 */
export function registerChecklist(bot: Bot, deps: ChecklistDeps) {
  const { runner, store, logger } = deps;

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
      return { text: `${t.summaryHeader}\n\n${summary(checklist, state)}${prompt.error ? `\n\n⚠️ ${escapeHtml(prompt.error)}` : ""}`, keyboard };
    }
    return { text: prompt.kind === "done" ? t.done : t.cancelled };
  }

  function summary(checklist: Checklist, state: ChecklistState): string {
    return checklist.steps.map((step, i) => {
      const lines = step.fields.map((f) => `• ${escapeHtml(f.label)}: ${escapeHtml(displayAnswer(f, state.answers[f.id]))}`);
      return `<b>Bước ${i + 1}. ${escapeHtml(step.title)}</b>\n${lines.join("\n")}`;
    }).join("\n\n");
  }

  async function show(ctx: Context, turn: Turn): Promise<void> {
    const checklist = runner.checklist(turn.state.checklistId);
    const view = promptView(checklist, turn.state, turn.prompt);
    const messages = packMessages([{ text: "", wrap: () => view.text }]);
    for (const [i, message] of messages.entries()) {
      await ctx.reply(message, { parse_mode: "HTML", ...(i === messages.length - 1 && view.keyboard ? { reply_markup: view.keyboard } : {}) });
    }
  }

  async function sendExport(ctx: Context, checklist: Checklist, state: ChecklistState, exportId: string): Promise<void> {
    const doc = await exportDocument(checklist, state, exportId);
    await ctx.replyWithDocument(new InputFile(doc.docx, doc.fileName), { caption: t.exportCaption(doc.title) });
    for (const message of packMessages([{ text: doc.markdown }])) await ctx.reply(message);
  }

  async function record(ctx: Context, turn: Turn): Promise<void> {
    await store.saveChecklistRun({
      runId: turn.runId, channel: CHANNEL, chatId: String(ctx.chat!.id), userId: String(ctx.from!.id), checklistId: turn.state.checklistId,
      status: turn.state.phase === "done" ? "done" : turn.state.phase === "cancelled" ? "cancelled" : "active",
      updatedAt: new Date().toISOString(), remindedAt: null,
    });
  }

  async function send(ctx: Context, input: ChecklistInput): Promise<void> {
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat!.id));
    if (!active) return void (await ctx.reply(t.noneActive));
    const turn = await runner.send(active.runId, input);
    await record(ctx, turn);
    await show(ctx, turn);
    if (turn.state.phase === "done") {
      const checklist = runner.checklist(turn.state.checklistId);
      const main = checklist.exports.find((e) => !e.after) ?? checklist.exports[0];
      await sendExport(ctx, checklist, turn.state, main?.id ?? "");
      const followUps = checklist.exports.filter((e) => e.after);
      if (followUps.length) {
        const keyboard = new InlineKeyboard();
        for (const e of followUps) keyboard.text(`📄 ${e.title}`, `cl:export:${turn.runId.slice(0, 8)}:${e.id}`.slice(0, 64)).row();
        await ctx.reply(t.followUp, { reply_markup: keyboard });
      }
      logger.info("checklist.done", { run: turn.runId });
    }
  }

  async function start(ctx: Context, checklistId: string): Promise<void> {
    const turn = await runner.start(checklistId);
    await record(ctx, turn);
    const checklist = runner.checklist(checklistId);
    if (checklist.intro) await ctx.reply(`<b>${escapeHtml(checklist.title)}</b>\n${escapeHtml(checklist.intro)}\n\n${t.commands}`, { parse_mode: "HTML" });
    await show(ctx, turn);
  }

  bot.command(["mohinh", "danhmuc"], async (ctx) => {
    if (ctx.chat.type !== "private") return void (await ctx.reply(t.privateOnly));
    const lists = deps.checklists();
    if (lists.length === 0) return void (await ctx.reply(t.noChecklists));
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    if (active) {
      const keyboard = new InlineKeyboard().text(t.resume, "cl:resume").row().text(t.restart, "cl:restart");
      return void (await ctx.reply(t.offerResume(escapeHtml(runner.checklist(active.checklistId).title)), { parse_mode: "HTML", reply_markup: keyboard }));
    }
    const wanted = ctx.match.trim();
    const byId = lists.find((c) => c.id === wanted);
    if (ctx.message?.text?.startsWith("/danhmuc") && !byId && lists.length > 1) {
      const keyboard = new InlineKeyboard();
      for (const c of lists) keyboard.text(c.title, `cl:start:${c.id}`).row();
      return void (await ctx.reply(t.pick, { reply_markup: keyboard }));
    }
    await start(ctx, byId?.id ?? lists.find((c) => c.id === DEFAULT_CHECKLIST)?.id ?? lists[0]!.id);
  });

  bot.command("tiendo", async (ctx) => {
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    const turn = active && (await runner.current(active.runId));
    if (!turn) return void (await ctx.reply(t.noneActive));
    const checklist = runner.checklist(turn.state.checklistId);
    await ctx.reply(`${t.progressHeader(escapeHtml(checklist.title))}\n\n${summary(checklist, turn.state)}`, { parse_mode: "HTML" });
  });

  bot.command("huybo", async (ctx) => {
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    if (!active) return void (await ctx.reply(t.noneActive));
    await ctx.reply(t.confirmCancel, { reply_markup: new InlineKeyboard().text(t.cancelYes, "cl:cancel:yes").text(t.cancelNo, "cl:cancel:no") });
  });

  bot.command("xuat", async (ctx) => {
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    const turn = active && (await runner.current(active.runId));
    if (!turn) return void (await ctx.reply(t.noneActive));
    const checklist = runner.checklist(turn.state.checklistId);
    const main = checklist.exports.find((e) => !e.after) ?? checklist.exports[0];
    await sendExport(ctx, checklist, turn.state, main?.id ?? "");
  });

  bot.callbackQuery(/^cl:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const [action, arg, extra] = ctx.match[1]!.split(":");
    switch (action) {
      case "a": {
        // A button answer: the option number for choices, "có"/"không" for yes/no.
        return send(ctx, { kind: "answer", value: arg ?? "" });
      }
      case "back":
        return send(ctx, { kind: "back" });
      case "skip":
        return send(ctx, { kind: "skip" });
      case "confirm":
        return send(ctx, { kind: "confirm" });
      case "edit":
        return send(ctx, { kind: "edit", fieldId: arg ?? "" });
      case "editmenu": {
        const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat!.id));
        const turn = active && (await runner.current(active.runId));
        if (!turn) return void (await ctx.reply(t.noneActive));
        const checklist = runner.checklist(turn.state.checklistId);
        const keyboard = new InlineKeyboard();
        for (const step of checklist.steps) for (const field of step.fields) {
          if (turn.state.answers[field.id] === undefined) continue;
          keyboard.text(field.label.length > 50 ? `${field.label.slice(0, 49)}…` : field.label, `cl:edit:${field.id}`).row();
        }
        return void (await ctx.reply(t.pickEdit, { reply_markup: keyboard }));
      }
      case "cancel": {
        if (arg !== "yes") return void (await ctx.reply(t.keepGoing));
        return send(ctx, { kind: "cancel" });
      }
      case "resume": {
        const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat!.id));
        const turn = active && (await runner.current(active.runId));
        if (!turn) return void (await ctx.reply(t.noneActive));
        return show(ctx, { ...turn, prompt: turn.prompt.kind === "question" ? { ...turn.prompt, newStep: true } : turn.prompt });
      }
      case "restart": {
        const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat!.id));
        if (active) await runner.send(active.runId, { kind: "cancel" }).then((turn) => record(ctx, turn)).catch(() => undefined);
        return start(ctx, active?.checklistId ?? DEFAULT_CHECKLIST);
      }
      case "start":
        return start(ctx, arg ?? DEFAULT_CHECKLIST);
      case "export": {
        // cl:export:<run id prefix>:<export id>: the finished run of this chat with that prefix.
        const row = await store.lastChecklistRun(CHANNEL, String(ctx.chat!.id));
        if (!row || !row.runId.startsWith(arg ?? "")) return void (await ctx.reply(t.noneActive));
        const turn = await runner.current(row.runId);
        if (!turn) return void (await ctx.reply(t.noneActive));
        return sendExport(ctx, runner.checklist(turn.state.checklistId), turn.state, extra ?? "");
      }
      default:
        return undefined;
    }
  });

  // While a checklist runs in a private chat, a plain message is the answer to the current question;
  // one that starts with "?" is a question for the documents, after which the checklist continues.
  bot.on("message:text", async (ctx, next) => {
    if (ctx.chat.type !== "private" || ctx.message.text.startsWith("/")) return next();
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    if (!active) return next();
    const text = ctx.message.text.trim();
    if (text.startsWith("?") || text.startsWith("？")) {
      await deps.ask(ctx, text.replace(/^[?？]\s*/, ""));
      const turn = await runner.current(active.runId);
      if (turn) await show(ctx, turn);
      return;
    }
    await send(ctx, { kind: "answer", value: text });
  });

  return {
    /** Sends one reminder for each checklist left idle for `reminderDays`. */
    async remind(now = new Date()): Promise<number> {
      const before = new Date(now.getTime() - deps.reminderDays * 86_400_000).toISOString();
      const idle = await store.idleChecklistRuns(before);
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
