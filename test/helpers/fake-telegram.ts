import { createServer } from "node:http";
import { listenLocal, waitUntil } from "./local-server.ts";

export type ApiCall = { method: string; body: Record<string, unknown>; at: number; result?: unknown };
export type Failure = { status: number; description: string; retryAfter?: number };

export const BOT_ID = 7000001;
export const BOT_USERNAME = "trolydanvan_bot";
export const TOKEN = "123456:TEST-token_for_fake_server";

/**
 * A fake Telegram Bot API on 127.0.0.1: the methods the bot calls, long polling with offsets and
 * timeouts, failure injection (429 with retry_after, 5xx), and a record of every call.
 */
export async function startFakeTelegram() {
  const calls: ApiCall[] = [];
  /** Files users "sent" (file_id → bytes), served by getFile and /file/bot<token>/<path>. */
  const files = new Map<string, Buffer>();
  const updates: Array<Record<string, unknown>> = [];
  const failures = new Map<string, Failure[]>();
  let nextUpdateId = 1;
  let nextMessageId = 1000;
  let waiters: Array<() => void> = [];

  const wake = () => {
    const current = waiters;
    waiters = [];
    for (const resolve of current) resolve();
  };

  const messageFor = (body: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: { id: Number(body.chat_id), type: Number(body.chat_id) < 0 ? "supergroup" : "private" },
    from: { id: BOT_ID, is_bot: true, first_name: "Trợ lý Dân vận", username: BOT_USERNAME },
    ...extra,
  });

  async function handle(method: string, body: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case "getMe":
        return { id: BOT_ID, is_bot: true, first_name: "Trợ lý Dân vận", username: BOT_USERNAME, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      case "getUpdates": {
        const offset = Number(body.offset ?? 0);
        const timeout = Math.min(Number(body.timeout ?? 0), 2);
        const pending = () => updates.filter((u) => Number(u.update_id) >= offset);
        if (pending().length === 0 && timeout > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeout * 1000);
            waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
        // Confirmed updates (below the offset) are forgotten, as Telegram does.
        for (let i = updates.length - 1; i >= 0; i--) if (Number(updates[i]!.update_id) < offset) updates.splice(i, 1);
        return pending().slice(0, Number(body.limit ?? 100));
      }
      case "sendMessage":
        return messageFor(body, { text: body.text });
      case "editMessageText":
        return messageFor(body, { text: body.text });
      case "sendDocument":
        return messageFor(body, { document: { file_id: "doc", file_unique_id: "doc" } });
      case "getFile": {
        const id = String(body.file_id);
        const data = files.get(id);
        return data ? { file_id: id, file_unique_id: id, file_size: data.length, file_path: `documents/${id}` } : undefined;
      }
      case "sendPoll":
        return messageFor(body, { poll: { id: `poll${nextMessageId}`, question: body.question, options: [], total_voter_count: 0, is_closed: false, is_anonymous: false, type: "quiz", allows_multiple_answers: false } });
      default:
        return true;
    }
  }

  const server = createServer((req, res) => {
    const download = req.url?.match(/^\/file\/bot([^/]+)\/documents\/(.+)$/);
    if (download) {
      const data = download[1] === TOKEN ? files.get(decodeURIComponent(download[2]!)) : undefined;
      if (!data) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "application/octet-stream" }).end(data);
      return;
    }
    const match = req.url?.match(/^\/bot([^/]+)\/(\w+)/);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString("utf8");
      res.setHeader("content-type", "application/json");
      if (!match || match[1] !== TOKEN) {
        res.writeHead(401).end(JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }));
        return;
      }
      const method = match[2]!;
      let body: Record<string, unknown> = {};
      if (raw && (req.headers["content-type"] ?? "").includes("json")) body = JSON.parse(raw);
      else if (raw) body = { multipart: true, size: bytes.length, raw, bytes };
      const call: ApiCall = { method, body, at: Date.now() };
      calls.push(call);
      const failure = failures.get(method)?.shift();
      if (failure) {
        res.writeHead(failure.status).end(JSON.stringify({
          ok: false, error_code: failure.status, description: failure.description,
          ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
        }));
        return;
      }
      const result = await handle(method, body);
      call.result = result;
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  const local = await listenLocal(server);

  return {
    apiRoot: local.base,
    calls,
    /** Queues an update for getUpdates; returns its id. */
    push(update: Record<string, unknown>): number {
      const id = nextUpdateId++;
      updates.push({ update_id: id, ...update });
      wake();
      return id;
    },
    nextUpdateId: () => nextUpdateId++,
    /** A file a user sends: its file_id for a document message. */
    addFile(data: Buffer): string {
      const id = `file${files.size + 1}`;
      files.set(id, data);
      return id;
    },
    failNext(method: string, failure: Failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    waitFor: (predicate: (calls: ApiCall[]) => boolean, timeoutMs = 15_000) =>
      waitUntil(() => predicate(calls), () => calls.map((c) => c.method).join(", "), timeoutMs),
    async close() {
      wake();
      await local.close();
    },
  };
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;

let messageCounter = 1;
export const user = (id: number, firstName = "Lan") => ({ id, is_bot: false, first_name: firstName });
export const privateChat = (id: number) => ({ id, type: "private", first_name: "Lan" });
export const groupChat = (id: number) => ({ id, type: "supergroup", title: "Chi bộ Văn phòng" });

export function textMessage(chat: Record<string, unknown>, from: Record<string, unknown>, text: string, extra: Record<string, unknown> = {}) {
  const entities: Array<Record<string, unknown>> = [];
  const command = text.match(/^\/\w+(@\w+)?/);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@\w+/g)) if (m.index !== 0 || !command) entities.push({ type: "mention", offset: m.index, length: m[0].length });
  return { message: { message_id: messageCounter++, date: Math.floor(Date.now() / 1000), chat, from, text, ...(entities.length ? { entities } : {}), ...extra } };
}

export function pollAnswer(pollId: string, from: Record<string, unknown>, option: number) {
  return { poll_answer: { poll_id: pollId, user: from, option_ids: option < 0 ? [] : [option] } };
}

export function callback(chat: Record<string, unknown>, from: Record<string, unknown>, data: string) {
  return {
    callback_query: {
      id: `cb${messageCounter++}`, from, chat_instance: "ci", data,
      message: { message_id: messageCounter++, date: Math.floor(Date.now() / 1000), chat, from: { id: BOT_ID, is_bot: true, first_name: "Trợ lý" }, text: "…" },
    },
  };
}

export function documentMessage(chat: Record<string, unknown>, from: Record<string, unknown>, document: { file_id: string; file_name: string; file_size: number; mime_type?: string }) {
  return { message: { message_id: messageCounter++, date: Math.floor(Date.now() / 1000), chat, from, document: { file_unique_id: document.file_id, ...document } } };
}
