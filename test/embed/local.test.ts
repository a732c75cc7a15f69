import { describe, expect, it } from "vitest";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { TermStats } from "../../src/index/term-stats.ts";
import { searchTokens } from "../../src/text/terms.ts";
import { foldedSyllables } from "../../src/text/normalize.ts";

const passages = [
  { id: "a", text: "Ban Thanh tra nhân dân do Ban Chấp hành Công đoàn cơ quan trực tiếp chỉ đạo." },
  { id: "b", text: "Cán bộ, công chức, viên chức trong cơ quan thực hiện quy chế dân chủ ở cơ sở." },
  { id: "c", text: "Hội nghị cán bộ, công chức được tổ chức mỗi năm một lần vào đầu năm." },
];
const stats = TermStats.fromTokenSets(passages.map((p) => searchTokens(p.text)));
const cosine = (x: Float32Array, y: Float32Array) => x.reduce((sum, value, i) => sum + value * y[i]!, 0);

describe("local embedder", () => {
  it("is deterministic and needs nothing but the text", async () => {
    const [first] = await new LocalEmbedder().embed(["mô hình dân vận khéo"], "document");
    const [second] = await new LocalEmbedder().embed(["mo hinh dan van kheo"], "document");
    expect(first!.length).toBe(512);
    // Typed without diacritics, the same syllables: the same vector.
    expect(cosine(first!, second!)).toBeCloseTo(1, 5);
  });

  it("orders passages by the exact cosine of its features, the one the vectors approximate", () => {
    const embedder = new LocalEmbedder(512, stats);
    const question = "ai chi dao ban thanh tra nhan dan";
    const similarity = embedder.similarity(question);
    const scores = passages.map((p) => similarity(p));
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[0]).toBeGreaterThan(scores[2]!);
    // With room for every feature (no two in one cell), the stored-vector cosine is the same number.
    const wide = new LocalEmbedder(1 << 22, stats);
    const q = wide.embedOne(question, "query");
    for (const [i, p] of passages.entries()) expect(cosine(q, wide.embedOne(p.text, "document"))).toBeCloseTo(scores[i]!, 5);
  });

  it("gives no similarity to a question with no content and to an empty passage", () => {
    const embedder = new LocalEmbedder(512, stats);
    expect(embedder.similarity("")({ id: "a", text: passages[0]!.text })).toBe(0);
    expect(embedder.similarity("thanh tra")({ id: "z", text: "" })).toBe(0);
  });

  it("gives a passage the same vector from its folded syllables as from its text (what ingest workers use)", () => {
    const embedder = new LocalEmbedder();
    const text = "Dân vận, dân vận khéo: Ban Chấp hành Công đoàn cơ quan lãnh đạo; công đoàn cơ quan, công đoàn cơ sở.";
    const fromText = embedder.embedOne(text, "document");
    const fromSyllables = embedder.embedSyllables(foldedSyllables(text));
    expect([...fromSyllables]).toEqual([...fromText]);
    // Repeated words count with a logarithm: the vector is not the one of the words said once.
    expect([...embedder.embedOne("dân vận", "document")]).not.toEqual([...embedder.embedOne("dân vận dân vận dân vận", "document")]);
  });
});
