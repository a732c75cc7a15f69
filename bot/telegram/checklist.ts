import { InlineKeyboard, InputFile } from "grammy";
import type { Bot, Context } from "grammy";
import type { ChecklistInput } from "../../src/checklist/engine.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { Logger } from "../../src/log.ts";
import type { StateStore } from "../../src/state/store.ts";
import type { Action, Conversation, Reply } from "../core/conversation.ts";
import { checklistText as t } from "../checklist-messages.ts";
import { escapeHtml } from "./render.ts";

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
 * (the same as the web chat, Zalo and the terminal); this adapter only turns buttons into inputs and
 * renders the core's replies with Telegram HTML and inline buttons.
 */
export function registerChecklist(bot: Bot, deps: ChecklistDeps) {
  const { store, logger, conversation } = deps;

  const show = deps.present;

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
