import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, InlineKeyboard } from "grammy";
import type { Context } from "grammy";
import type { AnswerResult } from "../../src/answer/types.ts";
import type { Logger } from "../../src/log.ts";
import type { StateStore } from "../../src/state/store.ts";
import type { IngestReport } from "../../ingest/pipeline.ts";
import type { Knowledge } from "../compose.ts";
import { COMMANDS, coreText, text } from "../messages.ts";
import type { Block } from "./render.ts";
import { answerBlocks, escapeHtml, packMessages, passageBlocks } from "./render.ts";
import type { QuizController, QuizDeps } from "./quiz.ts";
import { registerQuiz } from "./quiz.ts";
import type { ChecklistController, ChecklistDeps } from "./checklist.ts";
import { registerChecklist } from "./checklist.ts";
import { createPresenter, incomingOf } from "./present.ts";
import type { Conversation } from "../core/conversation.ts";
import type { Intent } from "../core/intent.ts";
import { decodeIntent } from "../core/intent.ts";
import type { Library } from "../admin/library.ts";
import { registerUploads } from "./uploads.ts";

export type TelegramDeps = {
  token: string;
  /** The platform-free core: questions, practice and checklists go through it, as on every channel. */
  conversation: Conversation;
  apiRoot?: string;
  /** The knowledge in force now; `/reload` swaps it. */
  knowledge: () => Knowledge;
  reload: () => Promise<IngestReport>;
  store: StateStore;
  admins: ReadonlySet<number>;
  logger: Logger;
  /** Quiz sessions; left out, the bot only answers questions. */
  quiz?: Omit<QuizDeps, "store" | "logger" | "isAdmin" | "present" | "conversation">;
  /** Guided checklists; left out, there are none. */
  checklist?: Omit<ChecklistDeps, "store" | "logger" | "present" | "conversation">;
  /**
   * Records an update id the first time (the state store); a repeat — a webhook retry, or another
   * replica's delivery — is not handled again. `releaseUpdate` forgets one whose handling failed.
   */
  claimUpdate?: (updateId: number) => Promise<boolean>;
  releaseUpdate?: (updateId: number) => Promise<void>;
  /** Admins' uploads and removals (bot/admin/library.ts); left out, a file gets the "text only" reply. */
  uploads?: { library: Library; maxBytes: number };
};

const CHANNEL = "telegram";

// Callback data, all well under Telegram's 64 bytes: "src:<answer id>:<n>", "fb:<id>:1|-1", "sg:<id>:<i>"
// (answer ids are 8 characters, given by the conversation core when it stores the answer).


/**
 * The Telegram bot (grammY). Translates updates into questions and renders answers as Telegram HTML
 * with source and feedback buttons. All state that must survive restarts goes through `store`.
 */
