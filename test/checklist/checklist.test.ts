import path from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { loadChecklists } from "../../src/checklist/schema.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import { apply, initialState, parseVietnameseDate } from "../../src/checklist/engine.ts";
import { createChecklistRunner } from "../../src/checklist/workflow.ts";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import type { StateStore } from "../../src/state/store.ts";
import { createKnowledgeHolder } from "../../bot/knowledge-holder.ts";
import type { KnowledgeHolder } from "../../bot/knowledge-holder.ts";
import { createTelegramBot } from "../../bot/telegram/bot.ts";
import { createConversation } from "../../bot/core/conversation.ts";
import { startPolling } from "../../bot/telegram/run.ts";
import type { RunningBot } from "../../bot/telegram/run.ts";
import { KNOWLEDGE, copyTestKnowledgeIndex, runIngest, tempDir, testKnowledgeDir, writeFiles } from "../helpers/index.ts";
import type { ApiCall, FakeTelegram } from "../helpers/fake-telegram.ts";
import { TOKEN, callback, privateChat, startFakeTelegram, textMessage, user } from "../helpers/fake-telegram.ts";

/** A second, small checklist: it must work with no code change. */
const SECOND = `id: to-chuc-hoi-nghi
title: Tổ chức hội nghị cán bộ, công chức
steps:
  - id: chuan-bi
    title: Chuẩn bị hội nghị
    why: Thủ trưởng cơ quan phối hợp với Ban Chấp hành Công đoàn tổ chức hội nghị cán bộ, công chức.
    source: { document: "Công tác dân vận ở Đảng bộ Khối các cơ quan Trung ương (tài liệu hướng dẫn)", section: "IV. Nội dung thực hiện dân chủ ở cơ sở trong các cơ quan Trung ương › 2. Thủ trưởng cơ quan (chính quyền)" }
    done: Đã chốt ngày và người chủ trì.
    fields:
      - { id: ngay_hoi_nghi, label: Ngày tổ chức hội nghị, type: date, required: true }
      - { id: chu_tri, label: Người chủ trì, type: person, required: true }
`;

let telegram: FakeTelegram;
let holder: KnowledgeHolder;
let store: StateStore;
let checklists: Checklist[];
let dataDir: string;
let cleanup: () => Promise<void>;
let running: RunningBot;
let controller: { remind(now?: Date): Promise<number> } | undefined;

async function startBot() {
  const runner = await createChecklistRunner({ storageUrl: `file:${path.join(dataDir, "workflows.db")}`, checklists: () => checklists });
  const conversation = createConversation({
    answer: (q) => holder.current().answer(q), passage: (id) => holder.current().index.passage(id), documents: async () => (await holder.current().index.registry()).documents,
    store, bank: () => [], checklists: () => checklists, runner, practiceCount: 3, maxQuestionChars: 1000, questionsPerMinute: 1000,
  });
  const { bot, checklist } = createTelegramBot({
    token: TOKEN, apiRoot: telegram.apiRoot, knowledge: holder.current, reload: holder.reload, store, admins: new Set(),
    logger: silentLogger,
    conversation,
    checklist: { checklists: () => checklists, reminderDays: 3 },
  });
  running = await startPolling(bot, silentLogger, { timeoutSeconds: 1 });
  controller = checklist;
}

beforeAll(async () => {
  const temp = await tempDir();
  ({ dir: dataDir, cleanup } = temp);
  await copyTestKnowledgeIndex(path.join(dataDir, "index"));
  await writeFiles(dataDir, { "checklists/b.yaml": SECOND });
  checklists = [...(await loadChecklists(path.join(KNOWLEDGE, "checklists"))), ...(await loadChecklists(path.join(dataDir, "checklists")))];
  holder = await createKnowledgeHolder(loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: await testKnowledgeDir() }));
  store = await openLibsqlStore(`file:${path.join(dataDir, "state.db")}`);
  telegram = await startFakeTelegram();
  await startBot();
});

afterAll(async () => {
  await running.stop();
  await telegram.close();
  holder.close();
  store.close();
  await cleanup();
});

const me = user(300, "Hà");
const chat = privateChat(300);

/** Sends an update and returns the messages the bot sent to this chat in reply, once `count` have arrived. */
async function say(update: Record<string, unknown>, count = 1, method = "sendMessage"): Promise<ApiCall[]> {
  const before = telegram.calls.length;
  telegram.push(update);
  const mine = () => telegram.calls.slice(before).filter((c) => c.method === method && Number(c.body.chat_id) === 300);
  await telegram.waitFor(() => mine().length >= count, 20_000);
  return mine();
}
const text = (call: ApiCall | undefined) => String(call?.body.text ?? "");
const answer = async (value: string) => text((await say(textMessage(chat, me, value))).at(-1));
const tap = async (data: string, count = 1) => (await say(callback(chat, me, data), count)).map(text);
const buttons = (call: ApiCall) => ((call.body.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> })?.inline_keyboard ?? []).flat();

