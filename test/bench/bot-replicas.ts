import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { KNOWLEDGE, ROOT, runIngest, tempDir } from "../helpers/index.ts";
import { TOKEN, privateChat, startFakeTelegram, textMessage, user } from "../helpers/fake-telegram.ts";
import { NODE, freePort, postgresSchema } from "../helpers/processes.ts";

/**
 * bench:bot's webhook mode: N `npm start` processes on one Postgres and one index folder, webhook updates
 * delivered round-robin over HTTP (a load balancer), 5% of them delivered twice (Telegram's retries).
 * Returns answered per second, and updates lost or answered twice.
 */
const SECRET = "bench-webhook-secret";
const HOOK = "/telegram/hook";
/** Updates in flight at once, over all replicas. */
const IN_FLIGHT = 32;


export async function benchReplicas(postgresUrl: string, replicas: number, users: number, perUser: number, questions: string[]) {
  const { dir, cleanup } = await tempDir("tldv-bench-replicas-");
  const telegram = await startFakeTelegram();
  const schema = await postgresSchema(postgresUrl, "bench");
  const children: ChildProcess[] = [];
  try {
    await runIngest(KNOWLEDGE, path.join(dir, "data", "index"));
    const ports: number[] = [];
    for (let i = 0; i < replicas; i++) {
      const port = await freePort();
      ports.push(port);
      children.push(spawn(NODE, [path.join(ROOT, "bot/main.ts")], {
        cwd: ROOT, stdio: "ignore",
        env: {
          PATH: process.env.PATH ?? "", DATA_DIR: path.join(dir, "data"), KNOWLEDGE_DIR: KNOWLEDGE, DATABASE_URL: schema.url, PORT: String(port), WEB_PORT: String(await freePort()),
          TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, TELEGRAM_WEBHOOK_URL: `https://bot.example.vn${HOOK}`, TELEGRAM_WEBHOOK_SECRET: SECRET,
          RATE_LIMIT_PER_MINUTE: "100000", LOG_LEVEL: "error",
        },
      }));
    }
    await telegram.waitFor((calls) => calls.filter((c) => c.method === "setWebhook").length >= replicas, 120_000);
    const updates: Array<Record<string, unknown>> = [];
    let id = 1;
    for (let round = 0; round < perUser; round++) {
      for (let u = 0; u < users; u++) {
        const update = { update_id: id++, ...textMessage(privateChat(20_000 + u), user(20_000 + u), questions[(u + round) % questions.length]!) };
        updates.push(update);
        if (id % 20 === 0) updates.push(update); // delivered again: a retry
      }
    }
    const total = users * perUser;
    const before = telegram.callsOf("sendMessage").length;
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < updates.length) {
        const i = next++;
        const port = ports[i % ports.length]!;
        await fetch(`http://127.0.0.1:${port}${HOOK}`, { method: "POST", headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET }, body: JSON.stringify(updates[i]) });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const answered = () => telegram.callsOf("sendMessage").length - before;
    await telegram.waitFor(() => answered() >= total, 600_000).catch(() => undefined);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const perChat = new Map<number, number>();
    for (const call of telegram.callsOf("sendMessage").slice(before)) perChat.set(Number(call.body.chat_id), (perChat.get(Number(call.body.chat_id)) ?? 0) + 1);
    let lost = 0;
    let twice = 0;
    for (let u = 0; u < users; u++) {
      const got = perChat.get(20_000 + u) ?? 0;
      if (got < perUser) lost += perUser - got;
      if (got > perUser) twice += got - perUser;
    }
    return { replicas, total, deliveries: updates.length, seconds, perSecond: total / seconds, lost, twice };
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const child of children) child.kill("SIGKILL");
    await telegram.close();
    await schema.drop();
    await cleanup();
  }
}
