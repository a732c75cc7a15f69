import { escapeHtml } from "../../bot/telegram/render.ts";
import { coreText } from "../../bot/messages.ts";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import type { StateStore } from "../../src/state/store.ts";
import { createKnowledgeHolder } from "../../bot/knowledge-holder.ts";
import type { KnowledgeHolder } from "../../bot/knowledge-holder.ts";
import { createTelegramBot } from "../../bot/telegram/bot.ts";
import { conversationFor, copyTestKnowledgeIndex, testKnowledgeDir } from "../helpers/index.ts";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { mountWebhook, startPolling, webhookRoute } from "../../bot/telegram/run.ts";
import type { RunningBot } from "../../bot/telegram/run.ts";
import { KNOWLEDGE, runIngest, tempDir } from "../helpers/index.ts";
import type { ApiCall, FakeTelegram } from "../helpers/fake-telegram.ts";
import { BOT_ID, BOT_USERNAME, TOKEN, callback, groupChat, privateChat, startFakeTelegram, textMessage, user } from "../helpers/fake-telegram.ts";

const ADMIN = 42;
let telegram: FakeTelegram;
let running: RunningBot;
let holder: KnowledgeHolder;
let store: StateStore;
let cleanup: () => Promise<void>;
const logLines: string[] = [];

let knowledgeDir: string;

function configFor(dataDir: string, extra: Record<string, string> = {}) {
  return loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, TELEGRAM_BOT_TOKEN: TOKEN, ADMIN_IDS: `${ADMIN}`, ...extra });
}

async function botFor(dataDir: string, apiRoot: string, extra: Record<string, string> = {}, claimUpdate?: (id: number) => Promise<boolean>) {
  const config = configFor(dataDir, extra);
  const logger = createLogger({ secrets: [TOKEN], write: (line) => logLines.push(line) });
  return createTelegramBot({
    conversation: conversationFor(holder, store, { questionsPerMinute: config.RATE_LIMIT_PER_MINUTE, maxQuestionChars: config.MAX_QUESTION_CHARS }), token: TOKEN, apiRoot, knowledge: holder.current, reload: holder.reload, store, admins: config.adminIds, logger,
    ...(claimUpdate ? { claimUpdate } : {}),
  }).bot;
}

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  knowledgeDir = await testKnowledgeDir();
  await copyTestKnowledgeIndex(path.join(temp.dir, "index"));
  holder = await createKnowledgeHolder(configFor(temp.dir));
  store = await openLibsqlStore(`file:${path.join(temp.dir, "state.db")}`);
  telegram = await startFakeTelegram();
  const bot = await botFor(temp.dir, telegram.apiRoot, { RATE_LIMIT_PER_MINUTE: "1000" });
  running = await startPolling(bot, createLogger({ write: () => undefined }), { timeoutSeconds: 1 });
});

afterAll(async () => {
  await running.stop();
  await telegram.close();
  holder.close();
  store.close();
  await cleanup();
});

/** Sends an update and waits until the bot has made `count` more calls of `method` in that chat. */
async function exchange(update: Record<string, unknown>, method = "sendMessage", chatId?: number, count = 1): Promise<ApiCall[]> {
  const before = telegram.calls.length;
  telegram.push(update);
  const mine = () => telegram.calls.slice(before).filter((c) => c.method === method && (chatId === undefined || Number(c.body.chat_id) === chatId));
  await telegram.waitFor(() => mine().length >= count);
  return mine();
}

/** Sends an update the bot must ignore, and checks nothing was sent to that chat. */
async function silence(update: Record<string, unknown>, chatId: number): Promise<void> {
  const before = telegram.calls.length;
  telegram.push(update);
  // A question to another chat right after is answered; by then ours would have been too.
  await exchange(textMessage(privateChat(999), user(999), "dân vận là gì"), "sendMessage", 999);
  expect(telegram.calls.slice(before).filter((c) => Number(c.body.chat_id) === chatId)).toEqual([]);
}

const buttons = (call: ApiCall) => ((call.body.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> })?.inline_keyboard ?? []).flat();

