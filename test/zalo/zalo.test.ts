import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import type { App } from "../../bot/app.ts";
import { createZaloClient, zaloUpdateSchema } from "../../bot/zalo/client.ts";
import { createZaloChannel, ZALO_LIMIT } from "../../bot/zalo/channel.ts";
import { conversationFor, openTestApp } from "../helpers/index.ts";
import { ZALO_TOKEN, startFakeZalo, zaloText } from "../helpers/fake-zalo.ts";

let app: App;
let cleanup: () => Promise<void>;
let zalo: Awaited<ReturnType<typeof startFakeZalo>>;

beforeAll(async () => {
  ({ app, close: cleanup } = await openTestApp());
  zalo = await startFakeZalo();
});
afterAll(async () => {
  await zalo.close();
  await cleanup();
});

describe("Zalo channel against a fake Zalo Bot API server", () => {
  it("answers by long polling, in text form within 2,000 characters, with sources on request", async () => {
    const client = createZaloClient({ token: ZALO_TOKEN, apiRoot: zalo.apiRoot });
    const channel = createZaloChannel({ client, conversation: app.conversation, logger: silentLogger, botName: "trolydanvan" });
    const polling = channel.startPolling({ timeoutSeconds: 1 });
    try {
      zalo.push(zaloText("c1", "u1", "Các bước xây dựng mô hình dân vận gồm những gì?"));
      await zalo.waitFor(() => zalo.sent("c1").length >= 1);
      const answer = zalo.sent("c1").join("\n");
      expect(answer).toMatch(/Bước thứ hai: đưa nội dung ra sinh hoạt chi bộ/);
      expect(answer).toMatch(/Nguồn:\n\[1\] Hướng dẫn/);
      expect(answer).toMatch(/nguồn 1/);
      for (const text of zalo.sent("c1")) expect(text.length).toBeLessThanOrEqual(ZALO_LIMIT);

      // The verbatim passage, within Zalo's limit per message (splitting itself: test/core/conversation.test.ts).
      zalo.push(zaloText("c1", "u1", "nguồn 1"));
      await zalo.waitFor(() => zalo.sent("c1").slice(1).some((text) => /^Nguồn 1: /.test(text)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const source = zalo.sent("c1").slice(1);
      expect(source[0]).toMatch(/^Nguồn 1: /);
      for (const text of source) expect(text.length).toBeLessThanOrEqual(ZALO_LIMIT);
      expect(source.join("\n")).toContain("Bước thứ năm");

      // A practice quiz in text form: options numbered, answered with a letter.
      const before = zalo.sent("c1").length;
      zalo.push(zaloText("c1", "u1", "/luyentap mô hình dân vận"));
      await zalo.waitFor(() => zalo.sent("c1").length >= before + 2);
      expect(zalo.sent("c1").at(-1)).toMatch(/Câu 1\/\d+:[\s\S]*\nA\. [\s\S]*\nB\. /);
      zalo.push(zaloText("c1", "u1", "a"));
      await zalo.waitFor(() => zalo.sent("c1").length >= before + 4);
      expect(zalo.sent("c1").slice(before + 2).join("\n")).toMatch(/(Đúng!|Chưa đúng)[\s\S]*Nguồn: /);

      // Something other than text gets a polite reply; a group mention is answered without the mention.
      zalo.push({ event_name: "message.sticker.received", message: { from: { id: "u2" }, chat: { id: "c2", chat_type: "PRIVATE" }, sticker: "s" } });
      await zalo.waitFor(() => zalo.sent("c2").length >= 1);
      expect(zalo.sent("c2")[0]).toMatch(/chỉ đọc được tin nhắn chữ/);
      zalo.push(zaloText("g1", "u3", "@trolydanvan dan van kheo thi sao", "GROUP"));
      await zalo.waitFor(() => zalo.sent("g1").length >= 1);
      expect(zalo.sent("g1")[0]).toMatch(/dân vận khéo thì việc gì cũng thành công/i);
      expect(zalo.calls.some((c) => c.method === "deleteWebhook")).toBe(true);
    } finally {
      await polling.stop();
    }
  }, 60_000);

  it("asks a user who asks too fast to wait (the limit every channel shares)", async () => {
    const client = createZaloClient({ token: ZALO_TOKEN, apiRoot: zalo.apiRoot });
    const conversation = conversationFor(app.holder, app.store, { questionsPerMinute: 1 });
    const channel = createZaloChannel({ client, conversation, logger: silentLogger });
    await channel.dispatch(zaloUpdateSchema.parse(zaloText("r1", "ur", "Dân vận là gì?")));
    await channel.dispatch(zaloUpdateSchema.parse(zaloText("r1", "ur", "Dân vận khéo là gì?")));
    const sent = zalo.sent("r1");
    expect(sent[0]).toMatch(/Nguồn:/);
    expect(sent.at(-1)).toMatch(/hỏi hơi nhanh/);
  });

  it("accepts webhook requests only with the secret header, and answers 403 otherwise without processing", async () => {
    const client = createZaloClient({ token: ZALO_TOKEN, apiRoot: zalo.apiRoot });
    const channel = createZaloChannel({ client, conversation: app.conversation, logger: silentLogger });
    const http = new Hono();
    channel.mountWebhook(http, "/zalo/webhook", "bi-mat-zalo-123");
    const server = serve({ fetch: http.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`;
    try {
      const update = JSON.stringify(zaloText("w1", "u9", "Dân vận là gì?"));
      expect((await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: update })).status).toBe(403);
      expect((await fetch(url, { method: "POST", headers: { "content-type": "application/json", "X-Bot-Api-Secret-Token": "sai" }, body: update })).status).toBe(403);
      await new Promise((r) => setTimeout(r, 200));
      expect(zalo.sent("w1")).toEqual([]);
      expect((await fetch(url, { method: "POST", headers: { "content-type": "application/json", "X-Bot-Api-Secret-Token": "bi-mat-zalo-123" }, body: update })).status).toBe(200);
      await zalo.waitFor(() => zalo.sent("w1").length >= 1);
      expect(zalo.sent("w1")[0]).toMatch(/vận động tất cả lực lượng/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
