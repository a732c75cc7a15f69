import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * A question asks which things a count names ("4 nhiệm vụ … cụ thể là gì", "12 tập thể … gồm những đơn vị
 * nào"): when the documents only mention the count, the reply says so instead of quoting the mention as the
 * list; when they list them, the list answers. Made-up texts.
 */
const REPORT = [
  "BÁO CÁO TỔNG KẾT CÔNG TÁC CÔNG ĐOÀN NĂM 2025 CỦA CÔNG ĐOÀN CƠ QUAN SỞ NÔNG NGHIỆP",
  "",
  "I. KẾT QUẢ",
  "",
  "Mỗi đoàn viên có trách nhiệm thực hiện tốt bốn nhiệm vụ của người đoàn viên được quy định tại Điều lệ Công đoàn. Hội nghị tổng kết đã khen thưởng 12 tập thể có thành tích xuất sắc trong phong trào thi đua. Đoàn viên không có hành vi gây hại môi trường nơi làm việc.",
  "",
  "II. NHIỆM VỤ CỦA BAN CHẤP HÀNH",
  "",
  "Ban Chấp hành Công đoàn cơ quan có năm nhiệm vụ sau:",
  "",
  "- Đại diện, bảo vệ quyền lợi hợp pháp của đoàn viên.",
  "",
  "- Tổ chức phong trào thi đua trong cơ quan.",
  "",
  "- Tuyên truyền, vận động đoàn viên thực hiện chính sách, pháp luật.",
  "",
  "- Phối hợp với Thủ trưởng cơ quan thực hiện quy chế dân chủ.",
  "",
  "- Chăm lo đời sống, thăm hỏi đoàn viên khi ốm đau.",
  "",
  "Điều 5. Nội dung công khai",
  "",
  "Cơ quan công khai kế hoạch công tác, tình hình tài chính và kết quả thi đua, khen thưởng.",
].join("\n");

const answerer = answererForFile({ "bao-cao-cong-doan.txt": REPORT });

describe("things a count names", () => {
  it("are said to be only mentioned when the documents do not list them", async () => {
    const duties = await answerer.answer("4 nhiệm vụ của người đoàn viên theo Điều lệ Công đoàn cụ thể là gì?");
    expect(duties.grade).toBe("none");
    expect(duties.answer).toContain("chỉ nhắc đến «bốn nhiệm vụ»");
    const units = await answerer.answer("12 tap the duoc khen thuong o hoi nghi tong ket gom nhung don vi nao");
    expect(units.grade).toBe("none");
    expect(units.answer).toContain("«12 tập thể»");
  });

  it("are answered by the list when the documents give it", async () => {
    const result = await answerer.answer("5 nhiệm vụ của Ban Chấp hành Công đoàn cơ quan là gì?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("Tổ chức phong trào thi đua trong cơ quan");
  });

  it("are not read into words that fold like numbers", async () => {
    // "hai" typed without marks may be "hại"; "tấm gương" folds like "tám gương".
    const harm = await answerer.answer("nhung hanh vi gay hai moi truong nao bi nghiem cam");
    expect(harm.answer).not.toContain("chỉ nhắc đến");
  });

  it("are not read into a reference such as an article's number", async () => {
    const result = await answerer.answer("Điều 5 quy định cơ quan công khai những nội dung gì?");
    expect(result.answer).not.toContain("chỉ nhắc đến");
    expect(result.answer).toContain("tình hình tài chính");
  });
});
