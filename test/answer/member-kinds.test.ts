import { describe, expect, it } from "vitest";
import { analyseQuestionIntent } from "../../src/answer/question.ts";
import { buildLexicon, loadLexicon } from "../../src/lexicon.ts";
import { analyseQuery } from "../../src/query.ts";
import { LEXICON_FILE } from "../helpers/index.ts";

/**
 * Several members of a kind of body named together ("CĐ, ĐTN, hội phụ nữ") ask about the kind the documents name
 * ("các đoàn thể", lexicon `members`); one member named alone is still that member. And "theo phương thức gì",
 * "bằng những cách thức nào" ask for a list of means.
 */
const { lexicon } = await loadLexicon(LEXICON_FILE);
const read = (question: string, over = lexicon) => analyseQuestionIntent(question, analyseQuery(question, over), over);

describe("members of a kind named together", () => {
  it("ask about the kind, typed as abbreviations, in full or without marks", () => {
    for (const question of ["CĐ, ĐTN trong cơ quan làm DV theo những cách thức nào ạ", "cong doan, doan thanh nien, hoi phu nu trong co quan lam dan van theo phuong thuc gi", "Công đoàn và Hội Cựu chiến binh cơ quan có nhiệm vụ gì?"]) {
      expect(read(question).focus, question).toEqual(["doan", "the"]);
    }
    expect(read("CĐ, ĐTN trong cơ quan làm DV theo những cách thức nào ạ").means).toBe(true);
  });

  it("one member named alone is that member, and members named as another actor's counterpart leave that actor the focus", () => {
    expect(read("Công đoàn cơ quan có trách nhiệm gì?").focus).toEqual(["cong", "doan", "co", "quan"]);
    expect(read("Ban Dân vận Đảng ủy Khối có trách nhiệm gì đối với Công đoàn và Đoàn Thanh niên?").focus.slice(0, 4)).toEqual(["ban", "dan", "van", "dang"]);
  });

  it("come from the lexicon: without its `members`, the last member named is the focus", () => {
    const plain = buildLexicon({ abbreviations: { CĐ: ["Công đoàn"], ĐTN: ["Đoàn Thanh niên"] }, synonyms: [], places: [], members: {} });
    expect(read("CĐ, ĐTN trong cơ quan làm DV theo những cách thức nào ạ", plain).focus).toEqual(["doan", "thanh", "nien", "trong", "co", "quan"]);
  });
});
