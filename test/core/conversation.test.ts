import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../bot/app.ts";
import type { Reply } from "../../bot/core/replies.ts";
import { optionIndex } from "../../bot/core/practice.ts";
import { renderPlain } from "../../bot/core/render-text.ts";
import { splitText } from "../../bot/core/split.ts";
import { coreText } from "../../bot/messages.ts";
import { typedOption } from "../../bot/core/replies.ts";
import { asText } from "../../bot/core/render-text.ts";
import { conversationFor, openTestApp } from "../helpers/index.ts";

let app: App;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, close: cleanup } = await openTestApp());
});
afterAll(() => cleanup());

const say = (text: string, chatId = "t1") => app.conversation.handle({ channel: "test", chatId, userId: chatId, userName: "Thử", text });
const plain = (replies: Reply[]) => replies.map(renderPlain).join("\n---\n");

describe("conversation core", () => {
  it.each([["1", 0], ["B", 1], ["c", 2], ["4.", 3], ["5", undefined], ["x", undefined]])("reads the option %s as %s", (text, index) => {
    expect(optionIndex(text, 4)).toBe(index);
  });

  it("splits long text on paragraph boundaries within the limit", () => {
    const text = Array.from({ length: 30 }, (_, i) => `Đoạn ${i}: ${"chữ ".repeat(40)}`).join("\n\n");
    const parts = splitText(text, 500);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(500);
    expect(parts.join("\n\n").replace(/\s+/g, " ").trim()).toBe(text.replace(/\s+/g, " ").trim());
  });

  it("turns a plain message into a cited question and «nguồn 2» into the second source", async () => {
    const answer = await say("Ai làm công tác dân vận hiệu quả nhất?");
    expect(answer[0]!.kind).toBe("answer");
    expect(plain(answer)).toMatch(/Nguồn:\n\[1\]/);
    expect(plain(await say("nguồn 9"))).toMatch(/không có nguồn số 9/);
    expect(plain(await say("nguồn 1"))).toMatch(/^Nguồn 1: [\s\S]*người đứng đầu cấp ủy hoặc thủ trưởng cơ quan/);
  });

  it("lists documents, explains unknown commands, and says when there is no answer to show a source of", async () => {
    const documents = await app.holder.current().index.documents();
    expect(documents.length).toBeGreaterThan(0);
    expect(plain(await say("/tailieu", "t2"))).toContain(`Kho tài liệu có ${documents.length} văn bản`);
    expect(plain(await say("tài liệu", "t2"))).toContain(documents[0]!.title);
    // As plain text (Zalo, the terminal chat): each document's level and status from the registry.
    const listed = plain(await say("/tailieu", "t2"));
    for (const d of (await app.holder.current().index.registry()).documents) expect(listed).toContain(coreText.documentStanding(d));
    expect(plain(await say("/abc", "t2"))).toMatch(/Không có lệnh \/abc/);
    expect(plain(await say("nguồn 1", "t3"))).toMatch(/Chưa có câu trả lời nào có nguồn/);
  });

  it("drives the checklist in text form: numbered choices, back, edit by number, a question with «?»", async () => {
    const chat = "t4";
    expect(plain(await say("/mohinh", chat))).toMatch(/Bước 1\/5[\s\S]*Tên chi bộ/);
    await say("Chi bộ Phòng Tổng hợp", chat);
    await say("Mô hình tiết kiệm điện", chat);
    const choice = await say("quay lại", chat);
    expect(plain(choice)).toMatch(/Tên mô hình dân vận/);
    await say("Mô hình tiết kiệm điện nơi làm việc", chat);
    expect(plain(await say("2", chat))).toMatch(/Mô tả ngắn nội dung/);
    const edit = await say("sửa", chat);
    expect(plain(edit)).toMatch(/1\. Tên chi bộ[\s\S]*3\. Nội dung mô hình thuộc loại nào\?: Mặt còn yếu kém/);
    expect(plain(await say("1", chat))).toMatch(/Tên chi bộ/);
    expect(plain(await say("Chi bộ Phòng Hành chính", chat))).toMatch(/Mô tả ngắn nội dung/);
    const both = await say("? người đứng đầu có vai trò gì", chat);
    expect(both[0]!.kind).toBe("answer");
    expect(plain(both.slice(1))).toMatch(/Mô tả ngắn nội dung/);
    expect(plain(await say("/tiendo", chat))).toMatch(/Chi bộ Phòng Hành chính/);
    const exported = await say("/xuat", chat);
    expect(exported[0]).toMatchObject({ kind: "file", fileName: "ke-hoach-xay-dung-mo-hinh-dan-van.docx" });
    expect(plain(await say("/huybo", chat))).toMatch(/Đã hủy/);
  });
});

