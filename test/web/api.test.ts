import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import type { App } from "../../bot/app.ts";
import { createWebApp } from "../../bot/web/server.ts";
import { openTestApp } from "../helpers/index.ts";

let app: App;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, close: cleanup } = await openTestApp());
});
afterAll(() => cleanup());

describe("web chat JSON API", () => {
  it("validates the body, limits each session and address, and serves passages", async () => {
    const web = createWebApp({ conversation: app.conversation, passage: (id) => app.holder.current().index.passage(id), logger: silentLogger, perMinute: 3 });
    const post = (body: unknown, ip = "10.0.0.1") => web.request("/api/message", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify(body) });
    expect((await post({ session: "x", text: "hi" })).status).toBe(400);
    expect(await (await post({ session: "abcdefgh12" })).json()).toMatchObject({ error: expect.stringMatching(/text/) });
    const ok = await post({ session: "abcdefgh12", text: "Ai làm công tác dân vận hiệu quả nhất?" });
    const body = await ok.json() as { replies: Array<{ kind: string; citations: Array<{ chunkId: string }> }> };
    expect(body.replies[0]!.kind).toBe("answer");
    const passage = await web.request(`/api/passage/${body.replies[0]!.citations[0]!.chunkId}`);
    expect(((await passage.json()) as { text: string }).text).toMatch(/người đứng đầu cấp ủy đảng/);
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
});
