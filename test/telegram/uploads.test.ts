import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, silentLogger } from "../../src/log.ts";
import type { App } from "../../bot/app.ts";
import { createTelegramBot } from "../../bot/telegram/bot.ts";
import { startPolling } from "../../bot/telegram/run.ts";
import type { RunningBot } from "../../bot/telegram/run.ts";
import { makeDocx } from "../helpers/files.ts";
import { openTestApp } from "../helpers/index.ts";
import type { ApiCall, FakeTelegram } from "../helpers/fake-telegram.ts";
import { TOKEN, callback, documentMessage, privateChat, startFakeTelegram, textMessage, user } from "../helpers/fake-telegram.ts";

/**
 * An admin keeps the knowledge base from Telegram, through the real grammY bot and a fake Bot API:
 * a file sent in a private chat is downloaded, ingested and answered; anyone else's is refused and
 * nothing is written; /xoatailieu removes a document after confirmation.
 */
const ADMIN = 42;
const OTHER = 77;
const RULE = "Tổ tự quản an ninh xóm Cầu Đá tuần tra vào tối thứ bảy hằng tuần, mỗi lần hai tổ viên.";

let telegram: FakeTelegram;
let running: RunningBot;
let app: App;
let knowledgeDir: string;
let cleanup: () => Promise<void>;
const logLines: string[] = [];

beforeAll(async () => {
  let config;
  ({ app, config, knowledgeDir, close: cleanup } = await openTestApp({ writable: true, env: { TELEGRAM_BOT_TOKEN: TOKEN, ADMIN_IDS: `${ADMIN}`, RATE_LIMIT_PER_MINUTE: "1000" } }));
  telegram = await startFakeTelegram();
  const { bot } = createTelegramBot({
    token: TOKEN, apiRoot: telegram.apiRoot, knowledge: app.holder.current, reload: app.reload, store: app.store, admins: config.adminIds,
    logger: createLogger({ secrets: [TOKEN], write: (line) => logLines.push(line) }), conversation: app.conversation,
    uploads: { library: app.library, maxBytes: 20 * 1048576 },
  });
  running = await startPolling(bot, silentLogger, { timeoutSeconds: 1 });
}, 60_000);

afterAll(async () => {
  await running.stop();
  await telegram.close();
  app.close();
  await cleanup();
});

async function exchange(update: Record<string, unknown>, chatId: number, count = 1, method = "sendMessage"): Promise<ApiCall[]> {
  const before = telegram.calls.length;
  telegram.push(update);
  const mine = () => telegram.calls.slice(before).filter((c) => c.method === method && Number(c.body.chat_id) === chatId);
  await telegram.waitFor(() => mine().length >= count, 30_000);
  return mine();
}

const uploadsDir = () => readdir(path.join(knowledgeDir, "documents", "uploads")).catch(() => [] as string[]);

describe("Telegram uploads by admins", () => {
  it("refuses a file from someone who is not an admin, and writes nothing", async () => {
    const fileId = telegram.addFile(await makeDocx("QUY CHẾ TUẦN TRA XÓM CẦU ĐÁ", [`Điều 1. ${RULE}`]));
    const [reply] = await exchange(documentMessage(privateChat(OTHER), user(OTHER), { file_id: fileId, file_name: "tuan-tra.docx", file_size: 100 }), OTHER);
    expect(reply!.body.text).toMatch(/Chỉ quản trị viên mới thêm được tài liệu/);
    expect(await uploadsDir()).toEqual([]);
    expect(telegram.callsOf("getFile")).toHaveLength(0);
  });

  it("ingests an admin's DOCX, replies with what it found, answers from it, and removes it after confirmation", async () => {
    const fileId = telegram.addFile(await makeDocx("QUY CHẾ TUẦN TRA XÓM CẦU ĐÁ", [`Điều 1. ${RULE}`]));
    const [working, summary] = await exchange(documentMessage(privateChat(ADMIN), user(ADMIN), { file_id: fileId, file_name: "Quy chế tuần tra.docx", file_size: 5000 }), ADMIN, 2);
    expect(working!.body.text).toMatch(/Đang nạp/);
    expect(summary!.body.text).toMatch(/Đã thêm vào kho \([1-9]\d* đoạn\):\n• Quy chế tuần tra xóm Cầu Đá/i);
    const button = (summary!.body.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard[0]![0]!;
    expect(button.text).toBe("Gỡ bỏ");
    expect(await uploadsDir()).toEqual(["quy-che-tuan-tra.docx"]);
    // The bot token is in the download address: it never reaches the logs.
    expect(logLines.join("\n")).not.toContain(TOKEN);

    const [answer] = await exchange(textMessage(privateChat(ADMIN), user(ADMIN), "Tổ tự quản xóm Cầu Đá tuần tra vào lúc nào?"), ADMIN);
    expect(answer!.body.text).toMatch(/tối thứ bảy hằng tuần/);

    // "Gỡ bỏ" asks first; /xoatailieu n does the same for the n-th document of /tailieu.
    const [confirm] = await exchange(callback(privateChat(ADMIN), user(ADMIN), button.callback_data), ADMIN);
    expect(confirm!.body.text).toMatch(/Gỡ bỏ <b>Quy chế tuần tra xóm Cầu Đá<\/b>/i);
    const [kept] = await exchange(callback(privateChat(ADMIN), user(ADMIN), "adm:keep"), ADMIN);
    expect(kept!.body.text).toMatch(/giữ nguyên/);
    const documents = await app.library.list();
    const n = documents.findIndex((d) => d.file === "documents/uploads/quy-che-tuan-tra.docx") + 1;
    const [again] = await exchange(textMessage(privateChat(ADMIN), user(ADMIN), `/xoatailieu ${n}`), ADMIN);
    const yes = (again!.body.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard[0]![0]!.callback_data;
    const [removed] = await exchange(callback(privateChat(ADMIN), user(ADMIN), yes), ADMIN);
    expect(removed!.body.text).toMatch(/Đã gỡ bỏ/);
    expect(await uploadsDir()).toEqual([]);
    const [after] = await exchange(textMessage(privateChat(ADMIN), user(ADMIN), "Tổ tự quản xóm Cầu Đá tuần tra vào lúc nào?"), ADMIN);
    expect(after!.body.text).not.toMatch(/tối thứ bảy hằng tuần/);
  });

  it("/xoatailieu is for admins only", async () => {
    const [reply] = await exchange(textMessage(privateChat(OTHER), user(OTHER), "/xoatailieu 1"), OTHER);
    expect(reply!.body.text).toMatch(/chỉ dành cho quản trị viên/);
    expect((await app.store.auditLog(50)).map((e) => e.action)).toEqual(expect.arrayContaining(["upload", "remove"]));
  });
});
