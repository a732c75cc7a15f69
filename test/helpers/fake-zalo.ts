import { createServer } from "node:http";
import { listenLocal, waitUntil } from "./local-server.ts";

export const ZALO_TOKEN = "1234567890:zalo-test-token";
export type ZaloCall = { method: string; body: Record<string, unknown> };

/**
 * A fake Zalo Bot API on 127.0.0.1: getUpdates returns ONE update (not a list) and has no offset;
 * when none arrives within the timeout it answers error 408. Every call is recorded.
 */
export async function startFakeZalo() {
  const calls: ZaloCall[] = [];
  const queue: Array<Record<string, unknown>> = [];
  let waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const match = req.url?.match(/^\/bot([^/]+)\/(\w+)/);
      res.setHeader("content-type", "application/json");
      if (!match || match[1] !== ZALO_TOKEN) return void res.writeHead(401).end(JSON.stringify({ ok: false, error_code: 401, description: "Unauthorized" }));
      const method = match[2]!;
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
      calls.push({ method, body });
      if (method === "getUpdates") {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(Number(body.timeout ?? 1), 1) * 1000);
            waiters.push(() => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
        const update = queue.shift();
        if (!update) return void res.end(JSON.stringify({ ok: false, error_code: 408, description: "Request timeout" }));
        return void res.end(JSON.stringify({ ok: true, result: update }));
      }
      const result = method === "getMe" ? { id: "bot1", account_name: "trolydanvan", display_name: "Trợ lý Dân vận" } : method === "sendMessage" ? { message_id: `m${calls.length}`, date: Date.now() } : true;
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  const local = await listenLocal(server);
  return {
    apiRoot: local.base,
    calls,
    push(update: Record<string, unknown>) {
      queue.push(update);
      const current = waiters;
      waiters = [];
      for (const wake of current) wake();
    },
    sent: (chatId: string) => calls.filter((c) => c.method === "sendMessage" && c.body.chat_id === chatId).map((c) => String(c.body.text)),
    waitFor: (predicate: () => boolean, timeoutMs = 15_000) => waitUntil(predicate, () => calls.map((c) => c.method).join(","), timeoutMs),
    async close() {
      for (const wake of waiters) wake();
      await local.close();
    },
  };
}

export function zaloText(chatId: string, userId: string, text: string, chatType = "PRIVATE") {
  return { event_name: "message.text.received", message: { message_id: `u${Math.random()}`, date: Date.now(), from: { id: userId, display_name: "Hùng" }, chat: { id: chatId, chat_type: chatType }, text } };
}
