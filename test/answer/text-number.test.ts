import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/** A text's number asked for: said not to be given when the text carries none and no sentence cites one. Made-up texts. */
const UNNUMBERED = [
  "KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY ĐÔNG SƠN VỀ CÔNG TÁC DÂN VẬN Ở KHU DÂN CƯ",
  "",
  "Ban Thường vụ Huyện ủy yêu cầu các chi bộ tăng cường đối thoại với nhân dân ở khu dân cư. Báo cáo kết quả gửi Ban Dân vận Huyện ủy.",
].join("\n");

const NUMBERED = [
  "TỈNH ỦY BẮC SƠN",
  "Số 07-CT/TU",
  "",
  "CHỈ THỊ",
  "về tăng cường công tác dân vận trong xây dựng nông thôn mới",
  "",
  "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy vận động nhân dân hiến đất làm đường giao thông nông thôn.",
].join("\n");

const answerer = answererForFile({ "ket-luan-dong-son.txt": UNNUMBERED, "chi-thi-bac-son.txt": NUMBERED });

describe("a text's number asked for", () => {
  it("is said not to be given when the text has none", async () => {
    const result = await answerer.answer("kết luận của BTV huyện ủy Đông Sơn về dân vận ở khu dân cư là kết luận số bao nhiêu?");
    expect(result.grade).toBe("none");
    expect(result.answer).toContain("không ghi số hiệu");
  });

  it("is not refused when the text carries one", async () => {
    const result = await answerer.answer("chỉ thị của tỉnh ủy về dân vận trong xây dựng nông thôn mới là chỉ thị số mấy?");
    expect(result.answer).not.toContain("không ghi số hiệu");
  });
});
