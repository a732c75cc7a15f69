/// <reference lib="dom" />
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import type { App } from "../../bot/app.ts";
import { mountAdmin } from "../../bot/admin/routes.ts";
import { createWebApp } from "../../bot/web/server.ts";
import { makeDocx, makePdf } from "../helpers/files.ts";
import { openTestApp } from "../helpers/index.ts";

/**
 * The admin console in headless Chromium, as a Ban Dân vận staff member uses it: log in, upload a DOCX
 * and a PDF, see them listed, ask the web chat what only they say, remove one and be told it is not
 * covered; and what it refuses (a wrong password, a change without the CSRF token or from another site).
 */
const PASSWORD = "mat-khau-quan-tri-2026";

let app: App;
let browser: Browser;
let page: Page;
let base: string;
let knowledgeDir: string;
let tempDirs: string;
let close: () => Promise<void>;

beforeAll(async () => {
  // The knowledge folder is written to by uploads: a copy of the tests' own.
  const opened = await openTestApp({ writable: true, env: { ADMIN_PASSWORD: PASSWORD } });
  ({ app, knowledgeDir } = opened);
  tempDirs = opened.dir;
  const http = new Hono();
  createWebApp({ conversation: app.conversation, passage: (id) => app.holder.current().index.passage(id), feedback: app.webFeedback, logger: silentLogger, app: http, perMinute: 1000 });
  mountAdmin(http, { password: PASSWORD, library: app.library, curation: app.curation, questionText: (id) => app.bank().find((q) => q.id === id)?.question, store: app.store, logger: silentLogger, maxBytes: 20 * 1048576 });
  const server = serve({ fetch: http.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  close = async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await opened.close();
  };
}, 60_000);
afterAll(() => close?.());

const DOCX_RULE = "Tổ hòa giải thôn Đồng Tâm họp định kỳ vào tối thứ sáu cuối mỗi tháng tại nhà văn hóa thôn để rà soát các mâu thuẫn trong khu dân cư.";
const PDF_LINES = ["QUY DINH VE TO TU QUAN DUONG LANG", "To tu quan duong lang xom Bai Trong ra quan don ve sinh vao sang chu nhat dau tien cua moi thang."];

async function askChat(question: string): Promise<string> {
  const chat = await browser.newPage();
  await chat.goto(base);
  await chat.fill("#input", question);
  await chat.keyboard.press("Enter");
  await chat.waitForFunction(() => document.querySelectorAll("#log li.bot").length > 1);
  const text = (await chat.locator("#log li.bot").last().innerText()).trim();
  await chat.close();
  return text;
}

async function upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  await page.setInputFiles("#file", file);
  await page.getByRole("button", { name: "Tải lên và nạp" }).click();
  await page.waitForFunction(() => /^(Đã thêm|Đã cập nhật|Không nạp được)/.test(document.getElementById("upload-result")?.textContent ?? ""), undefined, { timeout: 30_000 });
  return (await page.locator("#upload-result").innerText()).trim();
}

