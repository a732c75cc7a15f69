import { describe, expect, it } from "vitest";
import { analyseQuestionIntent } from "../../src/answer/question.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { analyseQuery } from "../../src/query.ts";
import { LEXICON_FILE } from "../helpers/index.ts";
import { answererForFile } from "../helpers/suite.ts";

/**
 * "mấy nội dung", "mấy việc chính": a number asked of a list's items. The list the text introduces as those
 * items answers (its lead-in gives the number when it has one); a sentence that states a number of other
 * things does not make its neighbouring list the answer. Made-up texts: a conference report whose
 * secretary asks for "một số nội dung trọng tâm", and a guidance whose section "VẬN ĐỘNG LÀ GÌ ?" comes
 * before the section on method ("có ba việc quan trọng").
 */
const REPORT = [
  "Hội nghị sơ kết công tác vận động quần chúng năm 2025 của Đảng bộ xã An Phú",
  "",
  "Ngày 12/3/2025, Đảng ủy xã An Phú tổ chức hội nghị sơ kết công tác vận động quần chúng. Kết luận hội nghị,",
  "",
  "đồng chí Bí thư Đảng ủy xã đề nghị các chi bộ trong thời gian tới tập trung thực hiện một số nội dung trọng",
  "",
  "tâm sau:",
  "",
  "Một là, tổ chức đối thoại định kỳ giữa Đảng ủy với đoàn viên, hội viên ở từng thôn.",
  "",
  "Hai là, củng cố tổ hòa giải ở các thôn có nhiều đơn thư kéo dài.",
  "",
  "Ba là, nhân rộng mô hình tự quản về vệ sinh môi trường ở khu dân cư.",
  "",
  "Nhân dịp này, Đảng ủy xã khen thưởng 12 tập thể có thành tích xuất sắc.",
].join("\n");

const GUIDANCE = [
  "HƯỚNG DẪN CÁCH VẬN ĐỘNG DÂN Ở THÔN",
  "",
  "I - VẬN ĐỘNG LÀ GÌ ?",
  "Vận động là làm cho người dân hiểu việc chung, bàn bạc với nhau rồi cùng làm.",
  "",
  "Vận động không thể chỉ dùng loa đài, khẩu hiệu, giấy mời mà đủ.",
  "",
  "II - PHƯƠNG PHÁP VẬN ĐỘNG",
  "Theo kinh nghiệm của các thôn, phương pháp vận động có ba việc quan trọng, đó là: nói cho dân hiểu, làm gương trước dân và lo cho đời sống của dân.",
  "",
  "- Thứ nhất là nói cho dân hiểu bằng lời lẽ giản dị, đúng lúc, đúng chỗ.",
  "",
  "- Thứ hai là làm gương trước dân trong mọi phong trào của thôn.",
  "",
  "- Thứ ba là lo cho đời sống của dân, giải quyết kịp thời những việc dân cần.",
  "",
  "III - KẾT QUẢ",
  "Năm qua, xã đã đề ra bốn nhóm giải pháp vận động. Với các chi bộ, có thể cụ thể hóa thành hai việc như sau:",
  "",
  "- Giao ban hằng tháng ở chi bộ.",
  "",
  "- Báo cáo kết quả vận động với Đảng ủy mỗi quý.",
].join("\n");

const answerer = answererForFile({ "so-ket-2025.txt": REPORT, "huong-dan-van-dong.txt": GUIDANCE });
const { lexicon } = await loadLexicon(LEXICON_FILE);
const read = (question: string) => analyseQuestionIntent(question, analyseQuery(question, lexicon), lexicon);

describe("how many items, asked with 'mấy'", () => {
  it("'đ/c Bí thư đề nghị tập trung mấy nội dung trọng tâm' is answered by the three items the report introduces so, typed with or without marks", async () => {
    // …and asked as "mấy việc": a general noun stands for another.
    for (const question of ["Hội nghị sơ kết năm 2025, đ/c Bí thư đề nghị chi bộ tập trung mấy nội dung trọng tâm?", "so ket 2025, d/c bi thu de nghi tap trung may noi dung trong tam", "Sơ kết năm 2025, Bí thư Đảng ủy xã đề nghị chi bộ tập trung vào mấy việc trọng tâm?"]) {
      const reply = await answerer.answer(question);
      expect(reply.grade, question).not.toBe("none");
      for (const item of ["tổ chức đối thoại định kỳ", "củng cố tổ hòa giải", "nhân rộng mô hình tự quản"]) expect(reply.answer, question).toContain(item);
    }
  });

  it("'cách vận động có mấy việc chính' gets the three things of method, not the section that asks 'VẬN ĐỘNG LÀ GÌ ?'", async () => {
    const reply = await answerer.answer("Cách vận động dân ở thôn có mấy việc chính, là những việc gì?");
    expect(reply.answer).toContain("phương pháp vận động có ba việc quan trọng");
    for (const item of ["nói cho dân hiểu bằng lời lẽ", "làm gương trước dân trong mọi", "lo cho đời sống của dân, giải quyết"]) expect(reply.answer).toContain(item);
    expect(reply.answer).not.toContain("Vận động không thể chỉ dùng loa đài");
    expect(reply.answer).not.toContain("::");
  });

  it("'xã đề ra mấy nhóm giải pháp' is answered by the sentence that says four, not by the list of two tasks introduced after it", async () => {
    const reply = await answerer.answer("Xã đề ra mấy nhóm giải pháp vận động?");
    expect(reply.answer).toContain("bốn nhóm giải pháp vận động");
    expect(reply.answer).not.toContain("Giao ban hằng tháng ở chi bộ");
  });

  it("reads 'NQ25' as the text numbered 25, 'đ/c' as 'đồng chí' however the rest is typed, and 'cụ thể là gì' names no actor", () => {
    expect(read("NQ25 đề ra những nhiệm vụ gì").scope.documentNumber).toBe("25");
    expect(read("đ/c Bí thư đề nghị tập trung mấy nội dung trọng tâm, cụ thể là gì?").focus).toEqual([]);
    expect(read("trong chi bo thi d/c bi thu co trach nhiem gi").focus).toEqual(["dong", "chi", "bi", "thu"]);
    expect(read("Trong chi bộ thì đ/c bí thư có trách nhiệm gì").focus).toEqual(["dong", "chi", "bi", "thu"]);
  });

  it("'bao nhiêu việc làm' counts jobs, not a list's items", () => {
    const jobs = read("Năm 2024 xã giải quyết được bao nhiêu việc làm cho lao động?");
    expect(jobs.type).toBe("number");
    expect(jobs.countedNoun).toBeUndefined();
    expect(read("Bác nói cách làm dân vận có mấy việc chính?").countedNoun).toBe("viec");
  });
});
