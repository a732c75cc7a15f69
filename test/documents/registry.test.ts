import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { documentJson } from "../../bot/cli/documents.ts";
import { makeDocx } from "../helpers/files.ts";
import { openAnswerer, runIngest, tempDir, writeFiles } from "../helpers/index.ts";

/**
 * Which text is in force: a commune's regulation (DOCX) and the later one that replaces it (Markdown),
 * ingested in either order; then an amendment of one article of the new one. Made-up texts.
 */
const OLD_RULE = [
  "ĐẢNG ỦY XÃ AN PHÚ",
  "Số 03-QC/ĐU",
  "An Phú, ngày 10 tháng 5 năm 2019",
  "QUY CHẾ",
  "làm việc của Ban Chỉ đạo công tác dân vận xã",
  "Điều 1. Phạm vi",
  "Quy chế này quy định cách làm việc của Ban Chỉ đạo công tác dân vận xã An Phú.",
  "Điều 2. Chế độ họp",
  "Ban Chỉ đạo công tác dân vận xã họp thường kỳ mỗi quý một lần, do Trưởng ban triệu tập.",
];
const NEW_RULE = [
  "ĐẢNG ỦY XÃ AN PHÚ",
  "",
  "Số 09-QC/ĐU",
  "",
  "An Phú, ngày 1 tháng 3 năm 2024",
  "",
  "QUY CHẾ",
  "",
  "làm việc của Ban Chỉ đạo công tác dân vận xã",
  "",
  "Điều 1. Phạm vi",
  "",
  "Quy chế này quy định cách làm việc của Ban Chỉ đạo công tác dân vận xã An Phú.",
  "",
  "Điều 2. Chế độ họp",
  "",
  "Ban Chỉ đạo công tác dân vận xã họp thường kỳ mỗi tháng một lần vào tuần đầu tháng, do Trưởng ban triệu tập.",
  "",
  "Điều 3. Hiệu lực",
  "",
  "Quy chế này có hiệu lực kể từ ngày ký và thay thế Quy chế số 03-QC/ĐU ngày 10/5/2019 của Đảng ủy xã.",
].join("\n");
const AMENDMENT = [
  "ĐẢNG ỦY XÃ AN PHÚ",
  "",
  "Số 12-QĐ/ĐU",
  "",
  "An Phú, ngày 5 tháng 6 năm 2025",
  "",
  "QUYẾT ĐỊNH",
  "",
  "sửa đổi, bổ sung quy chế làm việc của Ban Chỉ đạo công tác dân vận xã",
  "",
  "Điều 1. Sửa đổi, bổ sung Điều 2 của Quy chế số 09-QC/ĐU như sau: Ban Chỉ đạo họp thường kỳ hai tháng một lần.",
].join("\n");

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function workspace() {
  const temp = await tempDir();
  cleanups.push(temp.cleanup);
  const docs = path.join(temp.dir, "docs");
  const indexDir = path.join(temp.dir, "index");
  const open = async () => {
    const answerer = await openAnswerer(indexDir);
    cleanups.push(async () => answerer.close());
    const registry = (await answerer.index.registry()).documents.map(documentJson);
    return { ...answerer, registry, byNumber: (number: string) => registry.find((d) => d.number === number) };
  };
  return { docs, ingest: () => runIngest(docs, indexDir), open };
}

describe("the document registry", () => {
  it.each([["old first", ["old", "new"]], ["new first", ["new", "old"]]] as const)("a replaced regulation is superseded by the one that replaces it (%s)", async (_, order) => {
    const space = await workspace();
    const files = { old: { "quy-che-03.docx": await makeDocx(OLD_RULE[0]!, OLD_RULE.slice(1)) }, new: { "quy-che-09.md": NEW_RULE } };
    for (const step of order) {
      await writeFiles(space.docs, files[step]);
      await space.ingest();
    }
    const { byNumber, answer } = await space.open();
    expect(byNumber("03-QC/ĐU")).toMatchObject({ status: "superseded", by: { number: "09-QC/ĐU", date: "2024-03-01" }, level: "xa" });
    expect(byNumber("09-QC/ĐU")).toMatchObject({ status: "in-force", effective: "2024-03-01", level: "xa" });
    expect(byNumber("09-QC/ĐU")!.relations).toEqual([expect.objectContaining({ type: "replaces", target: expect.objectContaining({ number: "03-QC/ĐU", id: byNumber("03-QC/ĐU")!.id }) })]);

    // The current rule, asked plainly, comes from the text in force, with no warning.
    const current = await answer("Ban Chỉ đạo công tác dân vận xã họp thường kỳ mấy lần?");
    expect(current.answer).toContain("mỗi tháng một lần");
    expect(current.answer).not.toContain("⚠️");
    expect(current.citations[0]!.validity).toMatchObject({ status: "in-force" });

    // Naming the old text: answered from it, with the warning that names the new one.
    const old = await answer("Theo Quy chế số 03 thì Ban Chỉ đạo công tác dân vận xã họp thường kỳ mấy lần?");
    expect(old.answer).toContain("mỗi quý một lần");
    expect(old.answer).toMatch(/⚠️ Văn bản này đã được thay thế bởi Quy chế số 09-QC\/ĐU ngày 1\/3\/2024/u);
    expect(old.citations.find((c) => c.docNumber === "03-QC/ĐU")!.validity).toMatchObject({ status: "superseded", by: { number: "09-QC/ĐU" } });
  });

  it("removing the text that replaced another gives the old one back its status on the next ingest", async () => {
    const space = await workspace();
    await writeFiles(space.docs, { "quy-che-03.docx": await makeDocx(OLD_RULE[0]!, OLD_RULE.slice(1)), "quy-che-09.md": NEW_RULE });
    await space.ingest();
    expect((await space.open()).byNumber("03-QC/ĐU")!.status).toBe("superseded");
    await rm(path.join(space.docs, "quy-che-09.md"));
    await space.ingest();
    const after = await space.open();
    expect(after.byNumber("03-QC/ĐU")!.status).toBe("in-force");
    expect(after.byNumber("09-QC/ĐU")).toBeUndefined();
  });

  it("an amendment of one article marks the text amended, and an answer quoting that article warns", async () => {
    const space = await workspace();
    await writeFiles(space.docs, { "quy-che-09.md": NEW_RULE, "quyet-dinh-12.md": AMENDMENT });
    await space.ingest();
    const { byNumber, answer } = await space.open();
    expect(byNumber("09-QC/ĐU")).toMatchObject({ status: "amended", by: { number: "12-QĐ/ĐU" }, articles: ["2"] });
    const result = await answer("Theo Quy chế 09 thì Ban Chỉ đạo công tác dân vận xã họp thường kỳ mấy lần?");
    expect(result.answer).toContain("mỗi tháng một lần");
    expect(result.answer).toMatch(/⚠️ Điều 2 của văn bản này đã được sửa đổi, bổ sung bởi Quyết định số 12-QĐ\/ĐU/u);
  });

  it("an admin's .meta.yaml sets status and level over what the text says, and the listing says so", async () => {
    const space = await workspace();
    await writeFiles(space.docs, { "quy-che-09.md": NEW_RULE, "quy-che-09.md.meta.yaml": "status: superseded\nlevel: huyen\n" });
    await space.ingest();
    const { byNumber } = await space.open();
    expect(byNumber("09-QC/ĐU")).toMatchObject({ status: "superseded", level: "huyen", setByAdmin: ["status", "level"] });
  });
});
