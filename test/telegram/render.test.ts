import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/types.ts";
import { answerBlocks, escapeHtml, packMessages } from "../../bot/telegram/render.ts";
import { splitHtml } from "../../bot/telegram/present.ts";

const balanced = (html: string) => ["b", "i", "blockquote", "code"].every((tag) => (html.match(new RegExp(`<${tag}>`, "g")) ?? []).length === (html.match(new RegExp(`</${tag}>`, "g")) ?? []).length);

describe("Telegram rendering", () => {
  it("escapes document and user text", () => {
    expect(escapeHtml("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
    const result = { answer: "Điều 1 <script>", abstained: false, confidence: 1, citations: [{ n: 1, chunkId: "c", docTitle: "T", docNumber: "", section: "", quote: "", label: "Quy chế <b>" }], passages: [], mode: "extractive", grade: "answer", suggestions: [] } as AnswerResult;
    const [message] = packMessages(answerBlocks(result));
    expect(message).toContain("Điều 1 &lt;script&gt;");
    expect(message).toContain("Quy chế &lt;b&gt;");
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
