import { describe, expect, it } from "vitest";
import type { Candidate } from "../../src/answer/candidate.ts";
import { composeRelated } from "../../src/answer/compose.ts";
import type { Passage } from "../../src/index/schema.ts";
import type { RankedPassage } from "../../src/retrieve.ts";
import { LIMITS } from "../../src/answer/weights.ts";

function passage(id: string, text: string): Passage {
  return {
    id, docId: "d", ordinal: 0, text, clean: text, section: `Mục ${id}`, headings: [`Mục ${id}`], citation: `Tài liệu › Mục ${id}`, path: "a.txt",
    lineStart: 1, lineEnd: 1, charStart: 0, charEnd: text.length, docTitle: "Tài liệu", docKind: "huong-dan", docNumber: "", docIssuer: "", docDate: "", search: "", group: id,
  };
}
const ranked = (passages: Passage[]): RankedPassage[] =>
  passages.map((p, i) => ({ passage: p, score: 1 - i / 10, coverage: { concepts: 0.5, bigrams: 0.5, ordinal: false, combined: 0.5 }, fulltext: 1, similarity: 0.5 }));

describe("a reply that is not sure (related passages)", () => {
  it("shows each of the nearest passages, though the proposed answer quotes a passage further down", () => {
    const near = ["p1", "p2", "p3", "p4", "p5"].map((id) => passage(id, `Đoạn văn số ${id} nói về công tác dân vận ở cơ quan, đủ dài để được trích dẫn làm câu liên quan trong câu trả lời.`));
    const elsewhere = passage("x", "Câu được đề xuất nằm ở một đoạn khác, không thuộc các đoạn gần nhất.");
    const candidate: Candidate = { rule: "sentences", lines: [{ passage: elsewhere, text: elsewhere.text }], listed: false, more: 0, passage: elsewhere, rank: -1, typeFound: true, focusMatch: undefined, support: 0.5, score: 1 };
    const { text, citations } = composeRelated(candidate, ranked(near), []);
    expect(citations[0]!.chunkId).toBe("x");
    const nearest = near.slice(0, LIMITS.relatedPassages).map((p) => p.id);
    expect(citations.map((c) => c.chunkId).slice(1)).toEqual(nearest);
    for (const id of nearest) expect(text).toContain(`Đoạn văn số ${id}`);
  });

  it("cites each passage for the sentences quoted from it when the proposed sentences run on into the next passage", () => {
    const first = passage("a", "Để triển khai kế hoạch, các cấp ủy tập trung thực hiện một số nội dung chủ yếu sau:");
    const second = passage("b", "Bí thư cấp ủy định kỳ tổ chức đối thoại với cán bộ, đảng viên để nắm tâm tư, nguyện vọng.");
    const candidate: Candidate = { rule: "sentences", lead: { passage: first, text: first.text }, lines: [{ passage: second, text: second.text }], listed: false, more: 0, passage: second, rank: 0, typeFound: true, focusMatch: undefined, support: 0.5, score: 1 };
    const { text, citations } = composeRelated(candidate, ranked([first, second]), []);
    const byId = new Map(citations.map((c) => [c.chunkId, c]));
    expect(byId.get("b")!.quote).toContain("định kỳ tổ chức đối thoại");
    expect(byId.get("a")!.quote).not.toContain("đối thoại");
    expect(text).toMatch(new RegExp(`đối thoại[^\\[]*\\[${byId.get("b")!.n}\\]`));
  });
});
