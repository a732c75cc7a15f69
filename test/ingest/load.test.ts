import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSource } from "../../ingest/load.ts";
import { AppError } from "../../src/errors.ts";
import { tempDir, writeFiles } from "../helpers/index.ts";
import { makeDocx, makePdf } from "../helpers/files.ts";

const TEXT = "Dân vận khéo thì việc gì cũng thành công.";
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function load(name: string, content: string | Buffer, maxBytes = 1024 * 1024) {
  await writeFiles(dir, { [name]: content });
  return loadSource(path.join(dir, name), maxBytes);
}

async function reason(name: string, content: string | Buffer, maxBytes?: number): Promise<AppError> {
  const error = await load(name, content, maxBytes).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("loading documents", () => {
  it.each([
    ["UTF-8", Buffer.from(TEXT, "utf8")],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")])],
    ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")])],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, "utf16le").swap16()])],
    ["decomposed Unicode (NFD)", Buffer.from(TEXT.normalize("NFD"), "utf8")],
  ])("reads %s as the same clean text", async (_label, bytes) => {
    const loaded = await load("a.txt", bytes);
    expect(loaded.text).toBe(TEXT);
  });

  it("turns CRLF line ends into LF", async () => {
    expect((await load("a.md", "Dòng một.\r\nDòng hai.\r\n")).text).toBe("Dòng một.\nDòng hai.\n");
  });

  it("reads the text of a DOCX file", async () => {
    const loaded = await load("a.docx", await makeDocx("Quy chế dân chủ ở cơ sở", ["Dân biết, dân bàn, dân làm, dân kiểm tra."]));
    expect(loaded.format).toBe("docx");
    expect(loaded.text).toContain("Quy chế dân chủ ở cơ sở");
    expect(loaded.text).toContain("Dân biết, dân bàn, dân làm, dân kiểm tra.");
  });

  it("reads the text layer of a PDF file", async () => {
    const loaded = await load("a.pdf", makePdf(["Nghi quyet ve cong tac dan van", "Dieu 1. Pham vi dieu chinh"]));
    expect(loaded.text).toContain("Nghi quyet ve cong tac dan van");
  });

  it("reads HTML as text with its block structure", async () => {
    const loaded = await load("a.html", "<html><body><h1>Kết luận</h1><p>Đoạn <b>một</b>.</p><ul><li>Ý thứ nhất</li></ul></body></html>");
    expect(loaded.text).toContain("Kết luận");
    expect(loaded.text).toMatch(/Đoạn một\./);
    expect(loaded.text).toContain("Ý thứ nhất");
  });

  it("refuses an empty file", async () => {
    expect((await reason("a.txt", "")).code).toBe("invalid:empty");
  });

  it("refuses a truncated PDF with a clear reason", async () => {
    const error = await reason("a.pdf", makePdf(["Noi dung"]).subarray(0, 60));
    expect(error.code).toBe("invalid:pdf");
    expect(error.message).toMatch(/PDF hỏng/);
  });

  it("refuses a PDF without a text layer (scanned)", async () => {
    const error = await reason("a.pdf", makePdf([]));
    expect(error.code).toBe("invalid:pdf_no_text");
    expect(error.message).toMatch(/bản quét/);
  });

  it("refuses a file whose extension lies about its content", async () => {
    expect((await reason("a.pdf", "chỉ là văn bản")).code).toBe("invalid:mismatch");
    expect((await reason("b.txt", makePdf(["x"]))).code).toBe("invalid:mismatch");
    expect((await reason("c.docx", "không phải docx")).code).toBe("invalid:mismatch");
  });

  it("refuses a file over the size limit, naming the limit", async () => {
    const error = await reason("a.txt", "x".repeat(3 * 1024 * 1024), 2 * 1024 * 1024);
    expect(error.code).toBe("invalid:too_large");
    expect(error.message).toMatch(/giới hạn 2 MB/);
  });

  it("refuses binary data in a text file", async () => {
    expect((await reason("a.txt", Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]))).code).toBe("invalid:binary");
  });
});
