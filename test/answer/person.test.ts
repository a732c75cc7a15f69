import { describe, expect, it } from "vitest";
import { withAnswererOver } from "../helpers/index.ts";

/**
 * "… là đồng chí nào?" asks for a person's name: a section whose heading the question repeats but which names
 * nobody does not answer it. Made-up resolution; then a report that names the person.
 */
const RESOLUTION = [
  "NGHỊ QUYẾT CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH AN HÒA VỀ CÔNG TÁC VẬN ĐỘNG QUẦN CHÚNG NĂM 2016",
  "",
  "III- TỔ CHỨC THỰC HIỆN",
  "",
  "5- Ban Vận động quần chúng Tỉnh ủy tham mưu tổ chức hoạt động \"Tháng Vận động\"; hướng dẫn nội dung, tiêu chí xây dựng mô hình vận động quần chúng trong các cơ quan, đơn vị.",
  "",
  "Nghị quyết này được phổ biến đến chi bộ./.",
  "",
  "Nơi nhận:",
  "",
  "- Ban Bí thư Trung ương Đảng,",
  "- Các sở, cơ quan, ban, ngành tỉnh,",
  "- Các đồng chí Tỉnh ủy viên,",
  "- Lưu: VPTU.",
].join("\n");
const REPORT = [
  "BÁO CÁO HỘI NGHỊ VẬN ĐỘNG QUẦN CHÚNG TỈNH AN HÒA NĂM 2016",
  "",
  "Dự hội nghị có đồng chí Trần Minh Khoa, Trưởng Ban Vận động quần chúng Tỉnh ủy An Hòa.",
].join("\n");
const QUESTION = "Trưởng Ban Vận động quần chúng Tỉnh ủy An Hòa năm 2016 là đồng chí nào?";

describe("a person asked for by name", () => {
  it("is not answered by a section that names nobody", async () => {
    await withAnswererOver({ "nghi-quyet.txt": RESOLUTION }, async (over) => {
      const result = await over.answer(QUESTION);
      expect(result.grade).not.toBe("answer");
      expect(result.answer).not.toMatch(/^- ?Lưu|^Lưu/m);
    });
  });

  it("is answered by the sentence that names them", async () => {
    await withAnswererOver({ "nghi-quyet.txt": RESOLUTION, "bao-cao.txt": REPORT }, async (over) => {
      expect((await over.answer(QUESTION)).answer).toContain("Trần Minh Khoa");
    });
  });

  it("'đồng chí Trưởng Ban …' is an office, not a name", async () => {
    const plan = ["KẾ HOẠCH TỔNG KẾT CÔNG TÁC VẬN ĐỘNG QUẦN CHÚNG TỈNH AN HÒA NĂM 2016", "", "1. Phân công", "", "Giao đồng chí Trưởng Ban Vận động quần chúng Tỉnh ủy chủ trì hội nghị tổng kết."].join("\n");
    await withAnswererOver({ "ke-hoach.txt": plan }, async (over) => {
      expect((await over.answer(QUESTION)).grade).not.toBe("answer");
    });
  });
});
