import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../ingest/document.ts";

const metaOf = (lines: string[]) => buildDocuments(lines.join("\n\n"), "documents/x.txt", [])[0]!.meta;

describe("who issued a text, from the organ heading its page", () => {
  it.each([
    [["ĐẢNG ỦY XÃ AN PHÚ", "Số 03-QC/ĐU", "QUY CHẾ", "làm việc của Ban Chỉ đạo", "Điều 1. Phạm vi"], "Đảng ủy xã An Phú", "xa"],
    [["ĐẢNG BỘ TỈNH BẮC GIANG", "HUYỆN ỦY YÊN DŨNG", "Số 05-QĐ/HU", "QUY ĐỊNH", "về tiếp xúc với nhân dân", "Điều 1. Phạm vi"], "Huyện ủy Yên Dũng", "huyen"],
  ])("%j → %s", (lines, issuer, level) => {
    const meta = metaOf(lines);
    expect(meta.issuer).toBe(issuer);
    expect(meta.level).toBe(level);
  });
});

describe("the standard header of an administrative text", () => {
  it("reads the kind and summary after the organ, number, motto and date, and the organ with its place", () => {
    const meta = metaOf([
      "ỦY BAN NHÂN DÂN", "TỈNH ĐÔNG SƠN -------", "Số: 21/2026/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc ---------------",
      "Đông Sơn, ngày 5 tháng 1 năm 2026", "QUYẾT ĐỊNH", "Ban hành Quy chế tiếp công dân của Ủy ban nhân dân tỉnh", "ỦY BAN NHÂN DÂN TỈNH ĐÔNG SƠN",
      "Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp công dân.",
    ]);
    expect(meta.kind).toBe("Quyết định");
    expect(meta.title).toBe("Quyết định ban hành Quy chế tiếp công dân của Ủy ban nhân dân tỉnh");
    expect(meta.issuer).toBe("Ủy ban nhân dân tỉnh Đông Sơn");
    expect(meta.number).toBe("21/2026/QĐ-UBND");
  });
});