export function createTelegramBot(deps: TelegramDeps): { bot: Bot; quiz?: QuizController; checklist?: ChecklistController } {
  const bot = new Bot(deps.token, { client: { ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}) } });
  const { logger, store } = deps;
  // 429 (honouring retry_after) and 5xx are retried by the plugin, not by us.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 4, maxDelaySeconds: 120 }));
  // Updates of one chat are handled in order; different chats run concurrently (with @grammyjs/runner).
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  const isAdmin = (ctx: Context) => ctx.from !== undefined && deps.admins.has(ctx.from.id);

  if (deps.claimUpdate) {
    const claim = deps.claimUpdate;
    bot.use(async (ctx, next) => {
      if (!(await claim(ctx.update.update_id))) return void logger.info("telegram.duplicate_update", { requestId: `${ctx.update.update_id}`, action: "already handled" });
      try {
        await next();
      } catch (error) {
        // Not handled after all: Telegram's retry (to this replica or another) gets a second chance.
        await deps.releaseUpdate?.(ctx.update.update_id).catch((releaseError: unknown) => logger.warn("telegram.release_update", { error: releaseError }));
        throw error;
      }
    });
  }
  bot.use(async (ctx, next) => {
    const requestId = `${ctx.update.update_id}`;
    const started = performance.now();
    await next();
    logger.info("telegram.update", { requestId, chat: ctx.chat?.type, ms: Math.round(performance.now() - started) });
  });

  async function send(ctx: Context, blocks: Block[], keyboard?: InlineKeyboard): Promise<void> {
    const messages = packMessages(blocks);
    for (const [i, message] of messages.entries()) {
      const last = i === messages.length - 1;
      await ctx.reply(message, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
        ...(ctx.chat?.type !== "private" && ctx.msg?.message_id && i === 0 ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
      });
    }
  }

  function keyboardFor(id: string, result: AnswerResult): InlineKeyboard | undefined {
    const keyboard = new InlineKeyboard();
    if (result.grade === "none") {
      if (result.suggestions.length === 0) return undefined;
      result.suggestions.forEach((topic, i) => keyboard.text(`🔎 ${topic.length > 40 ? `${topic.slice(0, 39)}…` : topic}`, `sg:${id}:${i}`).row());
      return keyboard;
    }
    for (const citation of result.citations) keyboard.text(`Nguồn ${citation.n}`, `src:${id}:${citation.n}`);
    keyboard.row().text("👍", `fb:${id}:1`).text("👎", `fb:${id}:-1`);
    return keyboard;
  }

  /** Every message and button goes through the conversation core's one router, as on the other channels. */
  async function viaCore(ctx: Context, input: string, intent?: Intent): Promise<void> {
    await ctx.replyWithChatAction("typing").catch((error) => logger.warn("telegram.chat_action", { error, action: "the reply is sent anyway" }));
    await present(ctx, await deps.conversation.handle(incomingOf(ctx, input, intent)));
  }
  const ask = (ctx: Context, question: string) => viaCore(ctx, "", { kind: "ask", question });

  async function showSource(ctx: Context, chunkIds: string[], n: number): Promise<void> {
    const chunkId = chunkIds[n - 1];
    const passage = chunkId ? await deps.knowledge().index.passage(chunkId) : undefined;
    if (!passage) {
      await ctx.reply(text.sourceGone);
      return;
    }
    await send(ctx, passageBlocks(n, passage));
  }

  bot.command("start", (ctx) => ctx.reply(text.start(escapeHtml(ctx.from?.first_name ?? "")), { parse_mode: "HTML" }));
  bot.command("help", (ctx) => ctx.reply(text.help + (isAdmin(ctx) ? text.helpAdmin : ""), { parse_mode: "HTML" }));
  bot.command("hoi", async (ctx) => {
    const question = ctx.match.trim();
    if (!question) return void (await ctx.reply(text.emptyHoi, { parse_mode: "HTML" }));
    await ask(ctx, question);
  });
  bot.command("tailieu", (ctx) => viaCore(ctx, "/tailieu"));
  bot.command("capdo", (ctx) => viaCore(ctx, `/capdo ${ctx.match}`.trim()));
  bot.command("nguon", async (ctx) => {
    const n = Number(ctx.match.trim());
    if (!Number.isInteger(n) || n < 1) return void (await ctx.reply(text.nguonUsage, { parse_mode: "HTML" }));
    await viaCore(ctx, `/nguon ${n}`);
  });
  bot.command("reload", async (ctx) => {
    if (!isAdmin(ctx)) return void (await ctx.reply(text.adminOnly));
    await ctx.reply(text.reloading);
    try {
      const report = await deps.reload();
      const problems = report.files.filter((f) => f.status === "failed" || f.status === "skipped").map((f) => `${f.path}: ${f.reason}`);
      await ctx.reply(text.reloaded(report.documents, report.chunks, report.changed, problems));
      logger.info("reload", { by: ctx.from?.id, documents: report.documents, chunks: report.chunks, changed: report.changed, ...(report.upkeep ? { upkeep: report.upkeep } : {}) });
    } catch (error) {
      logger.error("reload.failed", { error });
      await ctx.reply(text.reloadFailed(error instanceof Error ? error.message : String(error)));
    }
  });
  bot.command("thongke", async (ctx) => {
    if (!isAdmin(ctx)) return void (await ctx.reply(text.adminOnly));
    const usage = await store.usage();
    const weak = await store.weakAnswers(5);
    const lines = weak.map((w) => `• ${escapeHtml(w.question.slice(0, 120))}`);
    await ctx.reply(text.stats(usage) + (lines.length ? `${text.weakHeader}\n${lines.join("\n")}` : ""), { parse_mode: "HTML" });
  });

  const showAnswer = (ctx: Context, result: AnswerResult, id: string) => send(ctx, answerBlocks(result), keyboardFor(id, result));
  const present = createPresenter({ showAnswer });
  const quiz = deps.quiz ? registerQuiz(bot, { ...deps.quiz, conversation: deps.conversation, store, logger, present, isAdmin: (id) => deps.admins.has(id) }) : undefined;
  const checklist = deps.checklist ? registerChecklist(bot, { ...deps.checklist, conversation: deps.conversation, store, logger, present }) : undefined;
  if (deps.uploads) registerUploads(bot, { ...deps.uploads, token: deps.token, ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}), isAdmin, logger });

  bot.on("callback_query:data", async (ctx) => {
    // A button of the core (checklist steps, options): its intent, through the router.
    const intent = decodeIntent(ctx.callbackQuery.data);
    if (intent) {
      await ctx.answerCallbackQuery();
      return viaCore(ctx, "", intent);
    }
    const [kind, id, arg] = ctx.callbackQuery.data.split(":");
    const stored = id ? await store.getAnswer(id) : undefined;
    if (!stored) {
      await ctx.answerCallbackQuery({ text: text.sourceGone });
      return;
    }
    if (kind === "src") {
      await ctx.answerCallbackQuery();
      await showSource(ctx, stored.chunkIds, Number(arg));
    } else if (kind === "fb") {
      const vote = arg === "1" ? 1 : -1;
      await store.saveFeedback(stored.id, String(ctx.from.id), vote);
      await ctx.answerCallbackQuery({ text: coreText.feedbackThanks(vote === 1) });
      logger.info("feedback", { answer: stored.id, vote });
    } else if (kind === "sg") {
      await ctx.answerCallbackQuery();
      const topic = stored.suggestions[Number(arg)];
      if (topic) await ask(ctx, topic);
    } else {
      await ctx.answerCallbackQuery();
    }
  });

  bot.on("message:text", async (ctx) => {
    const message = ctx.message;
    // In a private chat every message is for us (an unknown command gets the help): the router reads it as on every channel.
    if (ctx.chat.type === "private") return viaCore(ctx, message.text);
    if (message.text.startsWith("/")) return; // in a group: another bot's command
    // "nguồn 2" typed instead of tapped: the source, as on the other channels.
    if (/^ngu[oồ]n\s*\d{1,2}$/iu.test(message.text.trim())) return viaCore(ctx, message.text.trim());
    // In a group: only a mention of the bot or a reply to one of its messages is for us.
    const username = ctx.me.username.toLowerCase();
    const mentioned = (message.entities ?? []).some((e) => e.type === "mention" && message.text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${username}`);
    const repliedToBot = message.reply_to_message?.from?.id === ctx.me.id;
    if (!mentioned && !repliedToBot) return;
    const question = message.text.replace(new RegExp(`@${ctx.me.username}\\b`, "gi"), "").trim();
    if (!question) return void (await ctx.reply(text.emptyHoi, { parse_mode: "HTML" }));
    await ask(ctx, question);
  });

  bot.on(["message:sticker", "message:photo", "message:voice", "message:audio", "message:video", "message:video_note", "message:document", "message:animation", "message:location", "message:contact"], async (ctx) => {
    if (ctx.chat.type !== "private") {
      const repliedToBot = ctx.message.reply_to_message?.from?.id === ctx.me.id;
      if (!repliedToBot) return;
    }
    await ctx.reply(text.notText);
  });

  bot.catch(async (err) => {
    const error = err.error;
    const kind = error instanceof GrammyError ? "telegram" : error instanceof HttpError ? "network" : "internal";
    logger.error("telegram.error", { requestId: `${err.ctx.update.update_id}`, kind, error });
    await err.ctx.reply(text.error).catch((replyError) => logger.warn("telegram.error_reply", { error: replyError, action: "the user gets no reply" }));
  });

  return { bot, quiz, checklist };
}

/** Registers the command menu; called once at start-up. */
export async function registerCommands(bot: Bot): Promise<void> {
  await bot.api.setMyCommands(COMMANDS);
}