describe("Telegram bot against a fake Bot API server", () => {
  beforeEach(() => {
    logLines.length = 0;
  });

  it("registers its commands for the menu at start-up", () => {
    const commands = telegram.callsOf("setMyCommands")[0]!.body.commands as Array<{ command: string }>;
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(["hoi", "tailieu", "nguon", "help", "start"]));
  });

  it("greets on /start and lists commands with examples on /help", async () => {
    const [start] = await exchange(textMessage(privateChat(1), user(1), "/start"), "sendMessage", 1);
    expect(start!.body.text).toMatch(/Trợ lý Dân vận/);
    const [help] = await exchange(textMessage(privateChat(1), user(1), "/help"), "sendMessage", 1);
    expect(help!.body.text).toMatch(/\/hoi/);
    expect(help!.body.text).toMatch(/\/tailieu/);
    expect(help!.body.text).not.toMatch(/\/reload/);
  });

  it("answers a private question with citations, source buttons and feedback buttons", async () => {
    const [reply] = await exchange(textMessage(privateChat(2), user(2), "Bước thứ hai khi xây dựng mô hình dân vận là gì?"), "sendMessage", 2);
    expect(reply!.body.parse_mode).toBe("HTML");
    expect(reply!.body.text).toMatch(/Bước thứ hai: đưa nội dung ra sinh hoạt chi bộ/);
    expect(reply!.body.text).toMatch(/<b>Nguồn:<\/b>/);
    expect(reply!.body.text).toMatch(/\[1\]/);
    const labels = buttons(reply!).map((b) => b.text);
    expect(labels).toEqual(["Nguồn 1", "👍", "👎"]);
    for (const b of buttons(reply!)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    expect(telegram.callsOf("sendChatAction").some((c) => Number(c.body.chat_id) === 2)).toBe(true);

    const source = buttons(reply!)[0]!.callback_data;
    const [passage] = await exchange(callback(privateChat(2), user(2), source), "sendMessage", 2);
    expect(passage!.body.text).toMatch(/<blockquote>[\s\S]*Bước thứ hai: đưa nội dung ra sinh hoạt chi bộ/);
    expect(telegram.callsOf("answerCallbackQuery").length).toBeGreaterThan(0);

    const down = buttons(reply!).find((b) => b.text === "👎")!.callback_data;
    const [ack] = await exchange(callback(privateChat(2), user(2), down), "answerCallbackQuery");
    expect(ack!.body.text).toMatch(/xem lại/);
    const weak = await store.weakAnswers(10);
    expect(weak[0]!.question).toBe("Bước thứ hai khi xây dựng mô hình dân vận là gì?");
    expect(weak[0]!.answer).toMatch(/Bước thứ hai/);
  });

  it("offers the closest topics as buttons when the documents do not cover a question", async () => {
    const [reply] = await exchange(textMessage(privateChat(3), user(3), "Giá vàng hôm nay bao nhiêu?"), "sendMessage", 3);
    expect(reply!.body.text).toMatch(/^Tài liệu hiện có không đề cập/);
    const topics = buttons(reply!);
    expect(topics.length).toBeGreaterThan(0);
    const [followUp] = await exchange(callback(privateChat(3), user(3), topics[0]!.callback_data), "sendMessage", 3);
    // The topic is asked as a question: the reply quotes the documents.
    expect(followUp!.body.text).not.toMatch(/^Tài liệu hiện có không đề cập/);
    expect(followUp!.body.text).toMatch(/\[1\]/);
  });

  it("in a group, answers /hoi, a mention and a reply to the bot, and stays silent otherwise", async () => {
    const group = groupChat(-100);
    const [hoi] = await exchange(textMessage(group, user(5), "/hoi@trolydanvan_bot Ai làm công tác dân vận hiệu quả nhất?"), "sendMessage", -100);
    expect(hoi!.body.text).toMatch(/người đứng đầu cấp ủy hoặc thủ trưởng cơ quan/);
    const [mention] = await exchange(textMessage(group, user(5), `@${BOT_USERNAME} dan van kheo thi sao`), "sendMessage", -100);
    expect(mention!.body.text).toMatch(/dân vận khéo thì việc gì cũng thành công/i);
    const [reply] = await exchange(
      textMessage(group, user(6), "Thế còn phương thức vận động của các đoàn thể?", { reply_to_message: { message_id: 1, date: 0, chat: group, from: { id: BOT_ID, is_bot: true, first_name: "Trợ lý" }, text: "…" } }),
      "sendMessage", -100,
    );
    expect(reply!.body.text).toMatch(/sinh hoạt định kỳ, phong trào thi đua/);
    expect(reply!.body.text).toMatch(/\[1\]/);
    await silence(textMessage(group, user(7), "Chiều nay họp chi bộ lúc 3 giờ nhé mọi người"), -100);
  });

  it("lists the documents on /tailieu and shows a source again on /nguon", async () => {
    const documents = await holder.current().index.documents();
    const [list] = await exchange(textMessage(privateChat(8), user(8), "/tailieu"), "sendMessage", 8);
    expect(list!.body.text).toContain(`Kho tài liệu có ${documents.length} văn bản`);
    expect(list!.body.text).toContain(escapeHtml(documents[0]!.title));
    // Each document's issuing level and whether it is in force, from the registry.
    const registered = (await holder.current().index.registry()).documents;
    for (const d of registered) expect(list!.body.text).toContain(escapeHtml(coreText.documentStanding(d)));
    // Typed without the slash, as on the web chat and Zalo: the same list, not a search.
    const [typed] = await exchange(textMessage(privateChat(8), user(8), "tài liệu"), "sendMessage", 8);
    expect(typed!.body.text).toBe(list!.body.text);
    await exchange(textMessage(privateChat(8), user(8), "Thủ trưởng cơ quan có trách nhiệm gì với Ban Thanh tra nhân dân?"), "sendMessage", 8);
    const [source] = await exchange(textMessage(privateChat(8), user(8), "/nguon 1"), "sendMessage", 8);
    expect(source!.body.text).toMatch(/Tạo điều kiện để Ban Thanh tra nhân dân/);
    const [missing] = await exchange(textMessage(privateChat(8), user(8), "/nguon 9"), "sendMessage", 8);
    expect(missing!.body.text).toMatch(/không có nguồn số 9/);
  });

  it("replies politely to stickers, gives a hint for an empty /hoi and refuses an oversized message", async () => {
    const [sticker] = await exchange({ message: { message_id: 77, date: 0, chat: privateChat(9), from: user(9), sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } }, "sendMessage", 9);
    expect(sticker!.body.text).toMatch(/chỉ đọc được tin nhắn chữ/);
    const [empty] = await exchange(textMessage(privateChat(9), user(9), "/hoi"), "sendMessage", 9);
    expect(empty!.body.text).toMatch(/\/hoi Dân vận là gì\?/);
    const [long] = await exchange(textMessage(privateChat(9), user(9), "dân vận ".repeat(300)), "sendMessage", 9);
    expect(long!.body.text).toMatch(/tối đa 1000 ký tự/);
  });

  it("lets an admin reload the knowledge and see statistics, and refuses others politely", async () => {
    const [refused] = await exchange(textMessage(privateChat(10), user(10), "/reload"), "sendMessage", 10);
    expect(refused!.body.text).toMatch(/chỉ dành cho quản trị viên/);
    const replies = await exchange(textMessage(privateChat(ADMIN), user(ADMIN), "/reload"), "sendMessage", ADMIN, 2);
    expect(replies[1]!.body.text).toContain(`Đã nạp lại: ${(await holder.current().index.documents()).length} văn bản`);
    // A question voted down shows in the statistics.
    const [answer] = await exchange(textMessage(privateChat(ADMIN), user(ADMIN), "Bước thứ hai khi xây dựng mô hình dân vận là gì?"), "sendMessage", ADMIN);
    const down = buttons(answer!).find((b) => b.text === "👎")!;
    telegram.push(callback(privateChat(ADMIN), user(ADMIN), down.callback_data));
    await telegram.waitFor((calls) => calls.some((c) => c.method === "answerCallbackQuery" && /xem lại/.test(String(c.body.text))));
    const [stats] = await exchange(textMessage(privateChat(ADMIN), user(ADMIN), "/thongke"), "sendMessage", ADMIN);
    expect(stats!.body.text).toMatch(/Câu hỏi: [1-9]/);
    expect(stats!.body.text).toMatch(/👎 [1-9]/);
    expect(stats!.body.text).toContain("Bước thứ hai khi xây dựng mô hình dân vận là gì?");
  });

  it("waits as long as a 429 says before sending again", async () => {
    telegram.failNext("sendMessage", { status: 429, description: "Too Many Requests: retry after 1", retryAfter: 1 });
    const before = telegram.callsOf("sendMessage").filter((c) => Number(c.body.chat_id) === 11).length;
    telegram.push(textMessage(privateChat(11), user(11), "/start"));
    await telegram.waitFor((calls) => calls.filter((c) => c.method === "sendMessage" && Number(c.body.chat_id) === 11).length >= before + 2);
    const attempts = telegram.callsOf("sendMessage").filter((c) => Number(c.body.chat_id) === 11);
    expect(attempts.at(-1)!.at - attempts.at(-2)!.at).toBeGreaterThanOrEqual(950);
  });

  it("never writes the bot token to its logs", async () => {
    // An error whose text carries the token (as a proxy echoing the URL would) must still be logged without it.
    telegram.failNext("sendMessage", { status: 400, description: `Bad Request: chat not found at /bot${TOKEN}/sendMessage` });
    await exchange(textMessage(privateChat(12), user(12), "/start"), "sendMessage", 12, 2);
    await telegram.waitFor(() => logLines.some((l) => l.includes("telegram.error")), 3000);
    expect(logLines.join("\n")).toContain("chat not found");
    expect(logLines.join("\n")).not.toContain(TOKEN);
    expect(logLines.join("\n")).not.toContain(TOKEN.split(":")[1]);
  });
});

