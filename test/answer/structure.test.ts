import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DUTIES } from "../helpers/corpus.ts";
import { openCorpusAnswerer } from "../helpers/index.ts";

let answerer: Awaited<ReturnType<typeof openCorpusAnswerer>>;

beforeAll(async () => {
  answerer = await openCorpusAnswerer();
});
afterAll(() => answerer.close());

const has = (text: string, items: string[]) => items.filter((item) => text.includes(item)).length;

describe("a list question names the actor's own list", () => {
  it.each([
    ["the head of the agency", "Thủ trưởng cơ quan phải làm những việc gì để thực hiện quy chế dân chủ?", DUTIES.head, [...DUTIES.party, ...DUTIES.union]],
    ["the union committee, asked with abbreviations and without marks", "BCH CĐ co quan co trach nhiem gi trong QCDC", DUTIES.union, [...DUTIES.party, ...DUTIES.head]],
    ["the party committee", "cấp ủy có nhiệm vụ gì trong thực hiện dân chủ ở cơ quan?", DUTIES.party, [...DUTIES.head, ...DUTIES.union]],
    ["the head of the agency, asked in everyday words", "sếp cơ quan cần làm gì về quy chế dân chủ", DUTIES.head, [...DUTIES.party, ...DUTIES.union]],
  ])("%s: every item of that actor and none of a neighbour's", async (_name, question, own, others) => {
    const result = await answerer.answer(question);
    expect(result.grade).not.toBe("none");
    expect(has(result.answer, own)).toBe(own.length);
    expect(has(result.answer, others)).toBe(0);
    expect(result.citations[0]!.section).toMatch(/Thủ trưởng|Công đoàn|Cấp ủy/);
  });

  it("never a neighbour's list, even when the question borrows the neighbour's words", async () => {
    const result = await answerer.answer("Ban Chấp hành Công đoàn cơ quan phải làm gì về quy chế làm việc, chi tiêu nội bộ và đối thoại?");
    expect(has(result.answer, DUTIES.head)).toBe(0);
    expect(has(result.answer, DUTIES.union)).toBe(DUTIES.union.length);
  });

  it("a question about one duty of an actor gets that item, under the actor", async () => {
    const result = await answerer.answer("Thủ trưởng cơ quan có trách nhiệm gì với Ban Thanh tra nhân dân?");
    expect(result.answer).toContain("Tạo điều kiện để Ban Thanh tra nhân dân");
    expect(has(result.answer, DUTIES.head)).toBe(1);
  });

  it("'who is responsible for Y' finds Y among the actors' duties and names the actor", async () => {
    const result = await answerer.answer("Ai chịu trách nhiệm tổng hợp kiến nghị của đoàn viên?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toMatch(/Ban Chấp hành Công đoàn cơ quan/);
    expect(result.answer).toContain("tổng hợp kiến nghị của đoàn viên");
  });
});

describe("answers by question type", () => {
  it("the steps of a procedure, in order, all five", async () => {
    const result = await answerer.answer("Chi bộ muốn xây dựng mô hình dân vận khéo thì làm theo trình tự mấy bước?");
    const steps = result.answer.split("\n").filter((line) => /Bước thứ/.test(line));
    expect(steps.map((line) => line.match(/Bước thứ (\S+)/)![1])).toEqual(["nhất:", "hai:", "ba:", "tư:", "năm:"]);
  });

  it("one step asked for by its number", async () => {
    const result = await answerer.answer("buoc thu ba khi xay dung mo hinh dan van kheo la gi");
    expect(result.answer).toMatch(/Bước thứ ba: ban hành kế hoạch/);
    expect(result.answer).not.toMatch(/Bước thứ (hai|tư)/);
  });

  it("a number: the sentence that carries it", async () => {
    const result = await answerer.answer("Ban thanh tra nhân dân của cơ quan có bao nhiêu thành viên?");
    expect(result.answer).toContain("gồm 5 thành viên");
  });

  it("a period: the sentence that says how often", async () => {
    const result = await answerer.answer("bao lâu thì tổ chức hội nghị cán bộ công chức một lần?");
    expect(result.answer).toContain("định kỳ mỗi năm một lần");
  });

  it("a date: the sentence that carries it", async () => {
    const result = await answerer.answer("Hướng dẫn thực hiện quy chế dân chủ có hiệu lực từ ngày nào?");
    expect(result.answer).toContain("15 tháng 3 năm 2025");
  });

  it("a person: the sentence that names them", async () => {
    const result = await answerer.answer("Hướng dẫn này do đồng chí nào ký ban hành?");
    expect(result.answer).toContain("Trần Văn Bình");
  });
});

describe("graded replies", () => {
  it("a question the documents do not cover is refused with the closest topics, nothing quoted", async () => {
    const result = await answerer.answer("Mức đóng đảng phí của đảng viên hưởng lương là bao nhiêu phần trăm?");
    expect(result.grade).toBe("none");
    expect(result.abstained).toBe(true);
    expect(result.citations).toEqual([]);
    expect(result.answer).toMatch(/^Tài liệu hiện có không đề cập đến nội dung này/);
  });

  it("abstained is true exactly when nothing is asserted", async () => {
    const grades: string[] = [];
    for (const question of ["Thủ trưởng cơ quan phải làm những việc gì?", "Giá vé máy bay đi Đà Nẵng bao nhiêu?", "cơ quan trực Tết thế nào"]) {
      const result = await answerer.answer(question);
      grades.push(result.grade);
      expect(result.abstained).toBe(result.grade !== "answer");
      expect(/^Tài liệu có các đoạn liên quan sau, có thể chưa trả lời đúng câu hỏi/.test(result.answer)).toBe(result.grade === "related");
      expect(result.citations.length > 0).toBe(result.grade !== "none");
    }
    expect(grades).toContain("answer");
    expect(grades).toContain("none");
  });

  it("a question with no searchable word gets a polite request for words, on every grade path", async () => {
    for (const question of ["?", "...", "👍", "a"]) {
      const result = await answerer.answer(question);
      expect(result.abstained).toBe(true);
      expect(result.grade).toBe("none");
      expect(result.answer).toMatch(/chưa có chữ nào để tra cứu/);
    }
  });

  it("a one-word question shows the passages but asserts nothing", async () => {
    for (const question of ["QCDC", "đối thoại", "thủ trưởng"]) {
      const result = await answerer.answer(question);
      expect(result.grade).not.toBe("answer");
      expect(result.abstained).toBe(true);
    }
  });

  it("every answer explains itself: type, focus, rules tried, features and scores", async () => {
    const result = await answerer.answer("BCH CĐ cơ quan có trách nhiệm gì?");
    const explain = result.explain!;
    expect(explain.intent.type).toBe("list");
    expect(explain.intent.focus.join(" ")).toBe("ban chap hanh cong doan co quan");
    expect(explain.rules.at(-1)!.outcome).toBe("answered");
    expect(explain.candidate!.rule).toBe("actor-list");
    expect(explain.features.typeFound).toBe(1);
    expect(explain.right).toBeGreaterThan(0);
  });
});
