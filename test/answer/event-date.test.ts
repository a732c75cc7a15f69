import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * The date of an event a question names ("có hiệu lực từ ngày nào", "thành lập năm nào"): given only by a
 * sentence that names the event; a text's issue date or a body's mention is not it. Made-up texts.
 */
const CITING = [
  "HƯỚNG DẪN CÔNG TÁC DÂN VẬN Ở CƠ QUAN SỞ NỘI VỤ TỈNH BẮC SƠN",
  "",
  "Thủ trưởng cơ quan tổ chức thực hiện đầy đủ Nghị định số 61/2019/NĐ-CP ngày 10-7-2019 của Chính phủ về dân chủ ở nơi làm việc; công khai thông tin cho cán bộ, công chức.",
  "",
  "Ban Vận động quần chúng của Sở phối hợp với Công đoàn cơ quan tổ chức hội nghị cán bộ, công chức ngày 15-01 hằng năm.",
].join("\n");

const IN_FORCE = [
  "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN",
  "Số: 09/2024/QĐ-UBND",
  "",
  "QUYẾT ĐỊNH",
  "Ban hành Quy chế tiếp công dân của Ủy ban nhân dân tỉnh Bắc Sơn",
  "",
  "Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp công dân của Ủy ban nhân dân tỉnh Bắc Sơn.",
  "",
  "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2024.",
].join("\n");

const FROM_SIGNING = [
  "ỦY BAN NHÂN DÂN XÃ AN PHÚ",
  "Số: 12/QĐ-UBND",
  "",
  "QUYẾT ĐỊNH",
  "Về việc thành lập Tổ hòa giải thôn Đông",
  "",
  "Điều 1. Thành lập Tổ hòa giải thôn Đông gồm 05 thành viên.",
  "",
  "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
].join("\n");

const answerer = answererForFile({ "huong-dan-so-noi-vu.txt": CITING, "quy-che-tiep-cong-dan.txt": IN_FORCE, "quyet-dinh-12.txt": FROM_SIGNING });

describe("the date of an event the question names", () => {
  it("is said not to be given when the sentences only hold the text's issue date", async () => {
    const result = await answerer.answer("Nghị định 61 về dân chủ ở nơi làm việc có hiệu lực từ ngày nào?");
    expect(result.grade).toBe("none");
    expect(result.answer).toContain("ngày có hiệu lực");
    expect(result.answer).not.toContain("10-7-2019");
  });

  it("is said not to be given for a founding date the documents never state", async () => {
    const result = await answerer.answer("Ban Vận động quần chúng của Sở Nội vụ được thành lập năm nào?");
    expect(result.grade).toBe("none");
    expect(result.answer).toContain("ngày thành lập");
  });

  it("is not given by another text's date whose month is the asked text's number ('tháng 6' is not Nghị định 6)", async () => {
    const result = await answerer.answer("Nghị định 6 về dân chủ ở nơi làm việc có hiệu lực từ ngày nào?");
    expect(result.grade).toBe("none");
    expect(result.answer).not.toMatch(/^[^\n]*01 tháng 6 năm 2024/);
  });

  it("is stated by 'có hiệu lực kể từ ngày ký'", async () => {
    const result = await answerer.answer("Quyết định 12 của UBND xã An Phú có hiệu lực từ khi nào?");
    expect(result.answer).not.toContain("ngày có hiệu lực");
    expect(result.answer).toContain("có hiệu lực kể từ ngày ký");
  });

  it("is not asked by 'hiệu lực' in a text's title", async () => {
    const result = await answerer.answer("Quy chế về nâng cao hiệu lực tiếp công dân của UBND tỉnh Bắc Sơn ban hành ngày nào?");
    expect(result.answer).not.toContain("ngày có hiệu lực");
  });

  it("is answered by the sentence that names it", async () => {
    const result = await answerer.answer("quy che tiep cong dan cua UBND tinh Bac Son co hieu luc tu ngay nao");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2024");
  });
});
