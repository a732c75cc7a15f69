import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * A report's shortcomings and, after them, their causes ("Nguyên nhân của những yếu kém trên là …"): a question
 * about the shortcomings gets the first, one about the causes the second. Made-up text.
 */
const TEXT = [
  "KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY ĐÔNG SƠN VỀ CÔNG TÁC VẬN ĐỘNG Ở CƠ QUAN HUYỆN",
  "",
  "1- Tình hình",
  "",
  "Các cơ quan huyện đã quan tâm công tác vận động, tổ chức tốt hội nghị đối thoại với nhân dân.",
  "",
  "Tuy nhiên, vẫn còn hạn chế. Việc tiếp dân ở một số phòng còn hình thức. Thủ tục giải quyết hồ sơ đất đai còn chậm, gây phiền hà cho dân. Một số cán bộ còn thiếu gương mẫu trong sinh hoạt ở khu dân cư.",
  "",
  "Nguyên nhân của những hạn chế, yếu kém trên là do công tác vận động của các cơ quan huyện chưa được một số cấp ủy quan tâm đúng mức; việc kiểm tra, giám sát chưa thường xuyên; kinh phí cho công tác vận động còn hạn hẹp.",
  "",
  "2- Thời gian tới, các cơ quan huyện tập trung khắc phục những hạn chế nêu trên.",
].join("\n");

const answerer = answererForFile({ "ket-luan-dong-son.txt": TEXT });

describe("shortcomings and their causes", () => {
  it("a question about the shortcomings is answered with them, not with their causes", async () => {
    const result = await answerer.answer("KL của huyện ủy Đông Sơn chỉ ra công tác vận động ở cơ quan huyện còn những hạn chế, yếu kém gì?");
    expect(result.answer).toContain("Việc tiếp dân ở một số phòng còn hình thức");
    expect(result.answer).not.toMatch(/^[^\n]*Nguyên nhân của những hạn chế/);
  });

  it("a question about the causes is answered with them", async () => {
    const result = await answerer.answer("nguyên nhân của những hạn chế trong công tác vận động ở cơ quan huyện Đông Sơn là gì?");
    expect(result.answer).toContain("chưa được một số cấp ủy quan tâm đúng mức");
  });
});
