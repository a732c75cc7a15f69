import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { isAppError } from "../../src/errors.ts";
import { readManifest } from "../../src/index/manifest.ts";
import { openIndex } from "../../src/index/store.ts";
import { acquireWriteLock } from "../../src/index/lock.ts";
import { KNOWLEDGE, runIngest, tempDir, writeFiles } from "../helpers/index.ts";
import { makePdf } from "../helpers/files.ts";

describe("ingesting the bundled knowledge folder", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let indexDir: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    indexDir = path.join(dir, "index");
    await runIngest(KNOWLEDGE, indexDir);
  });
  afterAll(() => cleanup());

  it("splits the 1949 article and the guidance into two documents and says which is which", async () => {
    const index = await openIndex(indexDir, new LocalEmbedder().info);
    const documents = await index.documents();
    const article = documents.find((d) => d.title === "Dân vận")!;
    expect(article.kind).toBe("Bài báo");
    expect(article.date).toBe("1949-10-15");
    const guidance = documents.find((d) => d.path === article.path && d.part === 1)!;
    expect(guidance.title).toMatch(/Công tác dân vận ở Đảng bộ Khối/);
    expect(documents).toHaveLength(6);
    index.close();
  });

  it("reads kind, issuer and title from the head of the Kết luận and the Nghị quyết", async () => {
    const index = await openIndex(indexDir, new LocalEmbedder().info);
    const documents = await index.documents();
    const conclusion = documents.find((d) => d.kind === "Kết luận")!;
    expect(conclusion.title).toBe("Kết luận của Ban Bí thư về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp");
    expect(conclusion.issuer).toBe("Ban Bí thư");
    const resolution = documents.find((d) => d.kind === "Nghị quyết")!;
    expect(resolution.title).toMatch(/^Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về tăng cường và đổi mới/);
    const news = documents.find((d) => d.path.startsWith("documents/tong-ket"))!;
    expect(news.date).toBe("2023-09-07");
    expect(news.source).toBe("dukcqtw.dcs.vn");
    index.close();
  });

  it("gives known passages their heading path and verbatim text", async () => {
    const index = await openIndex(indexDir, new LocalEmbedder().info);
    const steps = (await index.fullText(["buoc_thu", "thu_hai"], 5)).map((r) => r.passage).find((p) => p.text.includes("Bước thứ hai: tổ chức sinh hoạt chi bộ"))!;
    expect(steps.section).toBe("III. Công tác dân vận ở Đảng bộ Khối các cơ quan Trung ương › 6. Xây dựng mô hình dân vận và lựa chọn mô hình dân vận khéo ở cơ quan Trung ương");
    expect(steps.docTitle).toMatch(/Công tác dân vận ở Đảng bộ Khối/);
    // Ranges refer to the text as read: NFC (this file is partly decomposed on disk).
    const source = (await readFile(path.join(KNOWLEDGE, steps.path), "utf8")).normalize("NFC");
    expect(source.slice(steps.charStart, steps.charEnd)).toBe(steps.text);
    const wrapped = (await index.fullText(["dan_van", "khoi"], 40)).map((r) => r.passage).find((p) => p.path.includes("tong-ket"))!;
    expect(wrapped.clean).not.toMatch(/(?<!\n)\n(?!\n)/);
    expect(wrapped.text).toMatch(/(?<!\n)\n(?!\n)/);
    index.close();
  });

  it("changes nothing when run again on the same folder", async () => {
    const before = await readManifest(indexDir);
    const report = await runIngest(KNOWLEDGE, indexDir);
    expect(report.changed).toBe(false);
    expect(report.files.every((f) => f.status === "unchanged")).toBe(true);
    expect(await readManifest(indexDir)).toEqual(before);
  });
});

