import path from "node:path";
import { AppError } from "../src/errors.ts";
import { nfc } from "../src/text/normalize.ts";
import type { FileReads } from "./file-reads.ts";
import { NON_BLOCKING } from "./file-reads.ts";
import { checkDocxSize } from "./zip-check.ts";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"] as const;
export type SourceFormat = "text" | "markdown" | "html" | "pdf" | "docx";

export type LoadedSource = {
  /** Text as read (NFC, LF line ends). Line and character ranges of chunks refer to it. */
  text: string;
  format: SourceFormat;
  bytes: number;
  warnings: string[];
};

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  ".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx",
};

function reject(code: string, file: string, reason: string): never {
  throw new AppError(code, reason, { file });
}

/** Decodes text bytes: BOM-marked UTF-8/UTF-16, else strict UTF-8, else the legacy Vietnamese code page. */
export function decodeText(buffer: Buffer, file: string, warnings: string[]): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return new TextDecoder("utf-8").decode(buffer.subarray(3));
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder("utf-16le").decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder("utf-16be").decode(buffer.subarray(2));
  if (buffer.includes(0)) reject("invalid:binary", file, "tệp chứa dữ liệu nhị phân, không phải văn bản");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    warnings.push("không phải UTF-8, đã đọc theo bảng mã Windows-1258");
    return new TextDecoder("windows-1258").decode(buffer);
  }
}

function looksLike(buffer: Buffer): "pdf" | "zip" | "html" | "other" {
  const head = buffer.subarray(0, 512).toString("latin1").trimStart().toLowerCase();
  if (head.startsWith("%pdf-")) return "pdf";
  if (buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04) return "zip";
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "html";
  return "other";
}

// The format libraries are loaded on first use: most files are text, and each worker thread would
// otherwise spend about 0.4 s loading all three (measured with `npm run bench:ingest`).

async function loadPdf(buffer: Buffer, file: string): Promise<string> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const result = await parser.getText();
    const text = result.pages.map((page) => page.text).join("\n\n");
    if (text.replace(/\s+/g, "").length < 20) {
      reject("invalid:pdf_no_text", file, "PDF không có lớp văn bản (có thể là bản quét); cần nhận dạng chữ (OCR) trước khi nạp");
    }
    return text;
  } catch (error) {
    if (error instanceof AppError) throw error;
    reject("invalid:pdf", file, `PDF hỏng hoặc không đọc được (${(error as Error).message})`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function loadDocx(buffer: Buffer, file: string): Promise<string> {
  const { default: mammoth } = await import("mammoth");
  try {
    const result = await mammoth.extractRawText({ buffer });
    return result.value;
  } catch (error) {
    reject("invalid:docx", file, `DOCX hỏng hoặc không đọc được (${(error as Error).message})`);
  }
}

async function loadHtml(raw: string): Promise<string> {
  const { convert: htmlToText } = await import("html-to-text");
  return htmlToText(raw, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "table", format: "dataTable" },
    ],
  });
}

/**
 * Reads one file into text. Every problem becomes an AppError whose message says,
 * in Vietnamese, what is wrong with this file; the caller reports it and goes on.
 */
/** Largest declared size of a DOCX's main part; a zip inflating beyond this many times its size is refused too. */
export const DOCX_LIMITS = { maxPartBytes: 50 * 1048576, maxRatio: 200 };

export async function loadSource(file: string, maxBytes: number, docx = DOCX_LIMITS, reads: FileReads = NON_BLOCKING): Promise<LoadedSource> {
  const extension = path.extname(file).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) reject("unsupported:extension", file, `định dạng ${extension || "(không có đuôi)"} chưa được hỗ trợ`);
  const size = await reads.size(file);
  if (size > maxBytes) {
    reject("invalid:too_large", file, `tệp quá lớn (${(size / 1048576).toFixed(1)} MB, giới hạn ${(maxBytes / 1048576).toFixed(0)} MB; đổi MAX_FILE_MB nếu cần)`);
  }
  const buffer = await reads.bytes(file);
  if (buffer.length === 0) reject("invalid:empty", file, "tệp rỗng");
  const warnings: string[] = [];
  const kind = looksLike(buffer);
  let text: string;
  switch (format) {
    case "pdf":
      if (kind !== "pdf") reject("invalid:mismatch", file, "đuôi .pdf nhưng nội dung không phải PDF");
      text = await loadPdf(buffer, file);
      break;
    case "docx":
      if (kind !== "zip") reject("invalid:mismatch", file, "đuôi .docx nhưng nội dung không phải tài liệu Word (DOCX)");
      checkDocxSize(buffer, file, docx);
      text = await loadDocx(buffer, file);
      break;
    case "html":
      text = await loadHtml(decodeText(buffer, file, warnings));
      break;
    default:
      if (kind === "pdf" || kind === "zip") {
        reject("invalid:mismatch", file, `đuôi ${extension} nhưng nội dung là ${kind === "pdf" ? "PDF" : "tệp nén/DOCX"}; hãy đổi đúng đuôi tệp`);
      }
      text = decodeText(buffer, file, warnings);
  }
  text = nfc(text.replace(/\r\n?/g, "\n"));
  if (text.trim().length === 0) reject("invalid:empty", file, "tệp không có nội dung chữ");
  return { text, format, bytes: buffer.length, warnings };
}
