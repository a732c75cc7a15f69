import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDeflateRaw, crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { GUIDANCE, OTHER } from "../helpers/corpus.ts";
import { runIngest, tempDir, writeFiles } from "../helpers/index.ts";
import { ingest } from "../../ingest/pipeline.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { LEXICON_FILE } from "../helpers/index.ts";

/** A zip holding `name`: `size` zero bytes, deflated (a DOCX whose main part inflates to `size`). */
async function zipBomb(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  const zero = Buffer.alloc(1 << 20);
  let crc = 0;
  for (let written = 0; written < size; written += zero.length) {
    crc = crc32(zero, crc);
    if (!deflate.write(zero)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(out);
  const name = Buffer.from("word/document.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28);
  const directoryStart = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(directoryStart, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe("one bad file never stops an ingest", () => {
  it("a name that is not UTF-8, a DOCX inflating to 1 GiB and a file deleted mid-run are each reported; the rest is ingested, in little memory", async () => {
    const temp = await tempDir();
    const docs = path.join(temp.dir, "docs");
    await writeFiles(docs, { "huong-dan.txt": GUIDANCE, "thong-bao.txt": OTHER, "se-bi-xoa.txt": OTHER.replace("lịch trực", "lịch họp") });
    // "tài liệu.txt" written in the Vietnamese Windows code page: not UTF-8.
    await writeFile(Buffer.concat([Buffer.from(`${docs}/`), Buffer.from([0x74, 0xe0, 0x69, 0x2e, 0x74, 0x78, 0x74])]), "Văn bản có tên lạ.");
    await writeFile(path.join(docs, "bom.docx"), await zipBomb(1024 * 1048576));
    const { lexicon, hash } = await loadLexicon(LEXICON_FILE);
    const before = process.memoryUsage().rss;
    const report = await ingest({
      dir: docs, indexDir: path.join(temp.dir, "index"), embedder: new LocalEmbedder(), lexicon, lexiconHash: hash,
      maxBytes: 20 * 1048576, maxDocxPartBytes: 50 * 1048576,
      // Deleted after the folder was listed, before it is read.
      onStart: () => void rm(path.join(docs, "se-bi-xoa.txt")),
    });
    const grown = process.memoryUsage().rss - before;
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    expect(byPath.get("huong-dan.txt")!.status).toBe("added");
    expect(byPath.get("thong-bao.txt")!.status).toBe("added");
    expect(byPath.get("bom.docx")).toMatchObject({ status: "failed", reason: expect.stringMatching(/DOCX có phần nội dung giải nén ra 1024 MB, vượt giới hạn 50 MB/) });
    expect(byPath.get("se-bi-xoa.txt")).toMatchObject({ status: "failed", reason: expect.stringMatching(/đã bị xóa/) });
    expect(byPath.get("tài.txt")).toMatchObject({ status: "skipped", reason: expect.stringMatching(/không ở dạng UTF-8/) });
    expect(report.problems).toBe(3);
    expect(grown).toBeLessThan(300 * 1048576);
    await temp.cleanup();
  }, 60_000);

  it("a file over the size limit is refused before it is read, and a failed file is not read again until it changes", async () => {
    const temp = await tempDir();
    const docs = path.join(temp.dir, "docs");
    await writeFiles(docs, { "huong-dan.txt": GUIDANCE, "lon.txt": "dân vận ".repeat(200_000), "hong.pdf": "%PDF-1.4 không phải pdf thật" });
    const first = await runIngest(docs, path.join(temp.dir, "index"), { maxBytes: 1048576 });
    const byPath = new Map(first.files.map((f) => [f.path, f]));
    expect(byPath.get("lon.txt")).toMatchObject({ status: "failed", reason: expect.stringMatching(/tệp quá lớn \(2\.\d MB, giới hạn 1 MB/) });
    expect(byPath.get("hong.pdf")!.status).toBe("failed");
    const second = await runIngest(docs, path.join(temp.dir, "index"), { maxBytes: 1048576 });
    expect(second.files.find((f) => f.path === "hong.pdf")!.reason).toMatch(/chưa đổi từ lần nạp trước/);
    await writeFiles(docs, { "hong.pdf": "%PDF-1.4 vẫn hỏng nhưng đã khác" });
    const third = await runIngest(docs, path.join(temp.dir, "index"), { maxBytes: 1048576 });
    expect(third.files.find((f) => f.path === "hong.pdf")!.reason).not.toMatch(/chưa đổi/);
    await temp.cleanup();
  });

  it("hidden files and links out of the folder are reported as skipped; a link inside is followed, a folder never read twice", async () => {
    const temp = await tempDir();
    const docs = path.join(temp.dir, "docs");
    await writeFiles(docs, { "huong-dan.txt": GUIDANCE, ".nhap.txt": OTHER, "con/thong-bao.txt": OTHER });
    await writeFiles(temp.dir, { "ngoai.txt": OTHER });
    await symlink(path.join(temp.dir, "ngoai.txt"), path.join(docs, "lien-ket-ra-ngoai.txt"));
    await symlink(path.join(docs, "con"), path.join(docs, "a-lien-ket-thu-muc"));
    await symlink(path.join(docs, "huong-dan.txt"), path.join(docs, "lien-ket-tep.txt"));
    await mkdir(path.join(docs, "rong"));
    const report = await runIngest(docs, path.join(temp.dir, "index"));
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    expect(byPath.get(".nhap.txt")).toMatchObject({ status: "skipped", reason: expect.stringMatching(/ẩn/) });
    expect(byPath.get("lien-ket-ra-ngoai.txt")).toMatchObject({ status: "skipped", reason: expect.stringMatching(/ra ngoài thư mục tài liệu/) });
    expect(byPath.get("lien-ket-tep.txt")!.status).toBe("added");
    // The folder is read once, through whichever name comes first.
    expect(report.files.filter((f) => f.path.endsWith("thong-bao.txt")).map((f) => f.path)).toEqual(["a-lien-ket-thu-muc/thong-bao.txt"]);
    await temp.cleanup();
  });
});