describe("worker threads", () => {
  it("prepare the same passages, search tokens and vectors as the main thread", async () => {
    const { dir, cleanup } = await tempDir();
    const inMain = await runIngest(KNOWLEDGE, path.join(dir, "main"), { workerThreshold: Number.POSITIVE_INFINITY });
    const inWorkers = await runIngest(KNOWLEDGE, path.join(dir, "workers"), { workerThreshold: 1 });
    expect(inWorkers.files).toEqual(inMain.files);
    const rows = async (name: string) => {
      const index = await openIndex(path.join(dir, name), new LocalEmbedder().info);
      // Both searched the same way: the in-memory scan once loaded (LanceDB's scores differ in the last digits).
      await index.vectorsReady();
      const all = await index.allPassages();
      const vectors = await Promise.all(all.slice(0, 5).map(async (p) => (await index.nearest(new Float32Array(512).fill(0.01), 200)).find((r) => r.passage.id === p.id)?.score));
      index.close();
      return { passages: all.map((p) => [p.id, p.section, p.search, p.text]), vectors };
    };
    const [a, b] = [await rows("main"), await rows("workers")];
    expect(b.passages).toEqual(a.passages);
    expect(b.vectors).toEqual(a.vectors);
    await cleanup();
  });
});

describe("incremental and safe updates", () => {
  const doc = (title: string, body: string) => `KẾ HOẠCH\n${title}\n\n1. Mục đích\n${body}\n\n2. Nội dung\nTổ chức thực hiện nghiêm túc kế hoạch này.`;

  it("adds new files, replaces changed ones and removes deleted ones", async () => {
    const { dir, cleanup } = await tempDir();
    const docs = path.join(dir, "docs");
    const indexDir = path.join(dir, "index");
    await writeFiles(docs, { "a.txt": doc("về tuyên truyền", "Tuyên truyền sâu rộng về phòng chống thiên tai."), "b.md": doc("về dân chủ", "Thực hiện tốt quy chế dân chủ ở cơ sở.") });
    const first = await runIngest(docs, indexDir);
    expect(first.files.map((f) => f.status)).toEqual(["added", "added"]);

    await writeFiles(docs, { "a.txt": doc("về tuyên truyền", "Tuyên truyền về chuyển đổi số trong cơ quan.") });
    await rm(path.join(docs, "b.md"));
    await writeFiles(docs, { "c.txt": doc("về thi đua", "Phát động phong trào thi đua Dân vận khéo.") });
    const second = await runIngest(docs, indexDir);
    expect(Object.fromEntries(second.files.map((f) => [f.path, f.status]))).toEqual({ "a.txt": "updated", "c.txt": "added", "b.md": "removed" });

    const index = await openIndex(indexDir, new LocalEmbedder().info);
    expect((await index.documents()).map((d) => d.path)).toEqual(["a.txt", "c.txt"]);
    expect((await index.fullText(["chuyen_doi"], 5)).length).toBeGreaterThan(0);
    expect(await index.fullText(["thien_tai"], 5)).toEqual([]);
    expect(await index.fullText(["quy_che"], 5)).toEqual([]);
    index.close();
    await cleanup();
  });

  it("leaves the previous index complete and queryable when an ingest dies half-way", async () => {
    const { dir, cleanup } = await tempDir();
    const docs = path.join(dir, "docs");
    const indexDir = path.join(dir, "index");
    await writeFiles(docs, { "a.txt": doc("về tuyên truyền", "Tuyên truyền sâu rộng về phòng chống thiên tai.") });
    await runIngest(docs, indexDir);
    // Many files, so the writer commits some rows before the embedder fails on a later one.
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`n${String(i).padStart(2, "0")}.txt`] = doc(`số ${i}`, `Nội dung riêng số ${i} về vận động quần chúng. `.repeat(30));
    await writeFiles(docs, many);
    await rm(path.join(docs, "a.txt"));
    const local = new LocalEmbedder();
    let calls = 0;
    const failing: Embedder = { info: local.info, embed: async (texts, purpose) => {
      if (++calls > 25) throw new Error("máy chủ nhúng ngừng giữa chừng");
      return local.embed(texts, purpose);
    } };
    await expect(runIngest(docs, indexDir, { embedder: failing, flushRows: 5 })).rejects.toThrow(/ngừng giữa chừng/);

    const index = await openIndex(indexDir, local.info);
    expect((await index.documents()).map((d) => d.path)).toEqual(["a.txt"]);
    expect((await index.fullText(["thien_tai"], 5)).length).toBe(1);
    index.close();
    const retry = await runIngest(docs, indexDir);
    expect(retry.documents).toBe(30);
    await cleanup();
  }, 120_000);

  it("keeps the index in force readable while a rebuild runs, and after a rebuild dies", async () => {
    const { dir, cleanup } = await tempDir();
    const docs = path.join(dir, "docs");
    const indexDir = path.join(dir, "index");
    await writeFiles(docs, { "a.txt": doc("về tuyên truyền", "Tuyên truyền sâu rộng về phòng chống thiên tai.") });
    await runIngest(docs, indexDir);
    const local = new LocalEmbedder();
    const reader = await openIndex(indexDir, local.info);
    const failing: Embedder = { info: local.info, embed: async () => { throw new Error("hỏng giữa lúc dựng lại"); } };
    await expect(runIngest(docs, indexDir, { embedder: failing, rebuild: true })).rejects.toThrow(/dựng lại/);
    expect((await reader.fullText(["thien_tai"], 5)).length).toBe(1);
    reader.close();
    const fresh = await openIndex(indexDir, local.info);
    expect((await fresh.fullText(["thien_tai"], 5)).length).toBe(1);
    fresh.close();
    const rebuilt = await runIngest(docs, indexDir, { rebuild: true });
    expect(rebuilt.documents).toBe(1);
    const after = await openIndex(indexDir, local.info);
    expect((await after.fullText(["thien_tai"], 5)).length).toBe(1);
    after.close();
    await cleanup();
  });

  it("refuses a second ingest while one holds the lock, with a clear message", async () => {
    const { dir, cleanup } = await tempDir();
    const indexDir = path.join(dir, "index");
    await writeFiles(dir, { "docs/a.txt": doc("x", "Nội dung.") });
    const release = await acquireWriteLock(indexDir);
    // The lock belongs to a live process (this one, as another pid would): fake a foreign holder.
    await writeFile(path.join(indexDir, ".ingest.lock"), JSON.stringify({ pid: process.ppid, startedAt: "2026-01-01T00:00:00Z" }));
    const error = await runIngest(path.join(dir, "docs"), indexDir).catch((e: unknown) => e);
    expect(isAppError(error, "busy:ingest")).toBe(true);
    expect((error as Error).message).toMatch(/Đang có một lần nạp dữ liệu khác chạy/);
    await release();
    await runIngest(path.join(dir, "docs"), indexDir);
    await cleanup();
  });

  it("reports each bad file with its reason and still indexes the good ones", async () => {
    const { dir, cleanup } = await tempDir();
    const docs = path.join(dir, "docs");
    await cp(path.join(KNOWLEDGE, "documents/ket-luan-ban-bi-thu-2015-dan-van-co-quan-nha-nuoc.txt"), path.join(docs, "good.txt"), { recursive: true });
    await writeFiles(docs, {
      "empty.txt": "",
      "broken.pdf": makePdf(["Noi dung"]).subarray(0, 80),
      "scan.pdf": makePdf([]),
      "liar.pdf": "Tôi là văn bản, không phải PDF.",
      "sheet.xlsx": "PK",
      "notes.yaml": "a: 1",
    });
    const report = await runIngest(docs, path.join(dir, "index"));
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(byPath["good.txt"]!.status).toBe("added");
    expect(byPath["empty.txt"]!.reason).toBe("tệp rỗng");
    expect(byPath["broken.pdf"]!.reason).toMatch(/PDF hỏng/);
    expect(byPath["scan.pdf"]!.reason).toMatch(/bản quét/);
    expect(byPath["liar.pdf"]!.reason).toMatch(/không phải PDF/);
    expect(byPath["sheet.xlsx"]!.status).toBe("skipped");
    expect(byPath["notes.yaml"]).toBeUndefined();
    expect(report.problems).toBe(5);
    expect(report.documents).toBe(1);
    await cleanup();
  });
});
