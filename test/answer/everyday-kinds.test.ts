import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * Everyday words for what the documents say otherwise: "tháng mấy" asks which month ("tháng Mười hằng năm"), "những
 * mảng việc nào" asks for work of any kind (a list of "nội dung" answers), "người theo đạo" are "tín đồ" and "dân tộc
 * thiểu số" "đồng bào dân tộc" (knowledge/lexicon.yaml). Made-up texts.
 */
const PLAN = [
  "KẾ HOẠCH CÔNG TÁC VẬN ĐỘNG CỦA XÃ AN LẠC NĂM 2025",
  "",
  "I. THỜI GIAN",
  "",
  "Lấy tháng Mười hằng năm là Tháng Vận động của xã để đẩy mạnh các hoạt động tuyên truyền ở thôn.",
  "",
  "II. ĐỐI TƯỢNG VẬN ĐỘNG",
  "",
  "Ở xã An Lạc, công tác vận động tập trung vào đồng bào dân tộc và tín đồ các tôn giáo sống ở các thôn vùng cao.",
  "",
  "III. VẬN ĐỘNG BÀ CON LÀM ĐƯỜNG",
  "",
  "Xã vận động bà con ở các thôn góp công làm đường; bà con không phải góp tiền.",
].join("\n");

const REGULATION = [
  "QUY CHẾ DÂN CHỦ Ở CƠ QUAN XÃ AN LẠC",
  "",
  "Điều 10. Những nội dung cán bộ kiểm tra, giám sát",
  "",
  "Cán bộ kiểm tra, giám sát các nội dung sau đây:",
  "",
  "1. Việc thực hiện các nội dung phải công khai.",
  "",
  "2. Việc sử dụng kinh phí và tài sản công.",
  "",
  "3. Việc giải quyết kiến nghị của cán bộ.",
].join("\n");

const answerer = answererForFile({ "ke-hoach.txt": PLAN, "quy-che.txt": REGULATION });

describe("everyday words for what the documents say otherwise", () => {
  it("answers \"tháng mấy\" with the month named in words", async () => {
    const result = await answerer.answer("Tháng vận động của xã là tháng mấy trong năm?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("tháng Mười hằng năm");
  });

  it("answers \"những mảng việc nào\" with the list of contents", async () => {
    const result = await answerer.answer("Cán bộ được quyền giám sát những mảng việc nào trong cơ quan?");
    // Answered as the list it is (what `ask --explain` shows), not as prose read on from its lead-in.
    expect(result.explain?.candidate?.rule).toMatch(/list/);
    for (const item of ["nội dung phải công khai", "kinh phí và tài sản công", "giải quyết kiến nghị"]) expect(result.answer).toContain(item);
  });

  it("reads \"người theo đạo\" and \"dân tộc thiểu số\" as the documents' words", async () => {
    const result = await answerer.answer("Xã có vận động bà con dân tộc thiểu số, người theo đạo không?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("tín đồ các tôn giáo");
  });
});
