import { serve } from "@hono/node-server";
import { Api } from "grammy";
import { Hono } from "hono";
import { loadConfig, loadDotEnv } from "../src/config.ts";
import { isAppError } from "../src/errors.ts";
import { readManifest } from "../src/index/manifest.ts";
import { createLogger, redactProcessOutput } from "../src/log.ts";
import { openApp } from "./app.ts";
import type { App } from "./app.ts";
import { ingestKnowledge } from "./compose.ts";
import { createTelegramBot } from "./telegram/bot.ts";
import type { Stoppable } from "./supervise.ts";
import { createSupervisor } from "./supervise.ts";
import type { RunningBot } from "./telegram/run.ts";
import { mountWebhook, startPolling, webhookRoute } from "./telegram/run.ts";
import { QUIZ_SWEEP_MS } from "./telegram/quiz.ts";
import { createWebApp } from "./web/server.ts";
import { mountAdmin } from "./admin/routes.ts";
import { createZaloClient } from "./zalo/client.ts";
import { createZaloChannel } from "./zalo/channel.ts";

/**
 * `npm start`: brings the index up to date with knowledge/ (unchanged files are skipped), then
 * serves the web chat on PORT, plus the Telegram bot when TELEGRAM_BOT_TOKEN is set.
 */
type TelegramRoute = ReturnType<typeof webhookRoute> | undefined;

async function startTelegram(app: App, route: TelegramRoute): Promise<Stoppable> {
  const { config, logger, store } = app;
  // A first call without the bot's own retries, so an unreachable Bot API or a revoked token fails this
  // attempt at once and the supervisor's back-off (logged) takes over.
  await new Api(config.TELEGRAM_BOT_TOKEN!, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined).getMe();
  const { bot, quiz, checklist } = createTelegramBot({
    token: config.TELEGRAM_BOT_TOKEN!,
    apiRoot: config.TELEGRAM_API_ROOT,
    knowledge: app.holder.current,
    reload: app.reload,
    store,
    admins: config.adminIds,
    logger,
    conversation: app.conversation,
    quiz: { bank: app.bank, openPeriod: config.QUIZ_OPEN_PERIOD, defaultCount: config.QUIZ_DEFAULT_COUNT, sharedState: Boolean(config.DATABASE_URL) },
    checklist: { checklists: app.checklists, reminderDays: config.REMINDER_DAYS },
    uploads: { library: app.library, maxBytes: Math.min(config.MAX_FILE_MB, 20) * 1024 * 1024 },
    // With a webhook, Telegram retries a delivery it saw no answer to (and, with replicas, any replica may get it): each update is handled once.
    ...(route ? { claimUpdate: (id: number) => store.claimUpdate("telegram", String(id)), releaseUpdate: (id: number) => store.releaseUpdate("telegram", String(id)) } : {}),
  });
  const running: RunningBot = route
    ? await mountWebhook(bot, logger, { publicUrl: config.TELEGRAM_WEBHOOK_URL!, secret: config.TELEGRAM_WEBHOOK_SECRET!, route })
    : await startPolling(bot, logger);
  await quiz?.resume();
  // One reminder per checklist left idle for REMINDER_DAYS; checked every hour.
  const reminders = setInterval(() => void checklist?.remind().catch((error) => logger.warn("checklist.remind", { error })), 3_600_000);
  reminders.unref();
  // Several replicas (DATABASE_URL): every replica keeps timers for every running group quiz, and the one that
  // claims a step moves the quiz on; a quiz goes on when the replica that ran it stops.
  const sweeps = config.DATABASE_URL ? setInterval(() => void quiz?.sweep().catch((error) => logger.warn("quiz.sweep", { error })), QUIZ_SWEEP_MS) : undefined;
  sweeps?.unref();
  console.log(`Bot Telegram @${bot.botInfo.username} đang chạy (${route ? "webhook" : "long polling"}).`);
  return {
    async stop() {
      quiz?.stop();
      clearInterval(reminders);
      if (sweeps) clearInterval(sweeps);
      await running.stop();
    },
  };
}

async function startZaloChannel(app: App, zalo: { channel: ReturnType<typeof createZaloChannel>; client: ReturnType<typeof createZaloClient>; identity: { name?: string } }): Promise<Stoppable> {
  const { config } = app;
  const { channel, client } = zalo;
  if (config.ZALO_WEBHOOK_URL) {
    await client.setWebhook(config.ZALO_WEBHOOK_URL, config.ZALO_WEBHOOK_SECRET!);
    console.log("Bot Zalo đang chạy (webhook).");
    return { async stop() {} };
  }
  // getMe proves the token works before polling starts (a revoked token is retried, then reported).
  const me = await client.getMe();
  zalo.identity.name = me?.account_name ?? me?.name;
  const polling = channel.startPolling();
  console.log("Bot Zalo đang chạy (long polling).");
  return polling;
}

