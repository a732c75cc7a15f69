import path from "node:path";
import { describe, expect, it } from "vitest";
import { createKnowledgeHolder } from "../../bot/knowledge-holder.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { GUIDANCE, OTHER } from "../helpers/corpus.ts";
import { LEXICON_FILE, runIngest, tempDir, writeFiles } from "../helpers/index.ts";
import { copyFile } from "node:fs/promises";

describe("a running server and an ingest from outside", () => {
  it("two outside --rebuilds while questions keep coming: no failed request, and the new document is answered", async () => {
    const temp = await tempDir();
    const knowledge = path.join(temp.dir, "knowledge");
    await writeFiles(path.join(knowledge, "documents"), { "huong-dan.txt": GUIDANCE });
    await copyFile(LEXICON_FILE, path.join(knowledge, "lexicon.yaml"));
    const config = loadConfig({ DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: knowledge });
    await runIngest(knowledge, config.indexDir);
    const holder = await createKnowledgeHolder(config, silentLogger);
    let failures = 0;
    let asked = 0;
    let stop = false;
    const questions = ["Thủ trưởng cơ quan phải làm gì?", "Các bước xây dựng mô hình dân vận khéo?", "lịch trực Tết của cơ quan thế nào"];
    const load = (async () => {
      while (!stop) {
        try {
          await holder.use((k) => k.answer(questions[asked % questions.length]!));
          await holder.use((k) => k.index.documents());
        } catch {
          failures++;
        }
        asked++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      await runIngest(knowledge, config.indexDir, { rebuild: true });
      await writeFiles(path.join(knowledge, "documents"), { "thong-bao.txt": OTHER });
      await runIngest(knowledge, config.indexDir, { rebuild: true });
      const started = Date.now();
      let found = false;
      while (!found && Date.now() - started < 30_000) {
        const result = await holder.use((k) => k.answer("Người trực Tết phải ghi sổ giao ca thế nào?"));
        found = result.citations.some((c) => /Thông báo|lịch trực/i.test(`${c.docTitle} ${c.quote}`));
        if (!found) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(found).toBe(true);
      expect(holder.current().index.manifest.generation).toBeGreaterThanOrEqual(3);
    } finally {
      stop = true;
      await load;
      holder.close();
      await temp.cleanup();
    }
    expect(asked).toBeGreaterThan(10);
    expect(failures).toBe(0);
  }, 60_000);
});

describe("a document edited in place and ingested again", () => {
  it("is answered from its new text, not from sentences kept from the old one (passage ids name places, not texts)", async () => {
    const temp = await tempDir();
    const knowledge = path.join(temp.dir, "knowledge");
    const before = ["THÔNG BÁO LỊCH TIẾP DÂN CỦA XÃ AN PHÚ", "", "Chủ tịch Ủy ban nhân dân xã tiếp dân vào sáng thứ Hai hằng tuần tại trụ sở xã."].join("\n");
    const after = ["THÔNG BÁO LỊCH TIẾP DÂN CỦA XÃ AN PHÚ", "", "Chủ tịch Ủy ban nhân dân xã tiếp dân vào chiều thứ Năm hằng tuần tại nhà văn hóa thôn."].join("\n");
    await writeFiles(path.join(knowledge, "documents"), { "lich-tiep-dan.txt": before });
    await copyFile(LEXICON_FILE, path.join(knowledge, "lexicon.yaml"));
    const config = loadConfig({ DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: knowledge });
    await runIngest(knowledge, config.indexDir);
    const holder = await createKnowledgeHolder(config, silentLogger);
    try {
      const question = "Chủ tịch xã An Phú tiếp dân vào thời gian nào, ở đâu?";
      expect((await holder.use((k) => k.answer(question))).answer).toContain("sáng thứ Hai");
      await writeFiles(path.join(knowledge, "documents"), { "lich-tiep-dan.txt": after });
      await runIngest(knowledge, config.indexDir);
      const started = Date.now();
      let answer = "";
      while (!answer.includes("chiều thứ Năm") && Date.now() - started < 30_000) {
        answer = (await holder.use((k) => k.answer(question))).answer;
        if (!answer.includes("chiều thứ Năm")) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(answer).toContain("chiều thứ Năm");
      expect(answer).not.toContain("sáng thứ Hai");
    } finally {
      holder.close();
      await temp.cleanup();
    }
  }, 60_000);
});
