import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * A province the lexicon's list does not hold (a new or renamed one; here a made-up one) but a document's issuer
 * names ("Ủy ban nhân dân tỉnh Đông Hòa"): a question naming it is answered from that province's text, not from
 * another text's list of the same body. Made-up texts.
 */
const PROVINCE = ["Tổ chức lấy ý kiến đoàn viên về dự thảo quy chế", "Phối hợp tổ chức hội nghị cán bộ, công chức", "Giám sát việc thực hiện chế độ, chính sách"];
const CENTRAL = ["Tuyên truyền đoàn viên thực hiện chủ trương của Đảng", "Tham gia xây dựng cơ quan văn minh", "Động viên đoàn viên thi đua hoàn thành nhiệm vụ"];

const REGULATION = [
  "ỦY BAN NHÂN DÂN TỈNH ĐÔNG HÒA",
  "TỈNH ỦY ĐÔNG HÒA",
  "Số: 11/2025/QĐ-UBND",
  "",
  "QUYẾT ĐỊNH",
  "Ban hành Quy chế dân chủ trong cơ quan hành chính tỉnh Đông Hòa",
  "",
  "Điều 9. Trách nhiệm của Ban Chấp hành Công đoàn cơ quan",
  ...PROVINCE.map((duty, i) => `${i + 1}. ${duty}.`),
].join("\n");

const GUIDANCE = [
  "HƯỚNG DẪN THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CÁC CƠ QUAN TRUNG ƯƠNG",
  "",
  "3. Ban Chấp hành Công đoàn cơ quan",
  "",
  ...CENTRAL.flatMap((duty) => [`- ${duty}: việc phải làm trong thực hiện quy chế dân chủ ở cơ quan.`, ""]),
].join("\n");

const answerer = answererForFile({ "quy-che-dong-hoa.txt": REGULATION, "huong-dan-trung-uong.txt": GUIDANCE });
const carried = (text: string, items: string[]) => items.filter((item) => text.includes(item)).length;

describe("a province named by the documents' issuers", () => {
  it("scopes the question to that province's text", async () => {
    const result = await answerer.answer("BCH CĐ cơ quan có những việc gì phải làm trong thực hiện dân chủ theo quy chế Đông Hòa?");
    // The issuer's province alone, not run on into the title's first word ("Đông Hòa Quyết").
    expect(result.explain?.intent.scope.place).toBe("Đông Hòa");
    expect(carried(result.answer, PROVINCE)).toBe(PROVINCE.length);
    expect(carried(result.answer, CENTRAL)).toBe(0);
  });
});
