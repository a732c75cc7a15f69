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
});
