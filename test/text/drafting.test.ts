import { describe, expect, it } from "vitest";
import { listMarkerOf, ordinalItemPattern, withoutOutlineNumber } from "../../src/text/drafting.ts";
import { detectHeading } from "../../ingest/outline.ts";

describe("Vietnamese drafting patterns", () => {
  it("reads a heading without its outline number or legal unit", () => {
    expect(withoutOutlineNumber("2. Thủ trưởng cơ quan (chính quyền)")).toBe("Thủ trưởng cơ quan (chính quyền)");
    expect(withoutOutlineNumber("III - AI PHỤ TRÁCH DÂN VẬN ?")).toBe("AI PHỤ TRÁCH DÂN VẬN ?");
    expect(withoutOutlineNumber("Điều 5. Những nội dung phải công khai")).toBe("Những nội dung phải công khai");
    expect(withoutOutlineNumber("a1) Kế hoạch công tác năm")).toBe("Kế hoạch công tác năm");
  });

  it("tells the kinds of list item apart", () => {
    expect(listMarkerOf("- Xây dựng quy chế")).toBe("dash");
    expect(listMarkerOf("Bước thứ hai: tổ chức sinh hoạt")).toBe("step");
    expect(listMarkerOf("Bước 2. Gửi giấy mời")).toBe("step");
    expect(listMarkerOf("Tám là, tăng cường kiểm tra")).toBe("ordinal");
    expect(listMarkerOf("Thứ ba là quan tâm lợi ích")).toBe("ordinal");
    expect(listMarkerOf("3. Ban Chấp hành Công đoàn")).toBe("number");
    expect(listMarkerOf("b) Công khai tài chính")).toBe("letter");
    expect(listMarkerOf("Ba mươi năm qua, công tác dân vận")).toBeUndefined();
  });

  it("finds item n however it is written", () => {
    const accented = ordinalItemPattern(8, { folded: false, digits: false });
    expect(accented.test("tám là, tăng cường")).toBe(true);
    expect(accented.test("bước thứ tám: đánh giá")).toBe(true);
    expect(accented.test("8. đánh giá")).toBe(false);
    const typed = ordinalItemPattern(2, { folded: true, digits: true });
    expect(typed.test("buoc 2: hop chi bo")).toBe(true);
    expect(typed.test("2. hop chi bo")).toBe(true);
  });

  it("recognises sub-points of a legal text as points", () => {
    expect(detectHeading("a1) Kế hoạch công tác năm của cơ quan;")?.kind).toBe("letter");
  });
});
