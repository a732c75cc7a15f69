import { describe, expect, it } from "vitest";
import { withAnswererOver } from "../helpers/index.ts";

/** A form asked for ("cho em xin mẫu biên bản …"): given only when the knowledge base holds one. Made-up texts. */
const RULES = [
  "QUY CHẾ HỘI NGHỊ CÁN BỘ, CÔNG CHỨC SỞ NỘI VỤ TỈNH BẮC SƠN",
  "",
  "Điều 5. Biên bản hội nghị",
  "Biên bản hội nghị cán bộ, công chức do thư ký ghi, có chữ ký của chủ tọa và thư ký, lưu tại Văn phòng Sở.",
  "",
  "Điều 6. Gương mẫu của cán bộ",
  "Cán bộ, công chức phải gương mẫu chấp hành nghị quyết hội nghị cán bộ, công chức.",
].join("\n");

const FORM = [
  "Mẫu số 01",
  "BIÊN BẢN HỘI NGHỊ CÁN BỘ, CÔNG CHỨC",
  "",
  "Thời gian: …… Địa điểm: …… Chủ tọa: …… Thư ký: ……",
  "Nội dung hội nghị: ……",
].join("\n");

describe("a form asked for", () => {
  it("is said not to be held when the documents only speak of the paper", async () => {
    await withAnswererOver({ "quy-che.txt": RULES }, async (over) => {
      const result = await over.answer("Cho em xin mẫu biên bản hội nghị cán bộ công chức với ạ");
      expect(result.grade).toBe("none");
      expect(result.answer).toContain("chưa có mẫu");
      // "có mâu thuẫn" and "mẫu mực" fold like "mẫu": they ask for no form.
      const conflict = await over.answer("Khi có mâu thuẫn trong hội nghị cán bộ công chức thì chủ tọa phải làm gì?");
      expect(conflict.answer).not.toContain("chưa có mẫu");
      // "gương mẫu" asks for no form.
      const model = await over.answer("cán bộ phải gương mẫu chấp hành nghị quyết nào?");
      expect(model.answer).not.toContain("chưa có mẫu");
    });
  });

  it("is quoted when the knowledge base holds it", async () => {
    await withAnswererOver({ "quy-che.txt": RULES, "mau-bien-ban.txt": FORM }, async (over) => {
      const result = await over.answer("Cho em xin mẫu biên bản hội nghị cán bộ công chức với ạ");
      expect(result.answer).not.toContain("chưa có mẫu");
      expect(result.answer).toContain("Thời gian: ……");
    });
  });
});
