import { describe, expect, it } from "vitest";
import { fold, foldedSyllables } from "../../src/text/normalize.ts";

describe("folding Vietnamese text (lower case, no marks)", () => {
  it("folds every letter with its marks, đ and upper case", () => {
    expect(fold("ĐẢNG ỦY Khối các cơ quan Trung ương")).toBe("dang uy khoi cac co quan trung uong");
    expect(fold("Ễ ễ Ợ ợ Ữ ữ Ỷ ỹ Ậ ặ")).toBe("e e o o u u y y a a");
  });

  it("folds a text written with combining marks (not NFC) as its composed form", () => {
    expect(fold("Da\u0302n va\u0323\u0302n")).toBe("dan van");
  });

  it("keeps punctuation, symbols and characters of other scripts as they are, whatever else the text holds", () => {
    expect(fold("“Dân vận” – khéo…")).toBe("“dan van” – kheo…");
    expect(fold("Lỗi � ký tự 😀 ẞ Ω")).toBe("loi � ky tu 😀 ß ω");
    expect(fold("İ")).toBe("i\u0307".normalize("NFD").replace(/\p{M}/gu, ""));
  });

  it("keeps a byte-order mark at the start of a text as the text had it (it is no syllable)", () => {
    expect(fold("\uFEFFDân vận")).toBe("\uFEFFdan van");
    expect(foldedSyllables("\uFEFFDân vận")).toEqual(["dan", "van"]);
  });

  it("splits folded syllables at anything that is not a letter or a digit", () => {
    expect(foldedSyllables("Nghị quyết số 25-NQ/TW (2013): “Dân vận”")).toEqual(["nghi", "quyet", "so", "25", "nq", "tw", "2013", "dan", "van"]);
    expect(foldedSyllables("Ω ω 😀 dân")).toEqual(["ω", "ω", "dan"]);
    expect(foldedSyllables("Lỗi� 中文 №5 ²")).toEqual(["loi", "中文", "5", "²"]);
  });
});
