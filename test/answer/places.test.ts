import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { fold } from "../../src/text/normalize.ts";
import { LEXICON_FILE } from "../helpers/index.ts";

/**
 * A question about a province the documents never mention is not covered, however well its other words
 * match: the reply says so and names the place. Made-up text naming one place of the lexicon once (in its
 * title), asked about that place and about another one.
 */
const { lexicon } = await loadLexicon(LEXICON_FILE);
const [here, elsewhere] = lexicon.places;

const TEXT = (place: string) => [
  `NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ TỈNH ỦY ${place.toUpperCase()} VỀ HỘI THI DÂN VẬN KHÉO`,
  "",
  "Ngày 5 tháng 4 năm 2021",
  "",
  "1. Hội thi Dân vận khéo cấp tỉnh được tổ chức ba năm một lần, vào dịp kỷ niệm ngày truyền thống công tác dân vận.",
  "",
  "2. Ban Dân vận Tỉnh ủy là cơ quan thường trực của Hội thi, chủ trì xây dựng thể lệ và tổng hợp kết quả.",
].join("\n");

const answerer = answererForFile({ "hoi-thi.txt": TEXT(here!.name) });

describe("a place the documents never mention", () => {
  it("the lexicon lists places to check", () => {
    expect(lexicon.places.length).toBeGreaterThanOrEqual(2);
  });

  it("answers about the place the documents name, and says the documents do not cover another one", async () => {
    const ask = (place: string) => answerer.answer(`Hội thi Dân vận khéo cấp tỉnh của ${place} tổ chức mấy năm một lần?`);
    const covered = await ask(here!.name);
    expect(covered.grade).not.toBe("none");
    expect(covered.answer).toContain("ba năm một lần");
    const other = await ask(elsewhere!.name);
    expect(other.grade).toBe("none");
    expect(other.abstained).toBe(true);
    expect(other.answer).toContain(elsewhere!.name);
    // Typed without marks after the word for its unit, the same.
    const folded = await answerer.answer(`hoi thi dan van kheo cap tinh cua tinh ${fold(elsewhere!.name).toLowerCase()} to chuc may nam mot lan`);
    expect(folded.grade).toBe("none");
    expect(folded.answer).toContain(elsewhere!.name);
    // The same words in lower case, not as a name nor after a unit, name no place ("diễn biến hòa bình").
    const phrase = await answerer.answer(`Hội thi Dân vận khéo cấp tỉnh tổ chức mấy năm một lần, có liên quan gì đến ${elsewhere!.name.toLowerCase()} không?`);
    expect(phrase.answer).not.toContain(elsewhere!.name);
  });
});
