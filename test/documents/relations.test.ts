import { describe, expect, it } from "vitest";
import { numberKey, sameDocumentNumber } from "../../src/documents/numbers.ts";
import { detectEffective, detectRelations } from "../../src/documents/relations.ts";
import type { Relation } from "../../src/documents/relations.ts";
import { Registry } from "../../src/documents/registry.ts";
import type { DocumentRow } from "../../src/index/schema.ts";

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

  it.each([
    ["a news report of one text replacing another", "Tại hội nghị này, đồng chí Trưởng ban nhấn mạnh Quy định số 124-QĐ/TW đã thay thế Quy định số 76-QĐ/TW.", [["references", "76-QĐ/TW"]]],
    ["a preamble citing an amendment", "Căn cứ Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 sửa đổi, bổ sung một số điều của Nghị định số 34/2016/NĐ-CP;", [["references", "34/2016/NĐ-CP"]]],
    ["'giao thông' is not a request", "Quy chế này có hiệu lực kể từ ngày ký, thay thế Quyết định số 12/QĐ-UBND ngày 1/2/2019 về quản lý giao thông; giao Văn phòng theo dõi.", [["replaces", "12/QĐ-UBND"]]],
    ["each target takes the nearest verb before it", "Sửa đổi, bổ sung Điều 3 Quy chế số 03-QC/ĐU và thay thế Quyết định số 05-QĐ/ĐU.", [["amends", "03-QC/ĐU"], ["replaces", "05-QĐ/ĐU"]]],
    ["the text a replaced one came with is not replaced", "Quy chế này thay thế Quy chế số 03-QC/ĐU ban hành kèm theo Quyết định số 45-QĐ/ĐU.", [["replaces", "03-QC/ĐU"]]],
    ["'hết hiệu lực' ends another text's force", "Kể từ ngày Quyết định này có hiệu lực, Quyết định số 12-QĐ/ĐU ngày 1/3/2020 hết hiệu lực.", [["repeals", "12-QĐ/ĐU"]]],
  ])("%s", (_, sentence, expected) => {
    expect(detectRelations([sentence]).map((r) => [r.type, r.target.number])).toEqual(expected);
  });

  it("when the text takes effect: on signing, on the day it names, or days after signing; never another text's date", () => {
    expect(detectEffective(["Quy chế này có hiệu lực kể từ ngày ký."], "2024-03-01")).toBe("2024-03-01");
    expect(detectEffective(["Quyết định này có hiệu lực thi hành từ ngày 01/7/2030."], "2024-03-01")).toBe("2030-07-01");
    expect(detectEffective(["Không nói gì về hiệu lực thi hành."], "2024-03-01")).toBe("");
    expect(detectEffective(["Nghị quyết số 18 có hiệu lực từ ngày 1/1/2018. Quy chế này có hiệu lực từ ngày 1/7/2024."], "2024-03-01")).toBe("2024-07-01");
    expect(detectEffective(["Văn bản này nâng cao hiệu lực, hiệu quả từ ngày 1/1/2020."], "2024-03-01")).toBe("");
    expect(detectEffective(["Quy định này có hiệu lực sau 15 ngày kể từ ngày ký."], "2024-03-01")).toBe("2024-03-16");
  });
});

const row = (docId: string, kind: string, number: string, date: string, relations: Relation[] = []): DocumentRow => ({
  docId, path: `${docId}.txt`, part: 0, title: `${kind} ${number}`, kind, number, issuer: "Đảng ủy xã An Phú", date, source: "", level: "xa", effective: "",
  relations: JSON.stringify(relations), admin: "", fileHash: "", format: "text", chunkCount: 1, ingestedAt: "2026-01-01T00:00:00Z",
});
const replacing = (number: string, date?: string): Relation => ({ type: "replaces", target: { number, ...(date ? { date } : {}) }, evidence: "…" });

describe("statuses the registry derives", () => {
  it("a number cited with another date is another text: numbers restart each term", () => {
    const registry = new Registry([row("old", "Nghị quyết", "18-NQ/TW", "2017-10-25"), row("new", "Nghị quyết", "50-NQ/TW", "2024-05-01", [replacing("18-NQ/TW", "2022-06-16")])], "2026-12-01");
    expect(registry.validity("old")!.status).toBe("in-force");
    expect(registry.get("new")!.relations[0]!.resolved).toBeUndefined();
  });

  it("a replacement dated before its target, two texts replacing each other, or a report telling of it, changes nothing", () => {
    const backwards = new Registry([row("a", "Quy chế", "03-QC/ĐU", "2024-01-01"), row("b", "Quy chế", "02-QC/ĐU", "2019-01-01", [replacing("03-QC/ĐU")])], "2026-12-01");
    expect(backwards.validity("a")!.status).toBe("in-force");
    const mutual = new Registry([row("a", "Quy chế", "03-QC/ĐU", "2024-01-01", [replacing("04-QC/ĐU")]), row("b", "Quy chế", "04-QC/ĐU", "2024-01-01", [replacing("03-QC/ĐU")])], "2026-12-01");
    expect([mutual.validity("a")!.status, mutual.validity("b")!.status]).toEqual(["in-force", "in-force"]);
    const report = new Registry([row("a", "Quy chế", "03-QC/ĐU", "2019-01-01"), row("b", "Tin bài", "", "2024-01-01", [replacing("03-QC/ĐU")])], "2026-12-01");
    expect(report.validity("a")!.status).toBe("in-force");
  });

  it("a replacing text not yet in effect leaves the old one in force until its day", () => {
    const rows = [row("old", "Quy chế", "03-QC/ĐU", "2019-01-01"), { ...row("new", "Quy chế", "09-QC/ĐU", "2026-11-01", [replacing("03-QC/ĐU")]), effective: "2027-01-01" }];
    expect(new Registry(rows, "2026-12-01").validity("old")!.status).toBe("in-force");
    expect(new Registry(rows, "2026-12-01").validity("new")!.status).toBe("not-yet-in-force");
    expect(new Registry(rows, "2027-01-01").validity("old")!.status).toBe("superseded");
  });

  it("reports stored fields it cannot read, and lists the document without them", () => {
    const registry = new Registry([{ ...row("a", "Quy chế", "03-QC/ĐU", "2019-01-01"), admin: "{not json" }], "2026-12-01");
    expect(registry.problems).toEqual([expect.stringContaining("a.txt")]);
    expect(registry.validity("a")!.status).toBe("in-force");
  });
});