describe("Telegram: the question limit every channel shares", () => {
  it("asks a user who asks too fast to wait, and still answers commands", async () => {
    const temp = await tempDir();
    const fake = await startFakeTelegram();
    const bot = await botFor(temp.dir, fake.apiRoot, { RATE_LIMIT_PER_MINUTE: "1" });
    const polling = await startPolling(bot, createLogger({ write: () => undefined }), { timeoutSeconds: 1 });
    try {
      const texts = () => fake.callsOf("sendMessage").map((c) => String(c.body.text));
      fake.push(textMessage(privateChat(31), user(31), "Dân vận là gì?"));
      await fake.waitFor(() => texts().length >= 1);
      fake.push(textMessage(privateChat(31), user(31), "Dân vận khéo là gì?"));
      await fake.waitFor(() => texts().length >= 2);
      expect(texts()[1]).toMatch(/hỏi hơi nhanh/);
      fake.push(textMessage(privateChat(31), user(31), "/tailieu"));
      await fake.waitFor(() => texts().length >= 3);
      expect(texts()[2]).toMatch(/Kho tài liệu có/);
    } finally {
      await polling.stop();
      await fake.close();
      await temp.cleanup();
    }
  });
});

describe("Telegram webhook mode", () => {
  it("processes requests with the secret header and rejects others with 401", async () => {
    const temp = await tempDir();
    const fake = await startFakeTelegram();
    // As bot/main.ts does in webhook mode: each update id is claimed in the state store, so a retried delivery is answered once.
    const bot = await botFor(temp.dir, fake.apiRoot, {}, (id) => store.claimUpdate("telegram", String(id)));
    // The functions production uses (bot/main.ts): the route is mounted before the server listens, the bot attached later.
    const app = new Hono();
    const route = webhookRoute(app, "https://bot.example.vn/telegram/webhook");
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const port = (server.address() as { port: number }).port;
    const early = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(early.status).toBe(503);
    const hook = await mountWebhook(bot, createLogger({ write: () => undefined }), { publicUrl: "https://bot.example.vn/telegram/webhook", secret: "s3cret-token", route });
    try {
      expect(fake.callsOf("setWebhook")[0]!.body).toMatchObject({ url: "https://bot.example.vn/telegram/webhook", secret_token: "s3cret-token" });
      const url = `http://127.0.0.1:${port}/telegram/webhook`;
      const update = { update_id: 500, ...textMessage(privateChat(20), user(20), "/start") };
      const rejected = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(update) });
      expect(rejected.status).toBe(401);
      const wrong = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "nope" }, body: JSON.stringify(update) });
      expect(wrong.status).toBe(401);
      expect(fake.callsOf("sendMessage")).toEqual([]);
      const accepted = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret-token" }, body: JSON.stringify(update) });
      expect(accepted.status).toBe(200);
      await fake.waitFor((calls) => calls.some((c) => c.method === "sendMessage"));
      expect(fake.callsOf("sendMessage")[0]!.body.text).toMatch(/Trợ lý Dân vận/);
      // Telegram delivers the same update again (a retry): it is acknowledged, not answered twice.
      const retried = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret-token" }, body: JSON.stringify(update) });
      expect(retried.status).toBe(200);
      const next = { update_id: 501, ...textMessage(privateChat(20), user(20), "/start") };
      await fetch(url, { method: "POST", headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret-token" }, body: JSON.stringify(next) });
      await fake.waitFor((calls) => calls.filter((c) => c.method === "sendMessage").length >= 2);
      expect(fake.callsOf("sendMessage")).toHaveLength(2);
    } finally {
      await hook.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
      await temp.cleanup();
    }
  });
});
