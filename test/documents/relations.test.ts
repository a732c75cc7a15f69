import { describe, expect, it } from "vitest";
import { numberKey, sameDocumentNumber } from "../../src/documents/numbers.ts";
import { detectEffective, detectRelations } from "../../src/documents/relations.ts";

describe("document numbers as cited", () => {
  it("reads '03-QC/ĐU', '03/QC-ĐU' and '3-QC/ĐU' as one number, and keeps a year apart", () => {
    expect(numberKey("03-QC/ĐU")).toEqual(numberKey("03/QC-ĐU"));
    expect(numberKey("3-QC/ĐU")).toEqual(numberKey("03-QC/ĐU"));
    expect(numberKey("18/2000/CT-TTg")).toEqual({ serial: 18, year: "2000", codes: ["ct", "ttg"] });
    const rule = { number: "03-QC/ĐU", kind: "Quy chế" };
    expect(sameDocumentNumber({ number: "03/QC-ĐU" }, rule)).toBe(true);
    expect(sameDocumentNumber({ number: "số 03", kind: "Quy chế" }, rule)).toBe(true);
    expect(sameDocumentNumber({ number: "03", kind: "Quyết định" }, rule)).toBe(false);
    expect(sameDocumentNumber({ number: "03-QĐ/ĐU" }, rule)).toBe(false);
    expect(sameDocumentNumber({ number: "30-QC/ĐU" }, rule)).toBe(false);
  });
});

describe("what a text says about other texts", () => {
  it("its own replacement and amendment, with the sentence as evidence and the articles amended", () => {
    const relations = detectRelations([
      "Quy chế này có hiệu lực kể từ ngày ký và thay thế Quy chế số 03-QC/ĐU ngày 10/5/2019 của Đảng ủy xã.",
      "Sửa đổi, bổ sung Điều 4 và Điều 6 của Quy chế số 09-QC/ĐU như sau:",
    ]);
    expect(relations).toEqual([
      expect.objectContaining({ type: "replaces", target: { number: "03-QC/ĐU", kind: "Quy chế", date: "2019-05-10" }, evidence: expect.stringContaining("thay thế Quy chế số 03-QC/ĐU") }),
      expect.objectContaining({ type: "amends", target: expect.objectContaining({ number: "09-QC/ĐU" }), articles: ["4", "6"] }),
    ]);
  });

  it("a replacement asked of someone else is a reference, not a replacement", () => {
    const relations = detectRelations(["- Giao Ban cán sự đảng Chính phủ sớm ban hành Chỉ thị mới (thay thế Chỉ thị số 18/2000/CT-TTg, ngày 21/9/2000)."]);
    expect(relations.map((r) => [r.type, r.target.number])).toEqual([["references", "18/2000/CT-TTg"]]);
  });

  it("when the text takes effect: on signing, or on the day it names", () => {
    expect(detectEffective(["Quy chế này có hiệu lực kể từ ngày ký."], "2024-03-01")).toBe("2024-03-01");
    expect(detectEffective(["Quyết định này có hiệu lực thi hành từ ngày 01/7/2030."], "2024-03-01")).toBe("2030-07-01");
    expect(detectEffective(["Không nói gì về hiệu lực thi hành."], "2024-03-01")).toBe("");
  });
});
