import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";
import { analyseQuestionIntent } from "../../src/answer/question.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { analyseQuery } from "../../src/query.ts";
import { LEXICON_FILE } from "../helpers/index.ts";

/**
 * A text whose results are prose and whose tasks are a list: "những kết quả gì" must not be answered
 * with the list of tasks, "những cách thức nào" is answered by the list headed "Phương thức". Made-up text.
 */
const TEXT = [
  "KẾT LUẬN VỀ CÔNG TÁC VẬN ĐỘNG NÔNG DÂN Ở HUYỆN ĐÔNG HÒA",
  "",
  "I. TÌNH HÌNH",
  "",
  "Qua ba năm thực hiện, công tác vận động nông dân ở huyện Đông Hòa đạt nhiều kết quả quan trọng. Diện tích lúa chất lượng cao tăng gấp đôi. Các tổ hợp tác kiểu mới được thành lập ở mọi xã. Thu nhập của hội viên nông dân tăng đều qua từng năm.",
  "",
  "Tuy nhiên, công tác vận động nông dân còn hạn chế. Việc đối thoại với nông dân chưa thường xuyên. Nhiều kiến nghị về giá vật tư nông nghiệp chậm được trả lời.",
  "",
  "II. NHIỆM VỤ THỜI GIAN TỚI",
  "",
  "Thời gian tới, cần khắc phục những hạn chế, thiếu sót nêu trên. Để thực hiện mục tiêu trên, các cấp ủy trong huyện thực hiện tốt một số nhiệm vụ chủ yếu sau:",
  "",
  "- Tăng cường tuyên truyền chính sách đất đai cho hội viên nông dân.",
  "",
  "- Chỉ đạo hội nông dân xã mở lớp tập huấn kỹ thuật mỗi vụ.",
  "",
  "- Kiểm tra việc giải quyết kiến nghị của nông dân sau mỗi kỳ tiếp xúc.",
  "",
  "III. PHƯƠNG THỨC VẬN ĐỘNG",
  "",
  "* Phương thức:",
  "",
  "- Đối thoại trực tiếp với nông dân tại ruộng đồng.",
  "",
  "- Xây dựng mô hình trình diễn ở mỗi thôn.",
  "",
  "- Biểu dương hộ sản xuất giỏi trên loa truyền thanh xã.",
].join("\n");

const { lexicon } = await loadLexicon(LEXICON_FILE);
const read = (question: string) => analyseQuestionIntent(question, analyseQuery(question, lexicon), lexicon);

const answerer = answererForFile({ "ket-luan.txt": TEXT });

describe("the kind of items a list question asks for", () => {
  it("is read from 'những X nào/gì', with the words documents use for it; a general kind sets none", () => {
    expect(read("kết luận ghi nhận những kết quả gì").itemKind).toContain("ket qua");
    expect(read("vận động nông dân bằng những cách thức nào").itemKind).toContain("phuong thuc");
    expect(read("cấp ủy phải làm những việc gì").itemKind).toBeUndefined();
    expect(read("cấp ủy có những nhiệm vụ nào").itemKind).toBeUndefined();
  });

  it("keeps a list of tasks out of an answer about results", async () => {
    const result = await answerer.answer("kết luận về vận động nông dân ở huyện Đông Hòa ghi nhận những kết quả gì?");
    expect(result.answer).not.toContain("Tăng cường tuyên truyền chính sách đất đai");
    expect(result.answer).toContain("Diện tích lúa chất lượng cao");
  });

  it("reads the kind in the sentence that introduces a list, not in an earlier one ('khắc phục những hạn chế' before a list of tasks)", async () => {
    const result = await answerer.answer("vận động nông dân ở huyện Đông Hòa còn những hạn chế gì?");
    expect(result.answer).not.toContain("Tăng cường tuyên truyền chính sách đất đai");
    expect(result.answer).not.toContain("Chỉ đạo hội nông dân xã mở lớp tập huấn");
  });

  it("reads 'bằng những cách nào' as a wish for a list of means, and keeps an explicit kind asked with it", () => {
    expect(read("cấp ủy vận động nông dân bằng những cách nào?").means).toBe(true);
    expect(read("cấp ủy vận động nông dân bằng những cách nào?").itemKind).toBeUndefined();
    expect(read("những giải pháp nào, thực hiện bằng cách gì?").itemKind).toContain("giai phap");
  });

  it("answers 'những cách thức nào' with the list headed 'Phương thức'", async () => {
    const result = await answerer.answer("ở huyện Đông Hòa vận động nông dân bằng những cách thức nào?");
    expect(result.answer).toContain("Đối thoại trực tiếp với nông dân");
    expect(result.answer).toContain("Biểu dương hộ sản xuất giỏi");
  });
});
