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
