import { run } from "@grammyjs/runner";
import type { RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { Bot } from "grammy";
import type { Hono } from "hono";
import type { Context } from "hono";
import type { Logger } from "../../src/log.ts";
import { registerCommands } from "./bot.ts";

export type RunningBot = { stop(): Promise<void>; port?: number };

/** Long polling with @grammyjs/runner: concurrent across chats, ordered within a chat. */
export async function startPolling(bot: Bot, logger: Logger, options: { timeoutSeconds?: number } = {}): Promise<RunningBot> {
  await bot.init();
  await bot.api.deleteWebhook();
  await registerCommands(bot);
  const handle: RunnerHandle = run(bot, { runner: { fetch: { timeout: options.timeoutSeconds ?? 30 } } });
  logger.info("telegram.polling", { bot: bot.botInfo.username });
  return {
    async stop() {
      // Stops fetching and waits for updates in flight to finish.
      if (handle.isRunning()) await handle.stop();
    },
  };
}

/**
 * Telegram re-sends an update whose request takes too long, which would answer twice: after 9 s the
 * request is acknowledged and the update keeps being handled (a slow model answer, a /reload).
 */
const WEBHOOK_OPTIONS = (secret: string) => ({ secretToken: secret, onTimeout: "return" as const, timeoutMilliseconds: 9_000 });

/**
 * Webhook mode: Telegram POSTs updates to `publicUrl`; requests without the right
 * X-Telegram-Bot-Api-Secret-Token header get 401 and are not processed.
 */
type HonoHandler = (c: Context) => Response | Promise<Response>;

/**
 * The webhook route, mounted before the server listens (routes cannot be added to a running app);
 * it answers 503 until the bot is ready and `attach` gives it the handler.
 */
export function webhookRoute(app: Hono, publicUrl: string): { attach(handler: HonoHandler): void } {
  let handler: HonoHandler | undefined;
  // The exact path of the registered URL, trailing slash included (the router is strict about it).
  app.post(new URL(publicUrl).pathname, (c) => (handler ? handler(c) : c.text("Bot đang khởi động, vui lòng thử lại sau.", 503)));
  return { attach: (h) => (handler = h) };
}

/** Makes the bot ready for a webhook route mounted earlier, and registers the URL with Telegram. */
export async function mountWebhook(bot: Bot, logger: Logger, options: { publicUrl: string; secret: string; route: { attach(handler: HonoHandler): void } }): Promise<RunningBot> {
  await bot.init();
  await registerCommands(bot);
  options.route.attach(webhookCallback(bot, "hono", WEBHOOK_OPTIONS(options.secret)) as unknown as HonoHandler);
  await bot.api.setWebhook(options.publicUrl, { secret_token: options.secret, allowed_updates: ["message", "callback_query", "poll_answer"] });
  logger.info("telegram.webhook", { bot: bot.botInfo.username, route: new URL(options.publicUrl).pathname });
  return { async stop() {} };
}
