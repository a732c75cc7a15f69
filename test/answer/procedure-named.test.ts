import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * Steps asked for in everyday words, when the passages read hold more than one procedure or none: the procedure the
 * question names answers (not another one whose long lead-in repeats more of the question's common words), and steps
 * laid out in one sentence ("…, rồi …") answer when no list of steps does. Made-up texts.
 */
const REGULATION = [
  "QUY CHẾ HOẠT ĐỘNG CỦA THÔN AN LẠC",
  "",
  "Điều 5. Trình tự tổ chức hội nghị cán bộ, công chức",
  "",
  "Hội nghị cán bộ, công chức được tổ chức theo trình tự sau đây:",
  "",
  "Bước 1: Trưởng thôn chuẩn bị nội dung và gửi giấy mời đến cán bộ, công chức.",
  "",
  "Bước 2: Trưởng thôn báo cáo tình hình của thôn trước các hộ dự họp.",
  "",
  "Bước 3: Các hộ thảo luận và biểu quyết những việc thôn sẽ làm.",
  "",
  "Bước 4: Lập biên bản gửi Ủy ban nhân dân xã.",
  "",
  "Điều 6. Thời hạn niêm yết",
  "",
  "Thời gian niêm yết tại nhà văn hóa thôn ít nhất là 30 ngày liên tục kể từ ngày niêm yết. Nội dung đăng trên trang thông tin điện tử của xã được duy trì tối thiểu 01 năm.",
  "",
  "Điều 7. Đối thoại ở thôn",
  "",
  "Trưởng thôn tổ chức đối thoại với bà con khi có ít nhất một phần ba tổng số người trong thôn cùng đề nghị.",
].join("\n");

const GUIDANCE = [
  "TÀI LIỆU HƯỚNG DẪN XÂY DỰNG MÔ HÌNH TỰ QUẢN Ở THÔN",
  "",
  "I. XÂY DỰNG MÔ HÌNH TỰ QUẢN Ở THÔN",
  "",
  "Xây dựng và tổ chức thực hiện mô hình tự quản là một biện pháp để vận động bà con. Việc xây dựng mô hình cần được tiến hành từ chi bộ thôn. Trong quá trình triển khai, có thể thực hiện theo các bước như sau:",
  "",
  "Bước thứ nhất: chi bộ chọn nội dung của mô hình tự quản.",
  "",
  "Bước thứ hai: họp các hộ để thống nhất cách làm.",
  "",
  "Bước thứ ba: sơ kết, nhân rộng mô hình.",
].join("\n");

/** Prose in the manner of an article: who does the work, and what they do in turn, in one sentence. */
const ARTICLE = [
  "VẬN ĐỘNG Ở THÔN",
  "",
  "II. AI PHỤ TRÁCH VẬN ĐỘNG Ở THÔN?",
  "",
  "Cán bộ thôn và cán bộ đoàn thể ở thôn phải cùng nhau bàn bạc kỹ lưỡng, cùng nhau chia việc rõ ràng, rồi cùng nhau đi giải thích cho bà con hiểu và làm theo.",
  "",
  "Những người phụ trách vận động ở thôn gồm:",
  "",
  "- Cán bộ thôn;",
  "",
  "- Cán bộ đoàn thể;",
  "",
  "- Những hội viên, đoàn viên ở thôn.",
].join("\n");

const answerer = answererForFile({ "quy-che-thon.txt": REGULATION, "huong-dan-mo-hinh.txt": GUIDANCE });
const article = answererForFile({ "bai-bao.txt": ARTICLE });

describe("steps and figures asked in everyday words", () => {
  it("answers with the procedure the question names, not another procedure read with it", async () => {
    const result = await answerer.answer("Mở hội nghị cbcc ở thôn thì các bước lần lượt ra sao ạ, từ chuẩn bị đến khi xong?");
    expect(result.grade).toBe("answer");
    expect(result.answer).toContain("biểu quyết những việc thôn sẽ làm");
    expect(result.answer).not.toContain("sơ kết, nhân rộng mô hình");
  });

  it("still answers the other procedure when the question names that one", async () => {
    const result = await answerer.answer("Chi bộ muốn xây dựng mô hình tự quản thì làm theo trình tự mấy bước?");
    expect(result.answer).toContain("sơ kết, nhân rộng mô hình");
    expect(result.answer).not.toContain("biểu quyết những việc thôn sẽ làm");
  });

  it("quotes steps written in one sentence when no list of steps answers", async () => {
    const result = await article.answer("Cán bộ thôn với cán bộ đoàn thể phải phối hợp làm lần lượt những gì?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("cùng nhau chia việc rõ ràng");
  });

  it("reads a length of time as the answer to \"để bao lâu\"", async () => {
    const result = await answerer.answer("dang len trang thong tin dien tu cua xa thi phai de bao lau?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("tối thiểu 01 năm");
  });

  it("reads a share of a body as the answer to \"phải có bao nhiêu người\"", async () => {
    const result = await answerer.answer("phai co bao nhieu nguoi cung de nghi thi truong thon moi phai ngoi doi thoai voi ba con?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("ít nhất một phần ba tổng số người");
  });
});

describe("what is not a length of time", () => {
  it("reads neither a date nor \"sau ngày\" as how long", async () => {
    const { holdsAnswerType } = await import("../../src/answer/evidence.ts");
    const asked = { type: "date" as const, dateKind: "period" as const, words: "dang len trang thong tin thi phai de bao lau".split(" ") };
    expect(holdsAnswerType(asked, "Nội dung được duy trì tối thiểu 01 năm.")).toBe(true);
    for (const text of ["Nội dung được đăng sau ngày Chủ tịch phê duyệt.", "Mặt trận Tổ quốc Việt Nam ngày 15 tháng 10 bầu ra ban mới.", "Lớp bồi dưỡng ngắn ngày cho cán bộ."]) {
      expect(holdsAnswerType(asked, text)).toBe(false);
    }
  });
});
