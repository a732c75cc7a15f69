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
