import { describe, expect, it } from "vitest";
import { withAnswererOver } from "../helpers/index.ts";

/** Which disciplinary form applies: answered only by a sentence naming one. Made-up texts. */
const VAGUE = [
  "KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY ĐÔNG SƠN VỀ TIẾP DÂN",
  "",
  "Cán bộ, công chức phải tôn trọng nhân dân khi tiếp dân. Kiên quyết xử lý nghiêm những cán bộ, công chức sách nhiễu, gây phiền hà cho dân khi tiếp dân.",
].join("\n");
const NAMED = [
  "QUY CHẾ TIẾP DÂN CỦA ỦY BAN NHÂN DÂN XÃ AN PHÚ",
  "",
  "Điều 9. Xử lý vi phạm",
  "Cán bộ, công chức sách nhiễu, gây phiền hà cho dân khi tiếp dân thì bị kỷ luật bằng hình thức khiển trách; tái phạm thì bị cảnh cáo.",
].join("\n");

describe("the disciplinary form asked for", () => {
  it("is said not to be stated when the text only says breaches are dealt with", async () => {
    await withAnswererOver({ "ket-luan.txt": VAGUE }, async (over) => {
      const result = await over.answer("cán bộ sách nhiễu dân khi tiếp dân thì bị kỷ luật theo những hình thức nào?");
      expect(result.grade).toBe("none");
      expect(result.answer).toContain("không nêu hình thức kỷ luật");
    });
  });

  it("is not what 'bị kỷ luật thế nào' turns on: the text's answer is quoted", async () => {
    await withAnswererOver({ "quy-che.txt": ["QUY CHẾ TIẾP DÂN CỦA ỦY BAN NHÂN DÂN XÃ AN PHÚ", "", "Điều 9. Xử lý vi phạm", "Cán bộ, công chức vi phạm Quy chế này thì tùy theo tính chất, mức độ vi phạm bị xử lý kỷ luật theo quy định."].join("\n") }, async (over) => {
      const result = await over.answer("cán bộ vi phạm quy chế tiếp dân thì bị kỷ luật thế nào?");
      expect(result.answer).not.toContain("không nêu hình thức kỷ luật");
    });
  });

  it("is quoted when a sentence names it", async () => {
    await withAnswererOver({ "ket-luan.txt": VAGUE, "quy-che.txt": NAMED }, async (over) => {
      const result = await over.answer("cán bộ sách nhiễu dân khi tiếp dân thì bị kỷ luật theo những hình thức nào?");
      expect(result.answer).toContain("khiển trách");
    });
  });

  it("what befalls a failure ('không … thì bị xử lý ra sao') is said not to be stated when the text only sets the duty, and quoted when it names the consequence", async () => {
    const PLAN = ["KẾ HOẠCH NĂM VẬN ĐỘNG QUẦN CHÚNG 2025 CỦA ĐẢNG ỦY XÃ AN PHÚ", "", "1. Các chi bộ đưa nội dung vận động quần chúng vào sinh hoạt thường kỳ; phấn đấu 100% chi bộ tổ chức sinh hoạt chuyên đề về vận động quần chúng trong năm 2025.", "", "2. Đảng ủy xã tổng hợp kết quả sinh hoạt chuyên đề vào cuối năm."].join("\n");
    await withAnswererOver({ "ke-hoach.txt": PLAN }, async (over) => {
      const result = await over.answer("Năm 2025 chi bộ nào không sinh hoạt chuyên đề vận động quần chúng thì bị xử lý ra sao?");
      expect(result.grade).toBe("none");
      expect(result.answer).toContain("không nêu việc xử lý");
    });
    const RULES = ["QUY ĐỊNH VỀ SINH HOẠT CHI BỘ CỦA ĐẢNG ỦY XÃ AN PHÚ", "", "Điều 5. Xử lý vi phạm", "Chi bộ không tổ chức sinh hoạt chuyên đề về vận động quần chúng thì bí thư chi bộ phải kiểm điểm trước Đảng ủy xã."].join("\n");
    await withAnswererOver({ "ke-hoach.txt": PLAN, "quy-dinh.txt": RULES }, async (over) => {
      const result = await over.answer("Năm 2025 chi bộ nào không sinh hoạt chuyên đề vận động quần chúng thì bị xử lý ra sao?");
      expect(result.answer).toContain("phải kiểm điểm trước Đảng ủy xã");
    });
  });

  it("a consequence named as a disciplinary form ('hạ bậc lương', 'buộc thôi việc') answers what befalls a failure", async () => {
    const rules = ["QUY ĐỊNH KÊ KHAI TÀI SẢN CỦA XÃ AN PHÚ", "", "Điều 4. Xử lý vi phạm", "Cán bộ không kê khai tài sản đúng hạn thì bị hạ bậc lương; tái phạm thì bị buộc thôi việc."].join("\n");
    await withAnswererOver({ "quy-dinh.txt": rules }, async (over) => {
      const result = await over.answer("Cán bộ không kê khai tài sản đúng hạn thì bị xử lý ra sao?");
      expect(result.grade).not.toBe("none");
      expect(result.answer).toContain("bị hạ bậc lương");
    });
  });
});
