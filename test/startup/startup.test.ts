import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GUIDANCE } from "../helpers/corpus.ts";
import { writeFile } from "node:fs/promises";
import { ROOT, runIngest, tempDir, writeFiles } from "../helpers/index.ts";
import { startFakeTelegram, TOKEN } from "../helpers/fake-telegram.ts";
import { NODE, freePort } from "../helpers/processes.ts";



let child: ChildProcess | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await cleanup?.();
});

/** `npm start` as an operator runs it, in a temp folder with a small knowledge folder. */
async function start(env: Record<string, string>, before?: (dir: string) => Promise<void>) {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  await writeFiles(path.join(temp.dir, "knowledge", "documents"), { "huong-dan.txt": GUIDANCE });
  await before?.(temp.dir);
  const port = await freePort();
  let output = "";
  child = spawn(NODE, [path.join(ROOT, "bot/main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: path.join(temp.dir, "knowledge"), PORT: String(port), ...env },
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { base: `http://127.0.0.1:${port}`, output: () => output };
}

async function within<T>(ms: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing within ${ms} ms`);
}

describe("npm start", () => {
  it("serves the web chat within 10 s when Telegram cannot be reached, and says why the bot is not up, without the token", async () => {
    const { base, output } = await start({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9" });
    const started = Date.now();
    const reply = await within(10_000, async () => {
      const response = await fetch(`${base}/api/message`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: "operator-1", text: "Thủ trưởng cơ quan phải làm gì?" }) });
      return response.ok ? ((await response.json()) as { replies: Array<{ kind: string; answer: string }> }) : undefined;
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(reply.replies[0]!.kind).toBe("answer");
    expect(reply.replies[0]!.answer).toContain("Ban hành quy chế làm việc");
    const health = await within(5_000, async () => {
      const body = (await (await fetch(`${base}/healthz`)).json()) as { channels: Record<string, { state: string; lastError?: string }>; index: { passages: number } };
      return body.channels.telegram?.state === "retrying" ? body : undefined;
    });
    expect(health.index.passages).toBeGreaterThan(0);
    await within(5_000, async () => (/channel\.retry.*telegram|telegram.*channel\.retry/.test(output()) ? true : undefined));
    expect(output()).not.toContain(TOKEN);
    expect(output()).not.toContain(TOKEN.split(":")[1]!);
  }, 30_000);

  it("serves the index in force while another ingest holds the lock", async () => {
    const { base, output } = await start({}, async (dir) => {
      await runIngest(path.join(dir, "knowledge"), path.join(dir, "data", "index"));
      // Another ingest, alive (this test's own process), is writing.
      await writeFile(path.join(dir, "data", "index", ".ingest.lock"), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    });
    const health = await within(10_000, async () => {
      const response = await fetch(`${base}/healthz`);
      return response.ok ? ((await response.json()) as { index: { passages: number } }) : undefined;
    });
    expect(health.index.passages).toBeGreaterThan(0);
    expect(output()).toMatch(/Một lần nạp tài liệu khác đang chạy; dùng chỉ mục hiện có/);
  }, 30_000);

  it("never writes the bot token, not even when the Bot API echoes the request path in its errors", async () => {
    const fake = await startFakeTelegram();
    try {
      for (let i = 0; i < 40; i++) {
        fake.failNext("getUpdates", { status: 400, description: `Bad Request: proxy rejected /bot${TOKEN}/getUpdates (${encodeURIComponent(TOKEN)})` });
      }
      const { base, output } = await start({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "debug" });
      await within(15_000, async () => (fake.calls.filter((c) => c.method === "getUpdates").length >= 3 ? true : undefined));
      await within(5_000, async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(output()).toMatch(/\*\*\*/);
      expect(output()).not.toContain(TOKEN);
      expect(output()).not.toContain(encodeURIComponent(TOKEN));
      expect(output()).not.toContain(TOKEN.split(":")[1]!);
    } finally {
      await fake.close();
    }
  }, 40_000);
});
