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

describe("lists the parser reads", () => {
  it("a procedure told in prose, one paragraph a stage, is read as steps", async () => {
    const { paragraphsOf, sequenceBlocks, listBlocks } = await import("../../src/structure/blocks.ts");
    const paragraphs = paragraphsOf([
      "Muốn vận động nhân dân làm một việc, cán bộ phải làm như sau.",
      "Trước nhất là giải thích cho mỗi người hiểu rõ lợi ích của việc đó.",
      "Điểm thứ hai là bàn bạc với dân, cùng dân đặt kế hoạch.",
      "Trong lúc làm phải theo dõi, giúp đỡ, đôn đốc.",
      "Khi làm xong phải cùng dân kiểm điểm, rút kinh nghiệm.",
      "Một đoạn khác không thuộc trình tự.",
    ].join("\n\n"));
    const [block] = sequenceBlocks(paragraphs);
    expect(block).toEqual({ marker: "step", lead: 0, items: [1, 2, 3, 4] });
    expect(listBlocks(paragraphs)).toEqual([]);
  });

  it("a procedure whose first stage opens with 'Một là,' is read as steps too", async () => {
    const { paragraphsOf, sequenceBlocks } = await import("../../src/structure/blocks.ts");
    const paragraphs = paragraphsOf([
      "Muốn vận động nhân dân làm một việc, cán bộ phải làm như sau.",
      "Một là, giải thích cho mỗi người hiểu rõ lợi ích của việc đó.",
      "Điểm thứ hai là bàn bạc với dân, cùng dân đặt kế hoạch.",
      "Khi làm xong phải cùng dân kiểm điểm, rút kinh nghiệm.",
    ].join("\n\n"));
    expect(sequenceBlocks(paragraphs)[0]?.items).toEqual([1, 2, 3]);
  });

  it("a stage opening 'Sau đó,' or 'Thứ tư,' continues a prose procedure", async () => {
    const { paragraphsOf, sequenceBlocks } = await import("../../src/structure/blocks.ts");
    const paragraphs = paragraphsOf([
      "Muốn tổ chức hội nghị đối thoại, cán bộ phải làm như sau.",
      "Trước hết, nắm tình hình và những kiến nghị của nhân dân.",
      "Sau đó, mời đại diện các hộ và thông báo nội dung đối thoại.",
      "Thứ tư, tổng hợp ý kiến và báo cáo cấp ủy.",
    ].join("\n\n"));
    expect(sequenceBlocks(paragraphs)[0]?.items).toEqual([1, 2, 3]);
  });

  it("an upper-case title reads 'ĐẢNG' alone as 'Đảng'", async () => {
    const { toSentenceCase } = await import("../../ingest/metadata.ts");
    expect(toSentenceCase("VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO CỦA ĐẢNG ĐỐI VỚI CÔNG TÁC DÂN VẬN")).toContain("của Đảng đối với");
  });

  it("a line break inside an item does not end the list, and a numbered heading leads its dashes", async () => {
    const { paragraphsOf, listBlocks } = await import("../../src/structure/blocks.ts");
    const paragraphs = paragraphsOf(["2. Thủ trưởng cơ quan", "- Ban hành quy chế làm việc và", "công khai cho cán bộ biết.", "- Tổ chức đối thoại hằng năm."].join("\n\n"));
    expect(listBlocks(paragraphs)).toEqual([{ marker: "dash", lead: 0, items: [1, 3] }]);
  });
});
