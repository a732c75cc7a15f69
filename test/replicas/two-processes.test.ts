import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUIDANCE } from "../helpers/corpus.ts";
import { ROOT, runIngest, tempDir, writeFiles } from "../helpers/index.ts";
import type { FakeTelegram } from "../helpers/fake-telegram.ts";
import { TOKEN, callback, groupChat, pollAnswer, privateChat, startFakeTelegram, textMessage, user } from "../helpers/fake-telegram.ts";
import { TEST_BANK } from "../quiz/fixtures.ts";
import { NODE, freePort, postgresSchema } from "../helpers/processes.ts";

/**
 * Two `npm start` processes on one Postgres and one index folder, in Telegram webhook mode, with the
 * fake Bot API's updates delivered alternately to both (one twice): what a load balancer in front of
 * replicas does. Runs when TEST_POSTGRES_URL is set (.ci/run starts Postgres).
 */
const POSTGRES = process.env.TEST_POSTGRES_URL;
const SECRET = "webhook-secret-2026";
const HOOK_PATH = "/telegram/hook";


type Replica = { child: ChildProcess; port: number; output: () => string };
let telegram: FakeTelegram;
let replicas: Replica[] = [];
let cleanup: () => Promise<void> = async () => undefined;
let nextUpdate = 9_000;

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const webPort = await freePort();
  let output = "";
  const child = spawn(NODE, [path.join(ROOT, "bot/main.ts")], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port), WEB_PORT: String(webPort) } });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, port, output: () => output };
}

/** Delivers an update to one replica's webhook, as Telegram does (with the secret header). */
async function deliver(replica: Replica, update: Record<string, unknown>, id = nextUpdate++): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${replica.port}${HOOK_PATH}`, {
    method: "POST", headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET }, body: JSON.stringify({ update_id: id, ...update }),
  });
  expect(response.status).toBe(200);
  return id;
}

const sent = (chatId: number) => telegram.calls.filter((c) => c.method === "sendMessage" && Number(c.body.chat_id) === chatId);

describe.runIf(POSTGRES)("two replicas on one Postgres, webhook updates delivered to both", () => {
  beforeAll(async () => {
    const temp = await tempDir();
    const knowledge = path.join(temp.dir, "knowledge");
    await writeFiles(knowledge, { "documents/huong-dan.txt": GUIDANCE, "quizzes/test.yaml": TEST_BANK });
    // One index folder both read (a shared volume in production), built once before they start.
    await runIngest(knowledge, path.join(temp.dir, "data", "index"));
    const schema = await postgresSchema(POSTGRES!, "r");
    telegram = await startFakeTelegram();
    const env = {
      DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: knowledge, DATABASE_URL: schema.url,
      TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, TELEGRAM_WEBHOOK_URL: `https://bot.example.vn${HOOK_PATH}`, TELEGRAM_WEBHOOK_SECRET: SECRET,
      QUIZ_OPEN_PERIOD: "5", RATE_LIMIT_PER_MINUTE: "4", ADMIN_IDS: "1",
    };
    replicas = [await startReplica(env), await startReplica(env)];
    cleanup = async () => {
      for (const r of replicas) r.child.kill("SIGKILL");
      await telegram.close();
      await schema.drop();
      await temp.cleanup();
    };
    // Both registered their webhook: they are up.
    await telegram.waitFor((calls) => calls.filter((c) => c.method === "setWebhook").length >= 2, 60_000);
  }, 90_000);
  afterAll(() => cleanup());

  it("shows through B the source of an answer given by A, and counts a user's questions on both", async () => {
    const [a, b] = replicas as [Replica, Replica];
    const chat = privateChat(31);
    const asker = user(31, "Lan");
    await deliver(a, textMessage(chat, asker, "Ai làm công tác dân vận hiệu quả nhất?"));
    await telegram.waitFor(() => sent(31).some((c) => c.body.reply_markup));
    const answer = sent(31).find((c) => c.body.reply_markup)!;
    const source = (answer.body.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard[0]!.find((k) => k.text === "Nguồn 1")!;
    const before = sent(31).length;
    await deliver(b, callback(chat, asker, source.callback_data));
    await telegram.waitFor(() => sent(31).length > before);
    expect(String(sent(31).at(-1)!.body.text)).toMatch(/Nguồn 1/);
    // Questions 2, 3 and 4 alternate between the replicas: the 4th of the minute is over the shared limit (4).
    for (const [i, replica] of [b, a, b].entries()) {
      const count = sent(31).length;
      await deliver(replica, textMessage(chat, asker, `Dân vận là gì? (${i})`));
      await telegram.waitFor(() => sent(31).length > count);
    }
    const count = sent(31).length;
    await deliver(a, textMessage(chat, asker, "Dân vận là gì? (lần 5)"));
    await telegram.waitFor(() => sent(31).length > count);
    expect(String(sent(31).at(-1)!.body.text)).toMatch(/đợi/);
  }, 60_000);

  it("runs a group quiz started through A with answers through both, each question once, and B carries it on when A is killed", async () => {
    const [a, b] = replicas as [Replica, Replica];
    const group = groupChat(-4242);
    const trainer = user(1, "Cô Hoa");
    const an = user(41, "An");
    const binh = user(42, "Bình");
    await deliver(a, textMessage(group, trainer, "/quiz 2"));
    const questionCalls = () => telegram.calls.filter((c) => Number(c.body.chat_id) === group.id && (c.method === "sendPoll" || /Câu \d\/2/.test(String(c.body.text ?? ""))));
    await telegram.waitFor(() => questionCalls().length >= 1 && questionCalls()[0]!.result !== undefined, 20_000);
    const first = questionCalls()[0]!;
    // The first question is a quiz poll, or (when its options are too long for a poll) a message with buttons.
    const pollId = (first.result as { poll?: { id: string } }).poll?.id;
    const buttons = (first.body.reply_markup as { inline_keyboard?: Array<Array<{ callback_data: string }>> } | undefined)?.inline_keyboard?.[0];
    const answer = (who: Record<string, unknown>, option: number) =>
      pollId ? pollAnswer(pollId, who, option) : callback(group, who, buttons![option]!.callback_data);
    expect(pollId ?? buttons).toBeDefined();
    // An answers through A, Bình through B, and Telegram delivers Bình's answer again to A (a retry).
    await deliver(a, answer(an, 0));
    const binhAnswer = await deliver(b, answer(binh, 1));
    await deliver(a, answer(binh, 1), binhAnswer);
    await telegram.waitFor(() => questionCalls().length >= 2, 30_000);
    // A dies while the second question is open; B closes it and posts the results.
    a.child.kill("SIGKILL");
    await telegram.waitFor((calls) => calls.some((c) => Number(c.body.chat_id) === group.id && /Kết thúc quiz/.test(String(c.body.text ?? ""))), 45_000);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(questionCalls().map((c) => String(c.body.question ?? c.body.text).match(/Câu (\d)\/2/)![1])).toEqual(["1", "2"]);
    const results = telegram.calls.filter((c) => Number(c.body.chat_id) === group.id && /Kết thúc quiz/.test(String(c.body.text ?? "")));
    expect(results).toHaveLength(1);
    const board = String(results[0]!.body.text);
    expect(board.match(/An\b/g)).toHaveLength(1);
    expect(board.match(/Bình/g)).toHaveLength(1);
    expect(b.output()).not.toContain(TOKEN);
  }, 120_000);
});
