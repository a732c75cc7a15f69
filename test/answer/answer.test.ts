import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCorpusAnswerer } from "../helpers/index.ts";

let answerer: Awaited<ReturnType<typeof openCorpusAnswerer>>;

beforeAll(async () => {
  answerer = await openCorpusAnswerer();
});
afterAll(() => answerer.close());

describe("answers with citations", () => {
  it("a question typed without diacritics quotes the passage", async () => {
    const result = await answerer.answer("ban thanh tra nhan dan co bao nhieu thanh vien");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("gồm 5 thành viên");
    expect(result.citations[0]!.quote).toContain("gồm 5 thành viên");
  });

  it("an abbreviation finds the passage written in full", async () => {
    const short = await answerer.answer("Thủ trưởng cơ quan có trách nhiệm gì trong QCDC?");
    expect(short.passages[0]!.text).toContain("Thủ trưởng cơ quan");
    expect(short.answer).toContain("Ban hành quy chế làm việc");
  });

  it("quotes the source verbatim and names document and section", async () => {
    const result = await answerer.answer("Bước thứ hai khi xây dựng mô hình dân vận khéo là gì?");
    expect(result.answer).toMatch(/^Bước thứ hai: đưa nội dung ra sinh hoạt chi bộ/);
    const citation = result.citations[0]!;
    expect(citation.docTitle).toMatch(/Hướng dẫn/);
    expect(citation.section).toContain("II. XÂY DỰNG MÔ HÌNH DÂN VẬN KHÉO");
    const passage = result.passages.find((p) => p.chunkId === citation.chunkId)!;
    expect(passage.text.replace(/\s+/g, " ")).toContain(citation.quote.slice(0, 40));
  });

  it("gives the items of a list in order, one per line, with the list's lead-in", async () => {
    const result = await answerer.answer("Các bước xây dựng mô hình dân vận khéo gồm những gì?");
    const lines = result.answer.split("\n");
    expect(lines[0]).toMatch(/\[1\]$/);
    expect(lines.filter((l) => l.startsWith("- ")).map((l) => l.slice(2, 14))).toEqual(["Bước thứ nhấ", "Bước thứ hai", "Bước thứ ba:", "Bước thứ tư:", "Bước thứ năm"]);
  });

  it.each(["Giá vàng hôm nay bao nhiêu?", "Vượt đèn đỏ bị phạt bao nhiêu tiền?", "Cách làm hộ chiếu online"])(
    "says plainly that the documents do not cover «%s» and suggests covered topics",
    async (question) => {
      const result = await answerer.answer(question);
      expect(result.grade).toBe("none");
      expect(result.abstained).toBe(true);
      expect(result.citations).toEqual([]);
      expect(result.answer).toMatch(/^Tài liệu hiện có không đề cập đến nội dung này/);
      expect(result.suggestions.length).toBeGreaterThan(0);
    },
  );

  it("answers an empty question with a usage hint", async () => {
    const result = await answerer.answer("   ");
    expect(result.abstained).toBe(true);
    expect(result.answer).toMatch(/nhập câu hỏi/);
  });

  it("answers the same whether or not the question is capitalised", async () => {
    const answers = [];
    for (const question of ["Ai chịu trách nhiệm tổng hợp kiến nghị của đoàn viên?", "ai chịu trách nhiệm tổng hợp kiến nghị của đoàn viên"]) answers.push((await answerer.answer(question)).answer);
    expect(answers[0]).toBe(answers[1]);
  });

  it("answers from the section whose heading asks the question, though the text repeats none of its words", async () => {
    const result = await answerer.answer("Vì sao phải công khai?");
    expect(result.answer).toMatch(/^Khi mọi người được biết việc chung/);
    expect(result.citations[0]!.section).toContain("VÌ SAO PHẢI CÔNG KHAI");
  });

  it("returns the top k passages in rank order", async () => {
    const result = await answerer.answer("Thủ trưởng cơ quan có trách nhiệm gì với Ban Thanh tra nhân dân?", { k: 3 });
    expect(result.passages.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(result.passages[0]!.score).toBeGreaterThanOrEqual(result.passages[1]!.score);
    expect(result.passages[0]!.text).toContain("Tạo điều kiện để Ban Thanh tra nhân dân");
  });
});
