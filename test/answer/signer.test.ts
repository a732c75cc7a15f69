import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/** Two made-up texts, one signed at its foot (authority, title, "(đã ký)", name), one not signed. */
const body = (topic: string) => Array.from({ length: 5 }, (_, i) => `${i + 1}. Các chi bộ thực hiện ${topic}, phân công đảng viên phụ trách từng tổ dân phố số ${i + 1} và báo cáo kết quả hằng quý.`).flatMap((line) => [line, ""]);
const SIGNED = [
  "ĐẢNG BỘ XÃ AN PHÚ", "", "NGHỊ QUYẾT", "Về công tác tiếp dân năm 2025", "", ...body("việc tiếp dân định kỳ"),
  "6. Biên bản buổi tiếp dân do cán bộ tiếp dân và thư ký cùng ký, gửi Ủy ban nhân dân xã trong 3 ngày.", "",
  "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "", "(đã ký)", "", "Nguyễn Văn An",
].join("\n");
const UNSIGNED = ["KẾ HOẠCH", "Về vận động nhân dân giữ vệ sinh môi trường năm 2025", "", ...body("việc vận động giữ vệ sinh")].join("\n");

const answerer = answererForFile({ "nghi-quyet.txt": SIGNED, "ke-hoach.txt": UNSIGNED });

describe("who signed a text", () => {
  it("quotes the signature at the foot of the named text, with the signer's name and source", async () => {
    const result = await answerer.answer("Nghị quyết về công tác tiếp dân năm 2025 do ai ký?", { k: 5 });
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("Nguyễn Văn An");
    expect(result.answer).toContain("TM. BAN THƯỜNG VỤ");
    expect(result.citations[0]!.docTitle).toContain("tiếp dân");
  });

  it("answers who signs a paper the text speaks of from the text, not with the text's own signature", async () => {
    const result = await answerer.answer("Biên bản buổi tiếp dân do ai ký?", { k: 5 });
    expect(result.answer).toContain("cán bộ tiếp dân và thư ký cùng ký");
    expect(result.answer).not.toContain("Nguyễn Văn An");
  });

  it("names nobody for a text that is not signed", async () => {
    const result = await answerer.answer("Kế hoạch vận động giữ vệ sinh môi trường năm 2025 do ai ký?", { k: 5 });
    expect(result.answer).not.toContain("Nguyễn Văn An");
  });
});
