import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../ingest/document.ts";

const sentence = (i: number) => `Câu số ${i} nói về công tác dân vận của cơ quan nhà nước các cấp trong tình hình mới.`;

describe("chunking", () => {
  it("keeps a short section whole with its heading", () => {
    const text = "I. Một số vấn đề chung\n1. Thế nào là dân vận\nDân vận là vận động nhân dân.\n2. Vai trò\nLực lượng của dân rất to.";
    const [document] = buildDocuments(text, "a.txt", []);
    expect(document!.chunks).toHaveLength(1);
    expect(document!.chunks[0]!.text).toBe(text);
  });

  it("cuts a long paragraph only between sentences and keeps every chunk bounded", () => {
    const body = Array.from({ length: 120 }, (_, i) => sentence(i)).join(" ");
    const [document] = buildDocuments(`1. Mục lớn\n${body}`, "b.txt", [], { maxChars: 800, minChars: 200 });
    expect(document!.chunks.length).toBeGreaterThan(5);
    for (const chunk of document!.chunks) {
      expect(chunk.clean.length).toBeLessThanOrEqual(800 * 1.3);
      expect(chunk.clean.trimEnd()).toMatch(/\.$/);
      expect(chunk.section).toBe("1. Mục lớn");
    }
  });

  it("keeps a numbered list of steps together with its lead-in", () => {
    const steps = ["nhất", "hai", "ba", "tư", "năm"].map((n) => `Bước thứ ${n}: ${"việc cần làm trong bước này. ".repeat(8)}`).join("\n");
    const [document] = buildDocuments(`6. Xây dựng mô hình dân vận\nCó thể thực hiện theo các bước như sau:\n${steps}`, "c.txt", [], { maxChars: 700, minChars: 200 });
    const withSteps = document!.chunks.filter((c) => c.clean.includes("Bước thứ"));
    expect(withSteps).toHaveLength(1);
    expect(withSteps[0]!.clean).toContain("Có thể thực hiện theo các bước như sau:");
  });

  it("gives every chunk the verbatim source text of its range", () => {
    const source = "**KẾT LUẬN**\n\n1- Nội dung thứ nhất có *chữ nghiêng* ở đây.\n\n2- Nội dung thứ hai.";
    const [document] = buildDocuments(source, "d.md", []);
    for (const chunk of document!.chunks) expect(source.slice(chunk.charStart, chunk.charEnd)).toBe(chunk.text);
    expect(document!.chunks.map((c) => c.clean).join(" ")).not.toContain("*");
  });
});
