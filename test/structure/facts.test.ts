import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../src/index/manifest.ts";
import { openIndex } from "../../src/index/store.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { GUIDANCE, OTHER } from "../helpers/corpus.ts";
import { runIngest, tempDir, writeFiles } from "../helpers/index.ts";

async function factsOfIndex(indexDir: string) {
  const index = await openIndex(indexDir, new LocalEmbedder().info);
  try {
    return { facts: [...index.facts.facts], stats: index.stats, table: index.facts, passages: await index.allPassages() };
  } finally {
    index.close();
  }
}

/** A list long enough to be cut between passages: twelve duties of one actor, each a long paragraph. */
const LONG_LIST = [
  "QUY CHẾ",
  "Phối hợp công tác dân vận",
  "",
  "Điều 4. Trách nhiệm của Ban Dân vận",
  "",
  "Ban Dân vận có trách nhiệm:",
  "",
  ...Array.from({ length: 12 }, (_, i) => `- Nhiệm vụ số ${i + 1}: theo dõi, tổng hợp tình hình nhân dân ở địa bàn thứ ${i + 1}, phối hợp với các ban, ngành, đoàn thể cùng cấp để nắm bắt tâm tư, nguyện vọng, kiến nghị của nhân dân và đề xuất cấp ủy biện pháp giải quyết kịp thời, đúng pháp luật.\n`),
].join("\n");

describe("the responsibilities and procedures table", () => {
  it("holds each actor's list with its subject, and the steps of a procedure", async () => {
    const temp = await tempDir();
    await writeFiles(path.join(temp.dir, "docs"), { "huong-dan.txt": GUIDANCE });
    await runIngest(path.join(temp.dir, "docs"), path.join(temp.dir, "index"));
    const { facts } = await factsOfIndex(path.join(temp.dir, "index"));
    const subjects = facts.filter((f) => !f.outline).map((f) => `${f.kind}:${f.subject}:${f.items.length}`);
    expect(subjects).toEqual(expect.arrayContaining(["list:Cấp ủy cơ quan:3", "list:Thủ trưởng cơ quan:4", "list:Ban Chấp hành Công đoàn cơ quan:3"]));
    expect(facts.find((f) => f.kind === "steps")!.items.map((i) => i.slice(0, 13))).toEqual(["Bước thứ nhất", "Bước thứ hai:", "Bước thứ ba: ", "Bước thứ tư: ", "Bước thứ năm:"]);
    // The numbered parts of the text are a list of their own.
    expect(facts.find((f) => f.outline && f.subject === "TRÁCH NHIỆM THỰC HIỆN")!.items).toEqual(["1. Cấp ủy cơ quan", "2. Thủ trưởng cơ quan", "3. Ban Chấp hành Công đoàn cơ quan"]);
    await temp.cleanup();
  });

  it("keeps a list cut between passages as one list, each item cited from its own passage", async () => {
    const temp = await tempDir();
    await writeFiles(path.join(temp.dir, "docs"), { "quy-che.txt": LONG_LIST });
    await runIngest(path.join(temp.dir, "docs"), path.join(temp.dir, "index"));
    const { facts, passages } = await factsOfIndex(path.join(temp.dir, "index"));
    const list = facts.find((f) => f.subject === "Ban Dân vận")!;
    expect(list.items).toHaveLength(12);
    expect(new Set(list.itemPassages).size).toBeGreaterThan(1);
    for (const [i, id] of list.itemPassages!.entries()) expect(passages.find((p) => p.id === id)!.clean).toContain(`Nhiệm vụ số ${i + 1}:`);
    await temp.cleanup();
  });

  it("finds who holds a duty, and an actor by a shortened name but not by a neighbour's", async () => {
    const temp = await tempDir();
    await writeFiles(path.join(temp.dir, "docs"), { "huong-dan.txt": GUIDANCE });
    await runIngest(path.join(temp.dir, "docs"), path.join(temp.dir, "index"));
    const { table, stats } = await factsOfIndex(path.join(temp.dir, "index"));
    const [holder] = table.byDuty(["tong", "hop", "kien", "nghi", "doan", "vien"], stats);
    expect(holder!.fact.subject).toBe("Ban Chấp hành Công đoàn cơ quan");
    const { subjectMatch } = await import("../../src/structure/facts.ts");
    const union = subjectMatch(["cong", "doan", "quan"], ["ban", "chap", "hanh", "cong", "doan", "quan"], stats);
    const head = subjectMatch(["cong", "doan", "quan"], ["thu", "truong", "quan"], stats);
    expect(union).toBeGreaterThan(0.5);
    expect(head).toBeLessThan(0.5);
    // A longer name whose other words the question uses elsewhere ("… vai trò nòng cốt") is not penalised for them.
    const name = ["to", "chuc", "doan", "the", "nong", "cot"];
    const plain = subjectMatch(["doan", "the"], name, stats);
    const withContext = subjectMatch(["doan", "the"], name, stats, new Set(["doan", "the", "vai", "tro", "nong", "cot"]));
    expect(withContext).toBeGreaterThan(plain);
    expect(subjectMatch(["doan", "the"], ["doan", "the"], stats, new Set(["nong", "cot"]))).toBeCloseTo(subjectMatch(["doan", "the"], ["doan", "the"], stats));
    await temp.cleanup();
  });

  it("an incremental ingest keeps the facts of untouched files and drops those of removed ones", async () => {
    const temp = await tempDir();
    const docs = path.join(temp.dir, "docs");
    const indexDir = path.join(temp.dir, "index");
    await writeFiles(docs, { "huong-dan.txt": GUIDANCE, "quy-che.txt": LONG_LIST, "thong-bao.txt": OTHER });
    await runIngest(docs, indexDir);
    await rm(path.join(docs, "quy-che.txt"));
    await writeFiles(docs, { "thong-bao.txt": `${OTHER}\n\nNgười trực được bố trí nghỉ bù theo quy định.` });
    await runIngest(docs, indexDir);
    const { facts } = await factsOfIndex(indexDir);
    expect(facts.some((f) => f.subject === "Thủ trưởng cơ quan")).toBe(true);
    expect(facts.some((f) => f.subject === "Ban Dân vận")).toBe(false);
    // Only the generation in force keeps a facts file beside the one it replaced.
    const manifest = (await readManifest(indexDir))!;
    expect((await readdir(indexDir)).filter((name) => name.startsWith("facts-"))).toContain(manifest.factsFile);
    await temp.cleanup();
  });
});
