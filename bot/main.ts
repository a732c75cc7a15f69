import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { loadConfig, loadDotEnv } from "../src/config.ts";
import { isAppError } from "../src/errors.ts";
import { createLogger } from "../src/log.ts";
import { openApp } from "./app.ts";
import type { App } from "./app.ts";
import { ingestKnowledge } from "./compose.ts";
import { createTelegramBot } from "./telegram/bot.ts";
import type { RunningBot } from "./telegram/run.ts";
import { mountWebhook, startPolling } from "./telegram/run.ts";
import { createWebApp } from "./web/server.ts";
import { createZaloClient } from "./zalo/client.ts";
import { createZaloChannel } from "./zalo/channel.ts";

/**
 * `npm start`: brings the index up to date with knowledge/ (unchanged files are skipped), then
 * serves the web chat on PORT, plus the Telegram bot when TELEGRAM_BOT_TOKEN is set.
 */
async function startTelegram(app: App, http: Hono): Promise<{ stop(): Promise<void> }> {
  const { config, logger, store } = app;
  const { bot, quiz, checklist } = createTelegramBot({
    token: config.TELEGRAM_BOT_TOKEN!,
    apiRoot: config.TELEGRAM_API_ROOT,
    knowledge: app.holder.current,
    reload: app.reload,
    store,
    admins: config.adminIds,
    logger,
    questionsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    conversation: app.conversation,
    quiz: { bank: app.bank, openPeriod: config.QUIZ_OPEN_PERIOD, defaultCount: config.QUIZ_DEFAULT_COUNT },
    checklist: { checklists: app.checklists, reminderDays: config.REMINDER_DAYS },
  });
  let running: RunningBot;
  if (config.TELEGRAM_WEBHOOK_URL) {
    running = await mountWebhook(bot, logger, { publicUrl: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET!, app: http });
  } else {
    running = await startPolling(bot, logger);
  }
  await quiz?.resume();
  // One reminder per checklist left idle for REMINDER_DAYS; checked every hour.
  const reminders = setInterval(() => void checklist?.remind().catch((error) => logger.warn("checklist.remind", { error })), 3_600_000);
  reminders.unref();
  console.log(`Bot Telegram @${bot.botInfo.username} đang chạy (${config.TELEGRAM_WEBHOOK_URL ? "webhook" : "long polling"}).`);
  return {
    async stop() {
      quiz?.stop();
      clearInterval(reminders);
      await running.stop();
    },
  };
}

async function startZaloChannel(app: App, http: Hono): Promise<{ stop(): Promise<void> }> {
  const { config, logger } = app;
  const client = createZaloClient({ token: config.ZALO_BOT_TOKEN!, apiRoot: config.ZALO_API_ROOT });
  const me = await client.getMe().catch((error) => {
    logger.warn("zalo.getMe", { error });
    return undefined;
  });
  const channel = createZaloChannel({ client, conversation: app.conversation, logger, botName: me?.account_name ?? me?.name });
  if (config.ZALO_WEBHOOK_URL) {
    const route = new URL(config.ZALO_WEBHOOK_URL).pathname.replace(/\/$/, "") || "/zalo/webhook";
    channel.mountWebhook(http, route, config.ZALO_WEBHOOK_SECRET!);
    await client.setWebhook(config.ZALO_WEBHOOK_URL, config.ZALO_WEBHOOK_SECRET!);
    console.log("Bot Zalo đang chạy (webhook).");
    return { async stop() {} };
  }
  const polling = channel.startPolling();
  console.log("Bot Zalo đang chạy (long polling).");
  return polling;
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.TELEGRAM_BOT_TOKEN, config.OPENAI_API_KEY, config.TELEGRAM_WEBHOOK_SECRET, config.ZALO_BOT_TOKEN, config.ZALO_WEBHOOK_SECRET] });
  const report = await ingestKnowledge(config);
  const failed = report.files.filter((f) => f.status === "failed" || f.status === "skipped");
  console.log(`Chỉ mục: ${report.documents} văn bản, ${report.chunks} đoạn${report.changed ? " (vừa cập nhật)" : ""}.`);
  for (const file of failed) console.log(`  ! ${file.path}: ${file.reason}`);

  const app = await openApp(config, logger);
  const http = new Hono();
  const channels: Array<{ stop(): Promise<void> }> = [];
  if (config.TELEGRAM_BOT_TOKEN) channels.push(await startTelegram(app, http));
  if (config.ZALO_BOT_TOKEN) channels.push(await startZaloChannel(app, http));
  createWebApp({ conversation: app.conversation, passage: (id) => app.holder.current().index.passage(id), logger, app: http });
  // Webhooks need to be reachable from outside; otherwise the web chat listens on this machine only.
  const hostname = config.TELEGRAM_WEBHOOK_URL || config.ZALO_WEBHOOK_URL ? "0.0.0.0" : config.HOST;
  const server = serve({ fetch: http.fetch, port: config.PORT, hostname });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  console.log(`Trò chuyện trên web: http://127.0.0.1:${config.PORT}  (Ctrl+C để dừng)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutdown", { signal });
    for (const channel of channels) await channel.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(isAppError(error) ? `Lỗi: ${error.message}` : error);
  process.exit(1);
});