async function main(): Promise<void> {
  loadDotEnv();
  redactProcessOutput(secretsOf(process.env));
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: secretsOf(process.env) });
  try {
    const report = await ingestKnowledge(config);
    const failed = report.files.filter((f) => f.status === "failed" || f.status === "skipped");
    console.log(`Chỉ mục: ${report.documents} văn bản, ${report.chunks} đoạn${report.changed ? " (vừa cập nhật)" : ""}.`);
    for (const file of failed) console.log(`  ! ${file.path}: ${file.reason}`);
  } catch (error) {
    // Another ingest is writing: serve the complete index in force (it is picked up again when that ingest commits).
    if (!(isAppError(error) && error.code.startsWith("busy:") && (await readManifest(config.indexDir).catch(() => undefined)))) throw error;
    logger.warn("startup.ingest_busy", { reason: error.message });
    console.log("Một lần nạp tài liệu khác đang chạy; dùng chỉ mục hiện có.");
  }

  const app = await openApp(config, logger);
  // Webhooks must be reachable from outside (0.0.0.0:PORT); the web chat, which has no login, stays on HOST.
  // Without webhooks the web chat alone uses PORT; with them it moves to WEB_PORT (default PORT + 1).
  const webhooks = Boolean(config.TELEGRAM_WEBHOOK_URL || config.ZALO_WEBHOOK_URL);
  const hooks = new Hono();
  const web = webhooks ? new Hono() : hooks;
  const supervisor = createSupervisor(logger);
  const health = () => {
    const manifest = app.holder.current().index.manifest;
    return { index: { generation: manifest.generation, passages: manifest.chunkCount, documents: manifest.documentCount }, channels: supervisor.status() };
  };
  // Routes first (a running app takes no new ones), then the servers, then the channels in the background:
  // the web chat is up whatever Telegram or Zalo do.
  const telegramRoute = config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_WEBHOOK_URL ? webhookRoute(hooks, config.TELEGRAM_WEBHOOK_URL) : undefined;
  const zalo = config.ZALO_BOT_TOKEN ? (() => {
    const client = createZaloClient({ token: config.ZALO_BOT_TOKEN!, apiRoot: config.ZALO_API_ROOT });
    const identity: { name?: string } = {};
    const channel = createZaloChannel({ client, conversation: app.conversation, logger, botName: () => identity.name });
    if (config.ZALO_WEBHOOK_URL) channel.mountWebhook(hooks, new URL(config.ZALO_WEBHOOK_URL).pathname, config.ZALO_WEBHOOK_SECRET!);
    return { client, channel, identity };
  })() : undefined;
  createWebApp({ conversation: app.conversation, passage: (id) => app.holder.current().index.passage(id), feedback: app.webFeedback, logger, app: web, perMinute: config.WEB_RATE_LIMIT_PER_MINUTE, trustProxy: config.trustProxy, health });
  mountAdmin(web, { password: config.ADMIN_PASSWORD, library: app.library, curation: app.curation, questionText: (id) => app.bank().find((q) => q.id === id)?.question, store: app.store, logger, maxBytes: config.MAX_FILE_MB * 1024 * 1024, trustProxy: config.trustProxy });
  if (webhooks) hooks.get("/healthz", (c) => c.json(health()));
  const listen = async (fetch: Hono["fetch"], port: number, hostname: string) => {
    const server = serve({ fetch, port, hostname });
    await new Promise<void>((resolve, reject) => {
      server.once("listening", () => resolve());
      server.once("error", reject);
    });
    return server;
  };
  const servers = [await listen(hooks.fetch, config.PORT, webhooks ? "0.0.0.0" : config.HOST)];
  const webPort = webhooks ? (config.WEB_PORT ?? config.PORT + 1) : config.PORT;
  if (webhooks) servers.push(await listen(web.fetch, webPort, config.HOST));
  console.log(`Trò chuyện trên web: http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${webPort}  (Ctrl+C để dừng)`);
  if (config.TELEGRAM_BOT_TOKEN) supervisor.start("telegram", () => startTelegram(app, telegramRoute));
  if (zalo) supervisor.start("zalo", () => startZaloChannel(app, zalo));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutdown", { signal });
    await supervisor.stop();
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
    app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  // Never print a raw error object here: a Bot API error carries its request, webhook secret included.
  const logger = createLogger({ secrets: secretsOf(process.env) });
  if (isAppError(error)) console.error(`Lỗi: ${error.message}`);
  else {
    logger.error("startup.failed", { error: error instanceof Error ? { name: error.name, message: error.message } : String(error) });
    console.error("Lỗi khi khởi động; xem dòng nhật ký ở trên.");
  }
  process.exit(1);
});

function secretsOf(env: Record<string, string | undefined>): Array<string | undefined> {
  return [env.TELEGRAM_BOT_TOKEN, env.OPENAI_API_KEY, env.TELEGRAM_WEBHOOK_SECRET, env.ZALO_BOT_TOKEN, env.ZALO_WEBHOOK_SECRET, env.ADMIN_PASSWORD];
}