describe("admin console in headless Chromium", () => {
  it("refuses a wrong password, then logs in", async () => {
    await page.goto(`${base}/admin`);
    await page.fill("#password", "khong-dung-mat-khau");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert").innerText()).resolves.toMatch(/Mật khẩu không đúng/);
    await page.fill("#password", PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForSelector("#upload");
    await page.waitForFunction(() => document.querySelectorAll("#documents li").length > 0);
  });

  it("uploads a DOCX and a PDF, lists them, answers from them in the web chat, and removing one leaves it not covered", async () => {
    const docx = await upload({ name: "Quy chế hòa giải Đồng Tâm.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: await makeDocx("QUY CHẾ HÒA GIẢI THÔN ĐỒNG TÂM", [`Điều 1. ${DOCX_RULE}`]) });
    expect(docx).toMatch(/^Đã thêm: .*— [1-9]\d* đoạn/);
    const pdf = await upload({ name: "to-tu-quan.pdf", mimeType: "application/pdf", buffer: makePdf(PDF_LINES) });
    expect(pdf).toMatch(/^Đã thêm: /);
    // A file that is not what its name says is refused, and nothing is written.
    const bad = await upload({ name: "gia-mao.pdf", mimeType: "application/pdf", buffer: Buffer.from("không phải PDF") });
    expect(bad).toMatch(/^Không nạp được: /);
    expect(await readdir(path.join(knowledgeDir, "documents", "uploads"))).toEqual(expect.arrayContaining(["quy-che-hoa-giai-dong-tam.docx", "to-tu-quan.pdf"]));
    expect(await readdir(path.join(knowledgeDir, "documents", "uploads"))).not.toContain("gia-mao.pdf");
    const listed = await page.locator("#documents").innerText();
    expect(listed).toContain("quy-che-hoa-giai-dong-tam.docx");
    expect(listed).toContain("to-tu-quan.pdf");

    const reconcile = await askChat("Tổ hòa giải thôn Đồng Tâm họp định kỳ vào lúc nào?");
    expect(reconcile).toMatch(/tối thứ sáu cuối mỗi tháng/);
    expect(reconcile).toMatch(/\[1\]/);
    expect(await askChat("to tu quan duong lang xom Bai Trong ra quan don ve sinh khi nao")).toMatch(/chu nhat dau tien/i);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: /Gỡ bỏ Quy chế hòa giải/i }).click();
    await page.waitForFunction(() => /^Đã gỡ bỏ/.test(document.getElementById("upload-result")?.textContent ?? ""), undefined, { timeout: 30_000 });
    const after = await askChat("Tổ hòa giải thôn Đồng Tâm họp định kỳ vào lúc nào?");
    expect(after).not.toMatch(/tối thứ sáu cuối mỗi tháng/);
    expect(after).toMatch(/^Tài liệu hiện có không đề cập/);
  });

  it("approves a corrected answer from a 👎 reply, serves it (marked approved) for the question in other words, and suspends it when its passage changes", async () => {
    const chat = await browser.newPage();
    await chat.goto(base);
    await chat.fill("#input", "Quy dinh ve to tu quan duong lang noi gi");
    await chat.keyboard.press("Enter");
    await chat.waitForFunction(() => document.querySelectorAll("#log li.bot").length > 1);
    await chat.getByRole("button", { name: "Câu trả lời chưa đúng" }).last().click();
    await chat.waitForFunction(() => /xem lại/.test(document.querySelector("#log li.bot:last-child .feedback")?.textContent ?? ""));
    await chat.close();

    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("#downvoted li").length > 0);
    await page.locator("#downvoted li").first().getByRole("button", { name: "Duyệt câu trả lời sửa" }).click();
    await expect(page.locator("#cq").inputValue()).resolves.toBe("Quy dinh ve to tu quan duong lang noi gi");
    await page.fill("#ca", "Tổ tự quản đường làng xóm Bãi Trong ra quân dọn vệ sinh vào sáng chủ nhật đầu tiên của mỗi tháng.");
    await page.getByRole("button", { name: "Duyệt", exact: true }).click();
    await page.waitForFunction(() => /^Đã duyệt/.test(document.getElementById("curate-result")?.textContent ?? ""));

    const approved = await askChat("quy định về tổ tự quản đường làng nói gì?");
    expect(approved).toMatch(/^✅ Câu trả lời đã được duyệt/);
    expect(approved).toContain("sáng chủ nhật đầu tiên của mỗi tháng");
    expect(approved).toMatch(/\[1\]/);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("#curated li").length > 0);
    await expect(page.locator("#curated").innerText()).resolves.toMatch(/đang dùng · 1 lượt dùng/);

    // The cited passage changes (the file is replaced): the approved answer is suspended on that ingest.
    const changed = await upload({ name: "to-tu-quan.pdf", mimeType: "application/pdf", buffer: makePdf(["QUY DINH VE TO TU QUAN DUONG LANG", "To tu quan duong lang xom Bai Trong ra quan vao sang thu bay cuoi thang."]) });
    expect(changed).toMatch(/^Đã cập nhật: /);
    await page.reload();
    await page.waitForFunction(() => /tạm ngưng/.test(document.getElementById("curated")?.textContent ?? ""));
    expect(await askChat("quy định về tổ tự quản đường làng nói gì?")).not.toMatch(/^✅/);
  });

  it("refuses a change without the session's CSRF token or from another site, and keeps an audit log of every action", async () => {
    const withoutToken = await page.evaluate(async () => (await fetch("/admin/api/documents/khong-co", { method: "DELETE" })).status);
    expect(withoutToken).toBe(403);
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const csrf = await page.locator('meta[name="csrf-token"]').getAttribute("content");
    const foreign = await fetch(`${base}/admin/api/documents/khong-co`, { method: "DELETE", headers: { cookie, "x-csrf-token": csrf!, origin: "http://evil.example" } });
    expect(foreign.status).toBe(403);
    const same = await fetch(`${base}/admin/api/documents/khong-co`, { method: "DELETE", headers: { cookie, "x-csrf-token": csrf!, origin: base } });
    expect(same.status).toBe(404);
    // Scripts use the password as a bearer token; without it nothing is listed.
    expect((await fetch(`${base}/admin/api/documents`)).status).toBe(401);
    const audit = await (await fetch(`${base}/admin/api/audit`, { headers: { authorization: `Bearer ${PASSWORD}` } })).json() as { entries: Array<{ action: string; target: string }> };
    const actions = audit.entries.map((e) => `${e.action} ${e.target}`);
    for (const expected of ["login-failed ", "login ", "upload documents/uploads/quy-che-hoa-giai-dong-tam.docx", "upload documents/uploads/to-tu-quan.pdf", "upload-refused documents/uploads/gia-mao.pdf", "remove documents/uploads/quy-che-hoa-giai-dong-tam.docx"]) {
      expect(actions).toContain(expected);
    }
  });

  it("draws usage over time and group-quiz results as charts, with the most missed quiz question", async () => {
    const bank = app.bank();
    const now = new Date();
    await app.store.saveQuiz({
      id: "quiz-test-1", channel: "telegram", chatId: "-100", kind: "group", ownerId: "1", topic: "QCDC", questionIds: [bank[0]!.id, bank[1]!.id], current: 1,
      status: "finished", startedAt: now.toISOString(), askedAt: now.toISOString(), openPeriod: 30, participants: { "1": "Lan", "2": "Minh" },
      answers: [{ "1": { option: 0, correct: false, ms: 3000 }, "2": { option: 1, correct: false, ms: 4000 } }, { "1": { option: 0, correct: true, ms: 2000 }, "2": { option: 0, correct: true, ms: 2500 } }],
      endedAt: now.toISOString(),
    });
    const auth = { authorization: `Bearer ${PASSWORD}` };
    const stats = await (await fetch(`${base}/admin/api/stats`, { headers: auth })).json() as { days: Array<{ questions: number }>; quizzes: Array<{ averagePercent: number; participants: number }>; mostMissed: Array<{ question: string; rate: number }> };
    expect(stats.days).toHaveLength(30);
    expect(stats.days.at(-1)!.questions).toBeGreaterThan(0);
    expect(stats.quizzes.at(-1)).toMatchObject({ averagePercent: 50, participants: 2 });
    expect(stats.mostMissed[0]).toMatchObject({ question: bank[0]!.question, rate: 0 });
    const usage = await fetch(`${base}/admin/charts/usage.svg`, { headers: auth });
    expect(usage.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    const svg = await usage.text();
    expect(svg).toMatch(/^<svg[^>]+role="img"/);
    expect(svg).toContain("Câu hỏi mỗi ngày");
    expect((await fetch(`${base}/admin/charts/quizzes.svg`)).status).toBe(401);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("#missed li").length > 0);
    await expect(page.locator("#missed").innerText()).resolves.toContain("đúng 0/2 (0%)");
    expect(await page.locator("#stats-title ~ img").first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  it("says how to enable the console when ADMIN_PASSWORD is not set", async () => {
    const http = new Hono();
    mountAdmin(http, { password: undefined, library: app.library, store: app.store, logger: silentLogger, maxBytes: 1048576 });
    const response = await http.request("/admin");
    expect(await response.text()).toContain("ADMIN_PASSWORD");
    expect((await http.request("/admin/api/documents")).status).toBe(404);
    await writeFile(path.join(tempDirs, "untouched"), "");
  });
});
