import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import type { QuizQuestion } from "../../src/quiz/bank.ts";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import { openPostgresStore } from "../../src/state/postgres.ts";
import type { StateStore } from "../../src/state/store.ts";
import type { KnowledgeHolder } from "../../bot/knowledge-holder.ts";
import { createTelegramBot } from "../../bot/telegram/bot.ts";
import { startPolling } from "../../bot/telegram/run.ts";
import { conversationFor } from "../helpers/index.ts";
import type { FakeTelegram } from "../helpers/fake-telegram.ts";
import { TOKEN, groupChat, startFakeTelegram, textMessage, user } from "../helpers/fake-telegram.ts";
import { quizTestBed } from "./fixtures.ts";
import { postgresSchema } from "../helpers/processes.ts";

/**
 * Two replicas on one state store (as with DATABASE_URL): both keep a timer for the running group quiz,
 * each question is closed and the next one sent exactly once, and when the replica that started the quiz
 * stops, the other carries it to its results.
 */
const group = groupChat(-700);
let telegram: FakeTelegram;
let holder: KnowledgeHolder;
let store: StateStore;
let bank: QuizQuestion[];
let cleanup: () => Promise<void>;
let dropSchema: () => Promise<void> = async () => undefined;
const POSTGRES = process.env.TEST_POSTGRES_URL;

beforeAll(async () => {
  const temp = await quizTestBed();
  ({ cleanup, bank, holder } = temp);
  // On Postgres when there is one (.ci/run starts it): queries there are truly concurrent, as between replicas.
  if (POSTGRES) {
    const schema = await postgresSchema(POSTGRES, "q");
    store = await openPostgresStore(schema.url, { max: 4 });
    dropSchema = schema.drop;
  } else store = await openLibsqlStore(`file:${path.join(temp.dir, "state.db")}`);
  telegram = await startFakeTelegram();
});
afterAll(async () => {
  await telegram.close();
  holder.close();
  store.close();
  await dropSchema();
  await cleanup();
});

const replica = () => createTelegramBot({
  token: TOKEN, apiRoot: telegram.apiRoot, knowledge: holder.current, reload: holder.reload, store, admins: new Set([1]), logger: silentLogger,
  conversation: conversationFor(holder, store), quiz: { bank: () => bank, openPeriod: 1, defaultCount: 3, seed: () => 7 },
});

describe("a group quiz on two replicas", () => {
  it("sends each question once though both replicas time it, and goes on when the replica that ran it stops", async () => {
    const a = replica();
    const b = replica();
    const polling = await startPolling(a.bot, silentLogger, { timeoutSeconds: 1 });
    telegram.push(textMessage(group, user(100, "Cô Hoa"), "/quiz 3"));
    await telegram.waitFor((calls) => calls.filter((c) => c.method === "sendPoll" || /Câu 1\/3/.test(String(c.body.text ?? ""))).length >= 1);
    // Both replicas look for running quizzes as bot/main.ts makes them do every QUIZ_SWEEP_MS (here faster).
    const sweeps = [a, b].map((r) => setInterval(() => void r.quiz!.sweep(), 300));
    const questionCalls = () => telegram.calls.filter((c) => (c.method === "sendPoll" || c.method === "sendMessage") && /Câu \d\/3/.test(String(c.body.question ?? c.body.text ?? "")));
    await telegram.waitFor(() => questionCalls().length >= 2, 20_000);
    // A stops (its process ends) while the second question is open: B carries the quiz on.
    clearInterval(sweeps[0]);
    a.quiz!.stop();
    await polling.stop();
    await telegram.waitFor((calls) => calls.some((c) => c.method === "sendMessage" && /Kết thúc quiz/.test(String(c.body.text))), 30_000);
    // Sweeps keep running on B; nothing is sent twice.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    clearInterval(sweeps[1]);
    const numbers = questionCalls().map((c) => String(c.body.question ?? c.body.text).match(/Câu (\d)\/3/)![1]);
    expect(numbers).toEqual(["1", "2", "3"]);
    expect(telegram.calls.filter((c) => c.method === "sendMessage" && /Kết thúc quiz/.test(String(c.body.text)))).toHaveLength(1);
    b.quiz!.stop();
  }, 60_000);
});
