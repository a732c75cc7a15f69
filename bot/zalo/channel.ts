import type { Hono } from "hono";
import type { Logger } from "../../src/log.ts";
import type { Conversation } from "../core/conversation.ts";
import type { Reply } from "../core/replies.ts";
import { renderPlain } from "../core/render-text.ts";
import { splitText } from "../core/split.ts";
import { text as text_ } from "../messages.ts";
import type { ZaloClient, ZaloUpdate } from "./client.ts";
import { zaloUpdateSchema } from "./client.ts";

/** Zalo's limit for one text message. */
export const ZALO_LIMIT = 2000;

/** Renders a reply for Zalo: plain text, options already numbered in the text, files described (Zalo bots send no documents). */
function renderZalo(reply: Reply): string {
  if (reply.kind === "file") return `📄 ${reply.caption}: Zalo chưa cho bot gửi tệp, nên nội dung đầy đủ ở tin nhắn dưới đây (bản DOCX lấy được qua trang trò chuyện web hoặc Telegram).`;
  return renderPlain(reply);
}

/**
 * The Zalo channel: turns updates into messages for the conversation core and sends the replies back
 * as text, split at the platform's limit. Messages of one chat are handled in order.
 */
export function createZaloChannel(deps: { client: ZaloClient; conversation: Conversation; logger: Logger; botName?: string | (() => string | undefined) }) {
  const botName = () => (typeof deps.botName === "function" ? deps.botName() : deps.botName);
  const { client, conversation, logger } = deps;
  const chains = new Map<string, Promise<void>>();

  async function process(update: ZaloUpdate): Promise<void> {
    const message = update.message;
    if (!message) {
      logger.warn("zalo.update.unknown", { event: update.event_name });
      return;
    }
    const chatId = message.chat.id;
    if (update.event_name !== "message.text.received" || !message.text) {
      await client.sendMessage(chatId, text_.notText);
      return;
    }
    // In groups the platform only delivers mentions and replies to the bot: all are for us.
    const text = message.text.replace(/@\S+/g, (mention) => (botName() && mention.slice(1).toLowerCase() === botName()!.toLowerCase() ? "" : mention)).trim();
    await client.sendChatAction(chatId).catch((error) => logger.warn("zalo.chat_action", { error, action: "the reply is sent anyway" }));
    const replies = await conversation.handle({ channel: "zalo", chatId, userId: message.from.id, userName: message.from.display_name ?? message.from.name ?? "", text });
    for (const reply of replies) for (const part of splitText(renderZalo(reply), ZALO_LIMIT)) await client.sendMessage(chatId, part);
  }

  /** Queues an update behind the others of its chat; errors become a polite reply and a log line. */
  function dispatch(update: ZaloUpdate): Promise<void> {
    const chatId = update.message?.chat.id ?? "?";
    const previous = chains.get(chatId) ?? Promise.resolve();
    const next = previous.then(() => process(update)).catch(async (error) => {
      logger.error("zalo.error", { error });
      if (update.message) await client.sendMessage(chatId, text_.error).catch((sendError) => logger.warn("zalo.error_reply", { error: sendError, action: "the user gets no reply" }));
    });
    chains.set(chatId, next);
    void next.finally(() => chains.get(chatId) === next && chains.delete(chatId));
    return next;
  }

  return {
    dispatch,
    /** Long polling: one update per getUpdates call; 408 means none yet. */
    startPolling(options: { timeoutSeconds?: number } = {}) {
      const controller = new AbortController();
      let running = true;
      const loop = (async () => {
        await client.deleteWebhook().catch((error) => logger.warn("zalo.deleteWebhook", { error }));
        while (running) {
          try {
            const updates = await client.getUpdate(options.timeoutSeconds ?? 30, controller.signal);
            for (const update of updates) void dispatch(update);
          } catch (error) {
            if (!running) break;
            logger.warn("zalo.poll", { error });
            await new Promise((resolve) => setTimeout(resolve, 2000));
          }
        }
      })();
      return {
        async stop() {
          running = false;
          controller.abort();
          await loop.catch(() => undefined);
          await Promise.all([...chains.values()]);
        },
      };
    },
    /** Webhook: accepts a request only with the right X-Bot-Api-Secret-Token; 403 otherwise, unprocessed. */
    mountWebhook(app: Hono, route: string, secret: string) {
      app.post(route, async (c) => {
        if (c.req.header("x-bot-api-secret-token") !== secret) return c.json({ ok: false }, 403);
        const body = await c.req.json().catch(() => undefined);
        const update = zaloUpdateSchema.safeParse((body as { result?: unknown } | undefined)?.result ?? body);
        if (!update.success) {
          logger.warn("zalo.webhook.unknown", { body: JSON.stringify(body).slice(0, 500) });
          return c.json({ ok: true });
        }
        void dispatch(update.data);
        return c.json({ ok: true });
      });
    },
  };
}
