import { describe, expect, it } from "vitest";
import { citesNumber } from "../../src/documents/numbers.ts";

describe("a number cited as a text's number", () => {
  it("after a kind, after 'số', or with its code; not a day, a month or a count", () => {
    expect(citesNumber("thực hiện Nghị định số 04/2015/NĐ-CP ngày 09-01-2015", "04")).toBe(true);
    expect(citesNumber("theo tinh thần Kết luận 43 của Ban Bí thư", "43")).toBe(true);
    expect(citesNumber("Kết luận số 43-KL/TW", "43")).toBe(true);
    expect(citesNumber("có hiệu lực kể từ ngày 01 tháng 4 năm 2025", "4")).toBe(false);
    expect(citesNumber("tổng kết 10 năm thực hiện", "10")).toBe(false);
  });

  it("of the kinds asked only, by name or code, when kinds are given", () => {
    expect(citesNumber("Chỉ thị số 16/CT-TTg ngày 16/5/2016", "16", ["chuong trinh hanh dong"])).toBe(false);
    expect(citesNumber("Chương trình hành động số 16 của Đảng ủy Khối", "16", ["chuong trinh hanh dong"])).toBe(true);
    expect(citesNumber("Quy định số 215 ngày 05-12-2013", "215", ["quyet dinh", "quy dinh"])).toBe(true);
    expect(citesNumber("215-QĐ/TW", "215", ["quyet dinh", "quy dinh"])).toBe(true);
  });
});
