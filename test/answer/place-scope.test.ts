import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { LEXICON_FILE } from "../helpers/index.ts";

/**
 * A question that names a province is answered from that province's text, not from another province's
 * text that says much the same: two made-up plans for a contest, issued by two provinces of the
 * lexicon, each giving its own interval; the other province's text matches the
 * question's other words better.
 */
const { lexicon } = await loadLexicon(LEXICON_FILE);
const [first, second] = lexicon.places.map((p) => p.name);

const PLAN = (place: string, years: string, steps: string[], extra: string) => [
  `KẾ HOẠCH TỔ CHỨC HỘI THI DÂN VẬN KHÉO`,
  "",
  `Ngày 5 tháng 4 năm 2021`,
  "",
  `1. Hội thi Dân vận khéo ${extra} được tổ chức ${years} năm một lần.`,
  "",
  "2. Hội thi gồm các phần thi sau:",
  ...steps.map((s) => `- ${s}.`),
].join("\n");

const meta = (place: string) => `issuer: Ban Dân vận Tỉnh ủy ${place}\ndate: "2021"\nkind: Kế hoạch\n`;

const answerer = answererForFile({
  "hoi-thi-a.txt": PLAN(first!, "ba", ["Phần thi chào hỏi", "Phần thi kiến thức", "Phần thi tiểu phẩm"], "cấp tỉnh"),
  "hoi-thi-a.txt.meta.yaml": meta(first!),
  "hoi-thi-b.txt": PLAN(second!, "hai", ["Phần thi hùng biện", "Phần thi xử lý tình huống", "Phần thi trắc nghiệm"], "cấp tỉnh dành cho cán bộ dân vận các cấp, các ngành"),
  "hoi-thi-b.txt.meta.yaml": meta(second!),
});

describe("a question that names a province", () => {
  it("quotes the interval that province's text gives", async () => {
    const result = await answerer.answer(`Hội thi Dân vận khéo của ${first} dành cho cán bộ dân vận các cấp, các ngành tổ chức mấy năm một lần?`);
    // Answered, or shown first among related passages when not sure.
    expect(result.answer).toContain("ba năm một lần");
    const other = result.answer.indexOf("hai năm một lần");
    expect(other === -1 || other > result.answer.indexOf("ba năm một lần")).toBe(true);
  });
});
