/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import mammoth from "mammoth";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { openApp } from "../../bot/app.ts";
import type { App } from "../../bot/app.ts";
import { createWebApp } from "../../bot/web/server.ts";
import { copyTestKnowledgeIndex, tempDir, testKnowledgeDir } from "../helpers/index.ts";


let app: App;
let browser: Browser;
let page: Page;
let base: string;
let close: () => Promise<void>;
let downloads: string;

beforeAll(async () => {
  const temp = await tempDir();
  downloads = path.join(temp.dir, "downloads");
  await copyTestKnowledgeIndex(path.join(temp.dir, "index"));
  app = await openApp(loadConfig({ DATA_DIR: temp.dir, KNOWLEDGE_DIR: await testKnowledgeDir() }), silentLogger);
  // The walk-through sends more than the default 30 messages a minute.
  const http = createWebApp({ conversation: app.conversation, passage: (id) => app.holder.current().index.passage(id), logger: silentLogger, perMinute: 1000 });
  const server = serve({ fetch: http.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  // A phone-sized screen: the page must work there.
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  close = async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    app.close();
    await temp.cleanup();
  };
}, 60_000);
afterAll(() => close?.());

const botMessages = () => page.locator("#log li.bot");

async function send(text: string): Promise<void> {
  const before = await botMessages().count();
  await page.fill("#input", text);
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelectorAll("#log li.bot").length > n, before);
}

async function click(label: string | RegExp, replies = 1): Promise<void> {
  const before = await botMessages().count();
  await page.getByRole("button", { name: label }).last().click();
  await page.waitForFunction(([n, k]) => document.querySelectorAll("#log li.bot").length >= n + k, [before, replies] as const);
}

const last = async () => (await botMessages().last().innerText()).trim();

describe("web chat in headless Chromium", () => {
  it("asks a question, shows the cited answer and opens a source's verbatim passage", async () => {
    await page.goto(base);
    await expect(page.title()).resolves.toBe("Trợ lý Dân vận");
    await send("Ai làm công tác dân vận hiệu quả nhất?");
    expect(await last()).toMatch(/người đứng đầu cấp ủy hoặc thủ trưởng cơ quan/);
    const summary = page.locator("#log li.bot").last().locator("summary").first();
    await expect(summary.innerText()).resolves.toMatch(/\[1\] Tài liệu bồi dưỡng/);
    await summary.click();
    await page.waitForFunction(() => !document.querySelector("#log li.bot:last-child blockquote")?.textContent?.startsWith("Đang tải"));
    await expect(page.locator("#log li.bot").last().locator("blockquote").innerText()).resolves.toMatch(/II - AI LÀM DÂN VẬN HIỆU QUẢ NHẤT/);
  });

  it("answers a practice question with a button and shows feedback with the source", async () => {
    await page.goto(base);
    await click("📝 Luyện tập");
    expect(await last()).toMatch(/Câu 1\/10:/);
    await click(/^A\. /, 2);
    const feedback = (await botMessages().nth((await botMessages().count()) - 2).innerText()).trim();
    expect(feedback).toMatch(/(Đúng!|Chưa đúng)[\s\S]*Nguồn: /);
    expect(await last()).toMatch(/Câu 2\/10:/);
    await send("/dung");
  });

  it("walks the dân vận model checklist to the DOCX download", async () => {
    await page.goto(base);
    await click("🧭 Mô hình dân vận");
    expect(await last()).toMatch(/Bước 1\/5/);
    await send("Chi bộ Vụ Tổng hợp");
    await send("Mô hình vận động tiết kiệm điện");
    await click(/^1\. Việc đã có chủ trương/);
    await send("Vận động tắt điện khi ra khỏi phòng");
    await send("Đồng chí Phạm Văn Dũng");
    await click("1. Có");
    expect(await last()).toMatch(/Bước 2\/5/);
    await send("5/3/2026");
    for (let i = 0; i < 3; i++) await click("⏭ Bỏ qua");
    expect(await last()).toMatch(/Bước 3\/5/);
    await send("Giảm 20% điện năng tiêu thụ");
    await send("10/3/2026");
    await send("1/3/2026");
    expect(await last()).toMatch(/sớm hơn «Ngày bắt đầu thực hiện»/);
    await send("30/9/2026");
    await send("Đồng chí Nguyễn Thị Hoa");
    await click("⏭ Bỏ qua");
    await click("⏭ Bỏ qua");
    await send("Số kWh điện mỗi tháng");
    for (let i = 0; i < 6; i++) await click("⏭ Bỏ qua");
    expect(await last()).toMatch(/Tóm tắt các câu trả lời/);
    await click("✅ Xác nhận");
    const link = page.getByRole("link", { name: /Kế hoạch xây dựng mô hình dân vận/ });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const { value } = await mammoth.extractRawText({ buffer: await readFile(file) });
    expect(value).toMatch(/KẾ HOẠCH XÂY DỰNG MÔ HÌNH DÂN VẬN/);
    expect(value).toMatch(/Chi bộ Vụ Tổng hợp/);
    expect(value).toMatch(/Mốc thời gian hoàn thành: 30\/9\/2026/);
    await page.screenshot({ path: process.env.WEB_SCREENSHOT ?? path.join(downloads, "web-chat.png") });
  }, 90_000);

  it("lists the documents and is usable with the keyboard alone", async () => {
    await page.goto(base);
    await page.focus("#input");
    await page.keyboard.type("/tailieu");
    const before = await botMessages().count();
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => document.querySelectorAll("#log li.bot").length > n, before);
    expect(await last()).toMatch(/Kho tài liệu có [1-9]\d* văn bản/);
    expect(await last()).toMatch(/cấp (?:Trung ương|tỉnh|huyện|xã|chưa rõ) · (?:còn hiệu lực|chưa rõ hiệu lực|đã bị thay thế|đã được sửa đổi|chưa có hiệu lực)/u);
    await expect(page.getByLabel("Câu hỏi của bạn").count()).resolves.toBe(1);
  });
});