describe("the checklist engine", () => {
  it.each([["15/3/2026", "2026-03-15"], ["15-3-2026", "2026-03-15"], ["15.3.2026", "2026-03-15"], ["5/1/26", "2026-01-05"], ["31/2/2026", undefined], ["hôm qua", undefined]])(
    "reads the date %s as %s", (input, expected) => expect(parseVietnameseDate(input)).toBe(expected),
  );

  it("refuses an end date before the start date and an empty required answer", () => {
    const checklist = checklists[0]!;
    let state = { ...initialState(checklist), step: 2, field: 1 };
    state = apply(checklist, state, { kind: "answer", value: "10/5/2026" }).state;
    const early = apply(checklist, state, { kind: "answer", value: "1/5/2026" });
    expect(early.prompt).toMatchObject({ kind: "question", error: expect.stringMatching(/sớm hơn «Ngày bắt đầu thực hiện»/) });
    expect(apply(checklist, state, { kind: "answer", value: "  " }).prompt).toMatchObject({ error: expect.stringMatching(/bắt buộc/) });
  });
});

describe("guided checklist in Telegram (Mastra workflow, fake Bot API)", () => {
  it("walks through the five steps with back, skip, edit, a question in the middle and a restart, and exports the plan", async () => {
    let replies = await say(textMessage(chat, me, "/mohinh"), 2);
    expect(text(replies[1])).toMatch(/Bước 1\/5 ▓░░░░ — Chọn nội dung của mô hình/);
    expect(text(replies[1])).toMatch(/Nguồn: Công tác dân vận ở Đảng bộ Khối/);
    expect(text(replies[1])).toMatch(/hút thuốc lá/);
    expect(text(replies[1])).toMatch(/Tên chi bộ \/ cơ quan, đơn vị/);

    expect(await answer("Chi bộ Văn phòng Ban")).toMatch(/Tên mô hình dân vận/);
    // Back one question, answer it again.
    expect((await tap("cl:back"))[0]).toMatch(/Tên chi bộ/);
    await answer("Chi bộ Văn phòng Ban Dân vận");
    const choice = (await say(textMessage(chat, me, "Mô hình vận động bỏ hút thuốc lá nơi làm việc"))).at(-1)!;
    expect(buttons(choice).map((b) => b.text)).toContain("Việc chấp hành quy định, nội quy của cơ quan");
    expect((await tap("cl:a:3"))[0]).toMatch(/Mô tả ngắn nội dung/);
    await answer("Vận động hút thuốc đúng nơi quy định, tiến tới bỏ thuốc");
    await answer("Đồng chí Nguyễn Văn An, Chánh Văn phòng");
    expect((await tap("cl:a:có"))[0]).toMatch(/Bước 2\/5 ▓▓░░░/);

    // A question for the documents in the middle, then the checklist carries on where it was.
    replies = await say(textMessage(chat, me, "? dân vận khéo thì sao"), 2);
    expect(text(replies[0])).toMatch(/dân vận khéo thì việc gì cũng thành công/i);
    expect(text(replies[1])).toMatch(/Ngày sinh hoạt chi bộ/);

    expect(await answer("32/13/2026")).toMatch(/Ngày không hợp lệ/);
    await answer("5/3/2026");
    expect((await tap("cl:skip"))[0]).toMatch(/Số người tham gia/);
    await answer("25");
    expect((await tap("cl:skip"))[0]).toMatch(/Bước 3\/5 ▓▓▓░░ — Ban hành kế hoạch thực hiện/);
    await answer("100% đảng viên không hút thuốc trong phòng làm việc");
    await answer("10-3-2026");

    // The bot process restarts in the middle of step 3: every answer is kept.
    await running.stop();
    await startBot();
    replies = await say(textMessage(chat, me, "/mohinh"));
    expect(text(replies[0])).toMatch(/đang làm dở «Xây dựng mô hình dân vận»/);
    expect((await tap("cl:resume"))[0]).toMatch(/Bước 3\/5[\s\S]*Mốc thời gian hoàn thành/);
    const progress = text((await say(textMessage(chat, me, "/tiendo"))).at(-1));
    expect(progress).toMatch(/Chi bộ Văn phòng Ban Dân vận/);
    expect(progress).toMatch(/Ngày bắt đầu thực hiện: 10\/3\/2026/);

    expect(await answer("1/3/2026")).toMatch(/sớm hơn «Ngày bắt đầu thực hiện»/);
    await answer("30.9.2026");
    await answer("Đồng chí Trần Thị Bình");
    await tap("cl:skip");
    await tap("cl:skip");
    expect(await answer("Số đảng viên, người lao động thực hiện đúng quy định")).toMatch(/Bước 4\/5/);
    await tap("cl:skip");
    await tap("cl:skip");
    expect((await tap("cl:skip"))[0]).toMatch(/Bước 5\/5 ▓▓▓▓▓/);
    await tap("cl:a:có");
    await answer("Đảng ủy Khối các cơ quan Trung ương");
    const summary = text((await say(textMessage(chat, me, "Phổ biến cho các chi bộ trong Đảng bộ"))).at(-1));
    expect(summary).toMatch(/Tóm tắt các câu trả lời/);

    // Correct an earlier answer from the summary, then confirm.
    await tap("cl:edit:nguoi_phu_trach");
    expect(await answer("Đồng chí Lê Văn Cường")).toMatch(/Tóm tắt[\s\S]*Lê Văn Cường/);
    const before = telegram.calls.length;
    await tap("cl:confirm", 3);
    await telegram.waitFor((calls) => calls.slice(before).some((c) => c.method === "sendDocument"));
    const doc = telegram.calls.slice(before).find((c) => c.method === "sendDocument")!;
    const raw = doc.body.bytes as Buffer;
    const start = raw.indexOf(Buffer.from("PK\u0003\u0004", "latin1"));
    const end = raw.lastIndexOf(Buffer.from("PK\u0005\u0006", "latin1"));
    const docx = raw.subarray(start, end + 22);
    const { value } = await mammoth.extractRawText({ buffer: docx });
    expect(value).toMatch(/KẾ HOẠCH XÂY DỰNG MÔ HÌNH DÂN VẬN/);
    expect(value).toMatch(/Chi bộ Văn phòng Ban Dân vận/);
    expect(value).toMatch(/Mốc thời gian hoàn thành: 30\/9\/2026/);
    expect(value).toMatch(/Người phụ trách thực hiện mô hình: Đồng chí Lê Văn Cường/);
    expect(value).toMatch(/Căn cứ, nguồn trích dẫn/);
    await telegram.waitFor((calls) => calls.slice(before).some((c) => /Sau bước 5/.test(String(c.body.text ?? ""))));
    const markdown = telegram.calls.slice(before).filter((c) => c.method === "sendMessage").map(text).join("\n");
    expect(markdown).toMatch(/# Kế hoạch xây dựng mô hình dân vận/);
    const offer = telegram.calls.slice(before).find((c) => /Sau bước 5/.test(String(c.body.text ?? "")))!;
    const proposal = buttons(offer).find((b) => /Tờ trình đề nghị công nhận mô hình dân vận khéo/.test(b.text))!;
    const docs = telegram.calls.length;
    telegram.push(callback(chat, me, proposal.callback_data));
    await telegram.waitFor((calls) => calls.slice(docs).some((c) => c.method === "sendDocument"));
    const second = telegram.calls.slice(docs).find((c) => c.method === "sendDocument")!;
    const secondBytes = second.body.bytes as Buffer;
    const zip = secondBytes.subarray(secondBytes.indexOf(Buffer.from("PK\u0003\u0004", "latin1")), secondBytes.lastIndexOf(Buffer.from("PK\u0005\u0006", "latin1")) + 22);
    const proposalText = (await mammoth.extractRawText({ buffer: zip })).value;
    expect(proposalText).toMatch(/TỜ TRÌNH ĐỀ NGHỊ CÔNG NHẬN MÔ HÌNH DÂN VẬN KHÉO/);
    expect(proposalText).toMatch(/Cấp ủy cấp trên nhận đề nghị: Đảng ủy Khối các cơ quan Trung ương/);
  }, 90_000);

  it("runs a second checklist file with no code change, and cancels after confirmation", async () => {
    const other = privateChat(301);
    const her = user(301, "Lan");
    const before = telegram.calls.length;
    telegram.push(textMessage(other, her, "/danhmuc"));
    await telegram.waitFor((calls) => calls.slice(before).some((c) => c.method === "sendMessage" && Number(c.body.chat_id) === 301));
    const pick = telegram.calls.slice(before).find((c) => c.method === "sendMessage" && Number(c.body.chat_id) === 301)!;
    expect(buttons(pick).map((b) => b.text)).toEqual(["Xây dựng mô hình dân vận", "Tổ chức hội nghị cán bộ, công chức"]);
    const count = telegram.calls.length;
    telegram.push(callback(other, her, "cl:start:to-chuc-hoi-nghi"));
    await telegram.waitFor((calls) => calls.slice(count).some((c) => String(c.body.text ?? "").includes("Bước 1/1")));
    const idle = await controller!.remind(new Date(Date.now() + 4 * 86_400_000));
    expect(idle).toBeGreaterThanOrEqual(1);
    expect(telegram.calls.some((c) => Number(c.body.chat_id) === 301 && /Nhắc nhẹ/.test(String(c.body.text)))).toBe(true);
    expect(await controller!.remind(new Date(Date.now() + 5 * 86_400_000))).toBe(0);
    const cancel = telegram.calls.length;
    telegram.push(textMessage(other, her, "/huybo"));
    await telegram.waitFor((calls) => calls.slice(cancel).some((c) => /chắc muốn hủy/.test(String(c.body.text ?? ""))));
    telegram.push(callback(other, her, "cl:cancel"));
    await telegram.waitFor((calls) => calls.slice(cancel).some((c) => /Đã hủy danh mục/.test(String(c.body.text ?? ""))));
    expect(await store.activeChecklistRun("telegram", "301")).toBeUndefined();
  }, 30_000);
});
