import { InlineKeyboard, InputFile } from "grammy";
import type { Bot, Context } from "grammy";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { Logger } from "../../src/log.ts";
import type { StateStore } from "../../src/state/store.ts";
import type { Conversation } from "../core/conversation.ts";
import type { Intent } from "../core/intent.ts";
import { parseText } from "../core/intent.ts";
import type { Reply } from "../core/replies.ts";
import { checklistText as t } from "../checklist-messages.ts";
import { escapeHtml } from "./render.ts";
import { addButton, incomingOf } from "./present.ts";

export type ChecklistDeps = {
  conversation: Conversation;
  checklists: () => Checklist[];
  store: StateStore;
  logger: Logger;
  /** Renders the core's replies in Telegram (shared with the quiz module). */
  present: (ctx: Context, replies: Reply[]) => Promise<void>;
  reminderDays: number;
};

const CHANNEL = "telegram";

/**
 * The guided checklist in a private Telegram chat. Every intent goes through the conversation core
 * (the same as the web chat, Zalo and the terminal; its buttons come back through the bot's one
 * callback handler); this adapter only adds Telegram's own choices (resume or restart, which list,
 * confirm a cancel) and the reminders.
 */
export function registerChecklist(bot: Bot, deps: ChecklistDeps) {
  const { store, logger, conversation } = deps;
  const show = deps.present;
  const run = async (ctx: Context, intent: Intent) => show(ctx, await conversation.handle(incomingOf(ctx, "", intent)));

  bot.command(["mohinh", "danhmuc"], async (ctx) => {
    if (ctx.chat.type !== "private") return void (await ctx.reply(t.privateOnly));
    const lists = deps.checklists();
    if (lists.length === 0) return void (await ctx.reply(t.noChecklists));
    // Telegram offers a choice (buttons) where text channels simply resume.
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    if (active) {
      const title = lists.find((c) => c.id === active.checklistId)?.title ?? active.checklistId;
      const keyboard = addButton(new InlineKeyboard(), t.resume, { kind: "checklist-resume" }).row();
      addButton(keyboard, t.restart, { kind: "checklist-start", checklistId: "", restart: true });
      return void (await ctx.reply(t.offerResume(escapeHtml(title)), { parse_mode: "HTML", reply_markup: keyboard }));
    }
    const wanted = ctx.match.trim();
    if (ctx.message?.text?.startsWith("/danhmuc") && !lists.some((c) => c.id === wanted) && lists.length > 1) {
      const keyboard = new InlineKeyboard();
      for (const c of lists) addButton(keyboard, c.title, { kind: "checklist-start", checklistId: c.id, restart: false }).row();
      return void (await ctx.reply(t.pick, { reply_markup: keyboard }));
    }
    await run(ctx, parseText(`/mohinh ${wanted}`));
  });

  bot.command("tiendo", (ctx) => run(ctx, { kind: "checklist-progress" }));
  bot.command("xuat", (ctx) => run(ctx, parseText(`/xuat ${ctx.match}`)));
  bot.command("huybo", async (ctx) => {
    const active = await store.activeChecklistRun(CHANNEL, String(ctx.chat.id));
    if (!active) return void (await ctx.reply(t.noneActive));
    // "No" shows the current question again.
    const keyboard = addButton(new InlineKeyboard(), t.cancelYes, { kind: "checklist-input", input: { kind: "cancel" } });
    addButton(keyboard, t.cancelNo, { kind: "checklist-resume" });
    await ctx.reply(t.confirmCancel, { reply_markup: keyboard });
  });

  return {
    /** Sends one reminder for each checklist left idle for `reminderDays`. */
    async remind(now = new Date()): Promise<number> {
      const before = new Date(now.getTime() - deps.reminderDays * 86_400_000).toISOString();
      const idle = (await store.idleChecklistRuns(before)).filter((run) => run.channel === CHANNEL);
      let sent = 0;
      for (const run of idle) {
        // Claimed before it is sent: with several replicas checking at once, one of them sends it.
        if (!(await store.claimReminder(run.runId, now.toISOString()))) continue;
        const title = deps.checklists().find((c) => c.id === run.checklistId)?.title ?? run.checklistId;
        await bot.api.sendMessage(Number(run.chatId), t.reminder(title, deps.reminderDays)).catch((error) => logger.warn("checklist.remind", { error }));
        sent += 1;
      }
      return sent;
    },
  };
}

export type ChecklistController = ReturnType<typeof registerChecklist>;
