import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/types.ts";
import { answerBlocks, escapeHtml, packMessages } from "../../bot/telegram/render.ts";
import { splitHtml as split } from "../../bot/core/split.ts";
import type { Reply } from "../../bot/core/replies.ts";
import { renderPlain } from "../../bot/core/render-text.ts";

const splitHtml = (html: string) => split(html, 4096);

const balanced = (html: string) => ["b", "i", "blockquote", "code"].every((tag) => (html.match(new RegExp(`<${tag}>`, "g")) ?? []).length === (html.match(new RegExp(`</${tag}>`, "g")) ?? []).length);

describe("Telegram rendering", () => {
  it("escapes document and user text", () => {
    expect(escapeHtml("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
    const result = { answer: "Điều 1 <script>", abstained: false, confidence: 1, citations: [{ n: 1, chunkId: "c", docTitle: "T", docNumber: "", section: "", quote: "", label: "Quy chế <b>", alsoIn: [] }], passages: [], mode: "extractive", grade: "answer", suggestions: [] } as AnswerResult;
    const [message] = packMessages(answerBlocks(result));
    expect(message).toContain("Điều 1 &lt;script&gt;");
    expect(message).toContain("Quy chế &lt;b&gt;");
  });

  it("related passages come with their sources; 'not covered' has none", () => {
    const citation = { n: 1, chunkId: "c", docTitle: "T", docNumber: "", section: "", quote: "q", label: "Hướng dẫn › 2. Thủ trưởng cơ quan", alsoIn: [] };
    const related = { answer: "Tài liệu có các đoạn liên quan sau, có thể chưa trả lời đúng câu hỏi:\n• «q» [1]", abstained: true, confidence: 0.4, citations: [citation], passages: [], mode: "related", grade: "related", suggestions: [] } as AnswerResult;
    expect(packMessages(answerBlocks(related)).join("\n")).toMatch(/Nguồn:[\s\S]*\[1\] Hướng dẫn › 2\. Thủ trưởng cơ quan/);
    expect(renderPlain({ kind: "answer", result: related } as Reply)).toMatch(/Nguồn:\n\[1\] Hướng dẫn/);
    const none = { ...related, answer: "Tài liệu hiện có không đề cập đến nội dung này.", citations: [], mode: "abstained", grade: "none" } as AnswerResult;
    expect(packMessages(answerBlocks(none)).join("\n")).not.toMatch(/Nguồn/);
    expect(renderPlain({ kind: "answer", result: none } as Reply)).not.toMatch(/Nguồn/);
  });

  it("a source names the other documents that hold the same words, three at most, then a count", () => {
    const copy = (i: number) => ({ docTitle: `Kế hoạch của tỉnh ${i}`, docNumber: `${i}-KH/TU`, section: "I. Mục đích", docDate: "" });
    const citation = { n: 1, chunkId: "c", docTitle: "Nghị quyết", docNumber: "25-NQ/TW", section: "", quote: "q", label: "Nghị quyết › I", alsoIn: [1, 2, 3, 4, 5].map(copy) };
    const result = { answer: "Trả lời [1]", abstained: false, confidence: 1, citations: [citation], passages: [], mode: "extractive", grade: "answer", suggestions: [] } as AnswerResult;
    const expected = /\[1\] Nghị quyết › I \(số 25-NQ\/TW\)\n\s+Cũng có trong: Kế hoạch của tỉnh 1 \(số 1-KH\/TU\); Kế hoạch của tỉnh 2 \(số 2-KH\/TU\); Kế hoạch của tỉnh 3 \(số 3-KH\/TU\); và 2 văn bản khác/;
    expect(packMessages(answerBlocks(result)).join("\n")).toMatch(expected);
    expect(renderPlain({ kind: "answer", result } as Reply)).toMatch(expected);
    const two = { ...result, citations: [{ ...citation, alsoIn: [copy(1), copy(2)] }] };
    expect(renderPlain({ kind: "answer", result: two } as Reply)).toMatch(/Cũng có trong: Kế hoạch của tỉnh 1 \(số 1-KH\/TU\); Kế hoạch của tỉnh 2 \(số 2-KH\/TU\)\n/);
    // Copies under one title are told apart by their dates.
    const dated = { ...result, citations: [{ ...citation, alsoIn: ["2021", "2022-03-01"].map((docDate) => ({ docTitle: "Kế hoạch", docNumber: "", section: "", docDate })) }] };
    expect(renderPlain({ kind: "answer", result: dated } as Reply)).toMatch(/Cũng có trong: Kế hoạch \(2021\); Kế hoạch \(1\/3\/2022\)\n/);
  });

  it("cuts a line over the limit between words, never inside an entity or a tag", () => {
    const line = `<i>${"dân &amp; vận ".repeat(900)}</i>`;
    const parts = splitHtml(`đầu\n\n${line}`);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part).not.toMatch(/&[a-z]*$/);
      expect(part).not.toMatch(/^[a-z]*;/);
      expect(part).not.toMatch(/<[^>]*$/);
    }
  });

  it("splits long answers and long summaries on boundaries without breaking tags", () => {
    const blocks = Array.from({ length: 40 }, (_, i) => ({ text: `Đoạn ${i}: ${"chữ & dấu ".repeat(30)}`, wrap: (s: string) => `<i>${s}</i>` }));
    const messages = packMessages(blocks);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(4096);
      expect(balanced(m)).toBe(true);
    }
    const summary = Array.from({ length: 5 }, (_, s) => `<b>Bước ${s + 1}</b>\n${Array.from({ length: 6 }, (_, f) => `• Câu ${f}: ${"câu trả lời dài ".repeat(20)}`).join("\n")}`).join("\n\n");
    const parts = splitHtml(summary);
    expect(summary.length).toBeGreaterThan(4096);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(balanced(part)).toBe(true);
    }
    expect(parts.join("\n\n")).toBe(summary);
  });
});
