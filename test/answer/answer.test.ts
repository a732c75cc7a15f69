import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KNOWLEDGE, openAnswerer, runIngest, tempDir } from "../helpers/index.ts";

let answerer: Awaited<ReturnType<typeof openAnswerer>>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  await runIngest(KNOWLEDGE, path.join(temp.dir, "index"));
  answerer = await openAnswerer(path.join(temp.dir, "index"));
});
afterAll(async () => {
  answerer.close();
  await cleanup();
});

describe("answers with citations", () => {
  it("a question typed without diacritics finds the passage", async () => {
    const result = await answerer.answer("dan van kheo thi sao");
    expect(result.abstained).toBe(false);
    expect(result.answer).toMatch(/[Dd]ân vận khéo thì việc gì cũng thành công/);
    expect(result.citations[0]!.quote).toMatch(/dân vận khéo thì việc gì cũng thành công/i);
  });

  it("an abbreviation finds the passage written in full, and the reverse", async () => {
    const short = await answerer.answer("Cấp ủy làm gì để kiểm tra việc thực hiện QCDC?");
    expect(short.passages.slice(0, 3).some((p) => p.text.includes("Kiểm tra việc xây dựng thực hiện QCDC"))).toBe(true);
    const full = await answerer.answer("mttq va cac doan the phai lam gi trong cong tac dan van");
    expect(full.abstained).toBe(false);
    expect(full.passages.some((p) => /Mặt trận Tổ quốc|mặt trận Tổ quốc/.test(p.text))).toBe(true);
  });

  it("quotes the source verbatim and names document and section", async () => {
    const result = await answerer.answer("Bước thứ hai khi xây dựng mô hình dân vận là gì?");
    expect(result.answer).toMatch(/^Bước thứ hai: tổ chức sinh hoạt chi bộ và họp cơ quan/);
    const citation = result.citations[0]!;
    expect(citation.docTitle).toMatch(/Công tác dân vận ở Đảng bộ Khối/);
    expect(citation.section).toContain("6. Xây dựng mô hình dân vận");
    expect(result.passages[0]!.text).toContain(citation.quote.slice(0, 60));
  });

  it("gives the items of a list in order, one per line", async () => {
    const result = await answerer.answer("Các bước xây dựng mô hình dân vận gồm những gì?");
    const lines = result.answer.split("\n").filter((l) => l.startsWith("- "));
    expect(lines.map((l) => l.slice(2, 16))).toEqual(["Bước thứ nhất:", "Bước thứ hai: ", "Bước thứ ba: b", "Bước thứ tư: h", "Bước thứ năm: "]);
    expect(result.answer).toMatch(/\[1\]/);
  });

  it("answers an item asked for by its number", async () => {
    const result = await answerer.answer("Nội dung thứ tám cụ thể hóa Nghị quyết 25 đối với cấp ủy là gì?");
    expect(result.abstained).toBe(false);
    expect(result.answer).toMatch(/^Tám là, tăng cường lãnh đạo, chỉ đạo, kiểm tra và giám sát/);
  });

  it.each(["Giá vàng hôm nay bao nhiêu?", "Vượt đèn đỏ bị phạt bao nhiêu tiền?", "Mức lương cơ sở hiện nay là bao nhiêu?", "Cách làm hộ chiếu online"])(
    "says plainly that the documents do not cover «%s» and suggests covered topics",
    async (question) => {
      const result = await answerer.answer(question);
      expect(result.abstained).toBe(true);
      expect(result.citations).toEqual([]);
      expect(result.answer).toMatch(/^Tài liệu hiện có không đề cập đến nội dung này/);
      expect(result.suggestions.length).toBeGreaterThan(0);
      expect(result.passages.length).toBe(5);
    },
  );

  it("answers an empty question with a usage hint", async () => {
    const result = await answerer.answer("   ");
    expect(result.abstained).toBe(true);
    expect(result.answer).toMatch(/nhập câu hỏi/);
  });

  it("answers the same whether or not the question is capitalised", async () => {
    for (const question of ["Thủ trưởng cơ quan có trách nhiệm gì với Ban Thanh tra nhân dân?", "thủ trưởng cơ quan có trách nhiệm gì với ban thanh tra nhân dân"]) {
      const result = await answerer.answer(question);
      expect(result.answer).toMatch(/^Thủ trưởng cơ quan có trách nhiệm tạo điều kiện để Ban Thanh tra nhân dân/);
    }
  });

  it("answers from the section whose heading asks the question", async () => {
    const who = await answerer.answer("Ai phụ trách dân vận?");
    expect(who.answer).toMatch(/^Tất cả cán bộ chính quyền, tất cả cán bộ Đoàn thể/);
    const goal = await answerer.answer("Mục tiêu của Nghị quyết Ban Chấp hành Đảng bộ tỉnh về công tác dân vận là gì?");
    expect(goal.citations[0]!.section).toContain("1- Mục tiêu");
  });

  it("returns the top k passages in rank order", async () => {
    const result = await answerer.answer("Thủ trưởng cơ quan có trách nhiệm gì với Ban Thanh tra nhân dân?", { k: 3 });
    expect(result.passages.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(result.passages[0]!.score).toBeGreaterThanOrEqual(result.passages[1]!.score);
    expect(result.passages[0]!.text).toContain("tạo điều kiện để Ban Thanh tra nhân dân");
  });
});
