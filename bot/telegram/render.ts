import type { AnswerResult } from "../../src/answer/types.ts";
import type { Passage } from "../../src/index/schema.ts";
import type { RegisteredDocument } from "../../src/documents/registry.ts";
import { displayDate } from "../../src/index/schema.ts";
import { joinPieces, splitText } from "../core/split.ts";
import { coreText } from "../messages.ts";

/** Telegram's limit for one message. */
export const TELEGRAM_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A piece of a message: plain text and how to wrap it once escaped (a wrapper never spans two messages). */
export type Block = { text: string; wrap?: (escaped: string) => string };

const plain = (text: string): Block => ({ text });

/**
 * Packs blocks into messages of at most `limit` characters of HTML. Blocks are kept whole when they
 * fit, and a long block is cut on paragraph boundaries with its wrapper repeated on every piece, so
 * no tag is ever broken across messages.
 */
export function packMessages(blocks: Block[], limit = TELEGRAM_LIMIT): string[] {
  const rendered: string[] = [];
  for (const block of blocks) {
    const wrap = block.wrap ?? ((s: string) => s);
    const overhead = wrap("").length;
    // Escaping can grow a text (& → &amp;): budget for the worst case.
    const budget = Math.max(200, Math.floor((limit - overhead) / 5));
    const whole = wrap(escapeHtml(block.text));
    if (whole.length <= limit) rendered.push(whole);
    else for (const piece of splitText(block.text, budget)) rendered.push(wrap(escapeHtml(piece)));
  }
  return joinPieces(rendered, limit);
}

/** The answer, then its sources: what a question gets in Telegram. */
export function answerBlocks(result: AnswerResult): Block[] {
  if (result.grade === "none" || result.citations.length === 0) return [plain(result.answer)];
  const blocks: Block[] = [plain(result.answer)];
  if (result.citations.length > 0) {
    // The sources read as one list under its header, not as separate paragraphs.
    const lines = result.citations.map(coreText.citationLine).join("\n");
    blocks.push({ text: lines, wrap: (s) => `<b>Nguồn:</b>\n<i>${s}</i>` });
  }
  return blocks;
}

/** The full verbatim passage behind a citation. */
export function passageBlocks(n: number, passage: Passage): Block[] {
  return [
    { text: `Nguồn ${n}: ${passage.citation}`, wrap: (s) => `<b>${s}</b>` },
    { text: passage.text.replace(/\n{3,}/g, "\n\n").trim(), wrap: (s) => `<blockquote>${s}</blockquote>` },
    { text: `Tệp ${passage.path}, dòng ${passage.lineStart}–${passage.lineEnd}`, wrap: (s) => `<i>${s}</i>` },
  ];
}

export function documentListBlocks(documents: readonly RegisteredDocument[]): Block[] {
  if (documents.length === 0) return [plain(coreText.noDocuments)];
  return [
    { text: coreText.documentsHeader(documents.length), wrap: (s) => `<b>${s}</b>` },
    ...documents.map((d, i) => {
      const facts = [d.kind, d.number ? `số ${d.number}` : "", d.date ? displayDate(d.date) : "", `${d.chunkCount} đoạn`, coreText.documentStanding(d)].filter(Boolean).join(" · ");
      return plain(`${i + 1}. ${d.title}\n    ${facts}`);
    }),
  ];
}
