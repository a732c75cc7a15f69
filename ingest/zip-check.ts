import { AppError } from "../src/errors.ts";

/**
 * A DOCX is a zip: before it is inflated, its central directory says how large each part will be. A
 * small file whose `word/document.xml` declares hundreds of megabytes (a zip bomb, or a document full of
 * embedded data) is refused before any memory is spent on it.
 */
export type ZipLimits = { maxPartBytes: number; maxRatio: number };

type Entry = { name: string; compressed: number; uncompressed: number };

/** The entries of a zip's central directory (no inflating); undefined when the file is not a readable zip. */
export function zipEntries(buffer: Buffer): Entry[] | undefined {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  const from = Math.max(0, buffer.length - 65_557);
  let end = -1;
  for (let i = buffer.length - 22; i >= from; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const compressed = buffer.readUInt32LE(offset + 20);
    const uncompressed = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString("utf8");
    entries.push({ name, compressed, uncompressed });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function checkDocxSize(buffer: Buffer, file: string, limits: ZipLimits): void {
  const entries = zipEntries(buffer);
  if (!entries) return; // not readable as a zip: the loader says so
  const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
  const total = entries.reduce((n, e) => n + e.uncompressed, 0);
  const main = entries.find((e) => e.name === "word/document.xml");
  if (main && main.uncompressed > limits.maxPartBytes) {
    throw new AppError("invalid:docx_too_large", `DOCX có phần nội dung giải nén ra ${mb(main.uncompressed)}, vượt giới hạn ${mb(limits.maxPartBytes)} (MAX_DOCX_PART_MB)`, { file });
  }
  const compressed = entries.reduce((n, e) => n + e.compressed, 0);
  if (total > limits.maxPartBytes && total > limits.maxRatio * Math.max(1, compressed)) {
    throw new AppError("invalid:docx_ratio", `DOCX nén bất thường (giải nén ra ${mb(total)} từ ${(compressed / 1024).toFixed(0)} KB); không đọc để tránh tràn bộ nhớ`, { file });
  }
}