describe("conversation core: mixed activities", () => {
  it("sends an option letter to the practice round when it was used after the checklist", async () => {
    const chat = "t9";
    await say("/mohinh", chat);
    await say("/luyentap", chat);
    const reply = plain(await say("B", chat));
    expect(reply).toMatch(/(Đúng!|Chưa đúng)/);
    expect(plain(await say("/tiendo", chat))).toMatch(/Tên chi bộ \/ cơ quan, đơn vị xây dựng mô hình: \(chưa trả lời\)/);
    await say("/dung", chat);
    expect(plain(await say("/dung", chat))).toMatch(/Không có bài luyện tập nào đang chạy/);
  });

  it("accepts «1» and «2» for yes/no questions, as listed", async () => {
    const chat = "t10";
    await say("/mohinh", chat);
    for (const answer of ["Chi bộ A", "Mô hình B", "1", "Nội dung C", "Đồng chí D"]) await say(answer, chat);
    expect(plain(await say("1", chat))).toMatch(/Bước 2\/5/);
  });

  it("forgets a pending edit menu when the checklist is resumed", async () => {
    const chat = "t12";
    await say("/mohinh", chat);
    await say("Chi bộ A", chat);
    await say("Mô hình B", chat);
    expect(plain(await say("sửa", chat))).toMatch(/Chọn câu muốn sửa/);
    expect(plain(await say("/mohinh", chat))).toMatch(/Tiếp tục/);
    // "2" now answers the current question (a choice), not "correct answer 2".
    expect(plain(await say("2", chat))).toMatch(/Mô tả ngắn nội dung/);
    expect(plain(await say("/tiendo", chat))).toMatch(/Tên mô hình dân vận: Mô hình B/);
  });

  it("forgets a pending edit menu when a button picks the field", async () => {
    const chat = "t11";
    await say("/mohinh", chat);
    await say("Chi bộ A", chat);
    await say("sửa", chat);
    await app.conversation.handle({ channel: "test", chatId: chat, userId: chat, userName: "Thử", text: "", intent: { kind: "checklist-input", input: { kind: "edit", fieldId: "don_vi" } } });
    await say("Chi bộ Mới", chat);
    const progress = plain(await say("/tiendo", chat));
    expect(progress).toMatch(/Tên chi bộ \/ cơ quan, đơn vị xây dựng mô hình: Chi bộ Mới/);
  });
});

describe("conversation core: buttons carry intents, not their labels", () => {
  it("a reworded button label changes nothing: its intent and its typed form still act", async () => {
    const chat = "t20";
    const original = { ...coreText.labels };
    try {
      Object.assign(coreText.labels, { back: "◀ Về câu trước", edit: "Chỉnh lại" });
      await say("/mohinh", chat);
      const second = await say("Chi bộ A", chat);
      const back = asText(second.at(-1)!).options!.find((o) => o.label === "◀ Về câu trước")!;
      expect(back.intent).toEqual({ kind: "checklist-input", input: { kind: "back" } });
      expect(plain(await app.conversation.handle({ channel: "test", chatId: chat, userId: chat, userName: "Thử", text: "", intent: back.intent }))).toMatch(/Tên chi bộ/);
      await say("Chi bộ B", chat);
      expect(plain(await say(typedOption(back)!, chat))).toMatch(/Tên chi bộ/);
      expect(plain(await say("Chi bộ C", chat))).toContain("◀ Về câu trước");
    } finally {
      Object.assign(coreText.labels, original);
    }
  });
});

describe("conversation core: one question limit for every channel", () => {
  it("asks a user over the limit to wait, counts per user and channel, and never limits commands", async () => {
    const limited = conversationFor(app.holder, app.store, { questionsPerMinute: 2 });
    const from = (userId: string, text: string, channel = "zalo") => limited.handle({ channel, chatId: userId, userId, userName: "Thử", text });
    expect((await from("u1", "Dân vận là gì?"))[0]!.kind).toBe("answer");
    expect((await from("u1", "Dân vận khéo là gì?"))[0]!.kind).toBe("answer");
    expect(plain(await from("u1", "Ai phụ trách dân vận?"))).toMatch(/hỏi hơi nhanh[\s\S]*giây/);
    expect((await from("u1", "/tailieu"))[0]!.kind).toBe("documents");
    expect((await from("u2", "Ai phụ trách dân vận?"))[0]!.kind).toBe("answer");
    expect((await from("u1", "Ai phụ trách dân vận?", "web"))[0]!.kind).toBe("answer");
  });

  it("refuses an over-long question with the limit, on every channel alike", async () => {
    const short = conversationFor(app.holder, app.store, { maxQuestionChars: 50 });
    expect(plain(await short.handle({ channel: "web", chatId: "x", userId: "x", userName: "", text: "dân vận ".repeat(20) }))).toMatch(/tối đa 50 ký tự/);
  });
});
