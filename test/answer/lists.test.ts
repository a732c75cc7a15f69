import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";
import { answererOver } from "../helpers/index.ts";

/**
 * Lists that only their lead-in or their place in an outline tells apart: one actor's "Nội dung" and
 * "Phương thức" lists, and the parts of a mechanism, each with its own list. Made-up text.
 */
const TEXT = [
  "HƯỚNG DẪN CÔNG TÁC VẬN ĐỘNG Ở CƠ QUAN SỞ NÔNG NGHIỆP TỈNH ĐÔNG HÒA",
  "",
  "I. NỘI DUNG VÀ PHƯƠNG THỨC VẬN ĐỘNG CỦA ĐOÀN THANH NIÊN",
  "",
  "* Nội dung:",
  "",
  "- Tuyên truyền cho đoàn viên về chủ trương tiết kiệm điện, nước trong cơ quan.",
  "",
  "- Vận động đoàn viên đăng ký công trình thanh niên gắn với nhiệm vụ chuyên môn.",
  "",
  "- Nắm tâm tư của đoàn viên mới tuyển dụng và phản ánh với chi bộ.",
  "",
  "* Phương thức:",
  "",
  "- Lồng ghép nội dung vận động vào sinh hoạt chi đoàn hằng tháng.",
  "",
  "- Giao chỉ tiêu cụ thể cho từng chi đoàn và chấm điểm cuối năm.",
  "",
  "- Biểu dương kịp thời đoàn viên có sáng kiến trên bảng tin cơ quan.",
  "",
  "II. CƠ CHẾ THỰC HIỆN Ở CƠ QUAN SỞ",
  "",
  "a. Chi bộ lãnh đạo công tác vận động",
  "",
  "- Ra nghị quyết chuyên đề về vận động cán bộ mỗi năm một lần.",
  "",
  "- Phân công chi ủy viên theo dõi từng phòng chuyên môn.",
  "",
  "b. Giám đốc Sở tổ chức thực hiện công tác vận động",
  "",
  "- Bố trí kinh phí cho hoạt động vận động trong dự toán của Sở.",
  "",
  "- Chủ trì đối thoại định kỳ với người lao động về chế độ làm việc.",
  "",
  "- Chỉ đạo các phòng công khai thủ tục giải quyết công việc cho người dân.",
].join("\n");

const CONTENT = ["Tuyên truyền cho đoàn viên", "Vận động đoàn viên đăng ký", "Nắm tâm tư của đoàn viên"];
const METHODS = ["Lồng ghép nội dung vận động", "Giao chỉ tiêu cụ thể", "Biểu dương kịp thời"];
const DIRECTOR = ["Bố trí kinh phí", "Chủ trì đối thoại định kỳ", "Chỉ đạo các phòng công khai"];

const answerer = answererForFile({ "huong-dan.txt": TEXT });

const carried = (text: string, items: string[]) => items.filter((item) => text.includes(item)).length;

describe("a list told apart by its lead-in or its place in an outline", () => {
  it("the methods when the question asks how, the contents when it asks what", async () => {
    const how = await answerer.answer("anh chị cho em hỏi đoàn thanh niên ở sở khi tuyên truyền, vận động đoàn viên mới tuyển dụng tiết kiệm điện nước trong cơ quan thì áp dụng phương thức gì ạ");
    expect(carried(how.answer, METHODS)).toBe(METHODS.length);
    expect(carried(how.answer, CONTENT)).toBe(0);
    const what = await answerer.answer("Đoàn thanh niên phải vận động những nội dung gì?");
    expect(carried(what.answer, CONTENT)).toBe(CONTENT.length);
    expect(carried(what.answer, METHODS)).toBe(0);
  });

  it("the named part's own list, not the outline of parts", async () => {
    const result = await answerer.answer("Trong cơ chế thực hiện ở Sở, giám đốc Sở phải làm những việc gì?");
    expect(carried(result.answer, DIRECTOR)).toBe(DIRECTOR.length);
    expect(result.answer).not.toMatch(/^.*a\. Chi bộ lãnh đạo/m);
  });
});

describe("a list whose heading says the question's own words", () => {
  const MECHANISM = ["Chủ trì rà soát nội quy", "Phối hợp với chi bộ", "Báo cáo kết quả vận động"];
  // The duties use the question's words too, one by one: only the heading says them as one phrase.
  const DUTIES = ["Tổ chức thực hiện đầy đủ quy chế dân chủ", "Bảo đảm quyền của công chức với chính quyền", "Tạo điều kiện cho Ban Thanh tra"];
  const text = [
    "HƯỚNG DẪN CÔNG TÁC VẬN ĐỘNG Ở SỞ XÂY DỰNG TỈNH ĐÔNG HÒA",
    "",
    "I. CƠ CHẾ THỰC HIỆN CÔNG TÁC VẬN ĐỘNG",
    "",
    "a. Chi ủy lãnh đạo công tác vận động",
    "",
    "- Ra nghị quyết chuyên đề mỗi năm một lần.",
    "",
    "- Phân công chi ủy viên phụ trách từng phòng.",
    "",
    "b. Giám đốc Sở (chính quyền) tổ chức thực hiện công tác vận động",
    "",
    ...MECHANISM.map((item) => `- ${item} hằng năm.`).flatMap((line) => [line, ""]),
    "II. THỰC HIỆN DÂN CHỦ Ở SỞ",
    "",
    "1. Công đoàn Sở",
    "",
    "- Tổ chức lấy ý kiến đoàn viên về dự thảo quy chế.",
    "",
    "- Giám sát việc thực hiện quy chế dân chủ.",
    "",
    "2. Giám đốc Sở",
    "",
    ...DUTIES.map((item) => `- ${item} trong cơ quan Sở.`).flatMap((line) => [line, ""]),
  ].join("\n");

  it("the list under the heading the question quotes, not the same actor's other list", async () => {
    const over = await answererOver({ "co-che.txt": text });
    try {
      const result = await over.answer("Trong cơ chế 'chính quyền tổ chức thực hiện' thì giám đốc sở phải làm những việc cụ thể gì?");
      expect(carried(result.answer, MECHANISM)).toBe(MECHANISM.length);
      expect(carried(result.answer, DUTIES)).toBe(0);
      // Asked without those words, the actor's own duties.
      const duties = await over.answer("Giám đốc Sở có trách nhiệm gì trong thực hiện dân chủ ở Sở?");
      expect(carried(duties.answer, DUTIES)).toBe(DUTIES.length);
    } finally {
      await over.close();
    }
  });
});
