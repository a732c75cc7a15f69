import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import type { App } from "../../bot/app.ts";
import { clientAddress, createWebApp } from "../../bot/web/server.ts";
import { createRateLimiter } from "../../bot/core/rate-limit.ts";
import { openTestApp } from "../helpers/index.ts";

let app: App;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, close: cleanup } = await openTestApp());
});
afterAll(() => cleanup());

describe("web chat JSON API", () => {
  it("validates the body, limits each session and address, and serves passages", async () => {
    // Behind one trusted proxy hop, as in production behind a reverse proxy.
    const web = createWebApp({ conversation: app.conversation, passage: (id) => app.holder.current().index.passage(id), logger: silentLogger, perMinute: 3, trustProxy: { kind: "hops", hops: 1 } });
    const post = (body: unknown, ip = "10.0.0.1") => web.request("/api/message", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify(body) });
    expect((await post({ session: "x", text: "hi" })).status).toBe(400);
    expect(await (await post({ session: "abcdefgh12" })).json()).toMatchObject({ error: "text: thiếu nội dung tin nhắn (chuỗi)" });
    const broken = await web.request("/api/message", { method: "POST", headers: { "content-type": "application/json" }, body: "{session:" });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: "Nội dung gửi lên không phải JSON hợp lệ." });
    expect(await (await post([1, 2])).json()).toEqual({ error: "nội dung: cần một đối tượng JSON có «session» và «text»" });
    const ok = await post({ session: "abcdefgh12", text: "Ai làm công tác dân vận hiệu quả nhất?" });
    const body = await ok.json() as { replies: Array<{ kind: string; citations: Array<{ chunkId: string }> }> };
    expect(body.replies[0]!.kind).toBe("answer");
    const passage = await web.request(`/api/passage/${body.replies[0]!.citations[0]!.chunkId}`);
    expect(((await passage.json()) as { text: string }).text).toMatch(/người đứng đầu cấp ủy hoặc thủ trưởng cơ quan/);
    expect((await web.request("/api/passage/khong-co")).status).toBe(404);
    await post({ session: "abcdefgh12", text: "/tailieu" });
    await post({ session: "abcdefgh12", text: "/tailieu" });
    const limited = await post({ session: "abcdefgh12", text: "/tailieu" });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: string }).error).toMatch(/Bạn gửi hơi nhanh/);
    // Another session from another address is not affected.
    expect((await post({ session: "zyxwvuts98", text: "/tailieu" }, "10.0.0.2")).status).toBe(200);
    expect((await web.request("/api/files/khong-co")).status).toBe(404);
  });

  it("a client that invents its own X-Forwarded-For is still limited as one address", async () => {
    const web = createWebApp({ conversation: app.conversation, passage: (id) => app.holder.current().index.passage(id), logger: silentLogger, perMinute: 30 });
    const statuses: number[] = [];
    for (let i = 0; i < 80; i++) {
      const response = await web.request("/api/message", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}` }, body: JSON.stringify({ session: `phien-${String(i).padStart(6, "0")}`, text: "/tailieu" }) });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
  });

  it("reads the client address from X-Forwarded-For only through a trusted proxy", () => {
    expect(clientAddress("198.51.100.7", "1.2.3.4", { kind: "none" })).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.5", "1.2.3.4, 9.9.9.9", { kind: "hops", hops: 1 })).toBe("9.9.9.9");
    expect(clientAddress("10.0.0.5", "1.2.3.4, 9.9.9.9", { kind: "addresses", addresses: ["10.0.0.5"] })).toBe("9.9.9.9");
    expect(clientAddress("198.51.100.7", "1.2.3.4", { kind: "addresses", addresses: ["10.0.0.5"] })).toBe("198.51.100.7");
    expect(clientAddress("::ffff:127.0.0.1", undefined, { kind: "hops", hops: 1 })).toBe("127.0.0.1");
  });

  it("/healthz reports the index and each channel", async () => {
    const web = createWebApp({ conversation: app.conversation, passage: async () => undefined, logger: silentLogger, health: () => ({ index: { passages: 3 }, channels: { telegram: { state: "retrying" } } }) });
    expect(await (await web.request("/healthz")).json()).toEqual({ status: "ok", index: { passages: 3 }, channels: { telegram: { state: "retrying" } } });
  });
});

describe("the rate limit every channel uses", () => {
  it("counts each key in a sliding minute and forgets the least recently used keys first, never everyone", () => {
    const window = createRateLimiter({ perMinute: 2 });
    expect([window("a", 0), window("a", 1), window("a", 2)]).toEqual([0, 0, 60]);
    expect(window("a", 60_001)).toBe(0);
    const hit = createRateLimiter({ perMinute: 1, maxKeys: 2 });
    expect([hit("a", 0), hit("a", 1)]).toEqual([0, 60]);
    hit("b", 2);
    hit("c", 3);
    // Three keys for two places: "a", used least recently, is forgotten; "c" is still counted.
    expect(hit("a", 4)).toBe(0);
    expect(hit("c", 5)).toBe(60);
    // Several keys at once: limited when any of them is.
    expect(hit(["z", "c"], 6)).toBe(60);
  });
});
