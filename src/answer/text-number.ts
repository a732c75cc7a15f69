import { kindCode } from "../documents/numbers.ts";
import { fold } from "../text/normalize.ts";
import type { AnswerContext } from "./context.ts";
import { TEXT_KIND_NAMES } from "./scope.ts";

/**
 * "Kết luận của Ban Bí thư năm 2015 … là Kết luận số bao nhiêu?", "có số hiệu và ngày ký là gì?": the question
 * asks a text's number. The documents give it in the text's own header (its `docNumber`) or where another text
 * cites it ("Kết luận số 114-KL/TW"); when the text the question finds first has none and no sentence read
 * cites a number of that shape, the documents do not say it.
 */

/**
 * Kinds of text as folded in a question (the names scope readings use; abbreviations such as "KL", "NQ" are written
 * out before this), with the code their numbers carry ("25-NQ/TW", "290-QĐ/TW"), longest names first.
 */
const KINDS: ReadonlyArray<readonly [string, string]> = Object.keys(TEXT_KIND_NAMES)
  .flatMap((kind) => { const code = kindCode(kind); return code ? [[kind, code] as const] : []; })
  .sort((a, b) => b[0].length - a[0].length);

/** The kind of text whose number is asked ("… là Kết luận số bao nhiêu"), "" for any ("số hiệu", "văn bản số mấy"); undefined when none is asked. */
function askedKind(folded: string): string | undefined {
  for (const [words, code] of KINDS) {
    if (new RegExp(`\\b${words}(?: [a-z0-9]+){0,2} so (?:bao nhieu|may|hieu)\\b`).test(folded)) return code;
  }
  return /\b(?:van ban(?: [a-z0-9]+){0,2} so (?:bao nhieu|may)|so hieu)\b/.test(folded) ? "" : undefined;
}

/** A sentence cites a number of that kind of text ("Kết luận số 114-KL/TW", "114-KL/TW"); any kind for "". */
function citesNumber(folded: string, code: string): boolean {
  // Any text's number: "1234/UBND-NC", "45-TB/TU", "Công văn số 12".
  if (code === "") return /\b\d+(?:\/\d{4})?[-/][a-z]|\bso \d+/.test(folded);
  const words = KINDS.filter(([, c]) => c === code).map(([w]) => w).join("|");
  return new RegExp(`\\b\\d+(?:\\/\\d{4})?[-/]${code}\\b|\\b(?:${words}) so \\d+`).test(folded);
}

export function textNumberNotStated(context: AnswerContext, sentences: ReadonlyArray<{ text: string }>): boolean {
  const code = askedKind(context.intent.words.join(" "));
  if (code === undefined) return false;
  const first = context.read[0]?.passage;
  if (!first || first.docNumber.trim() !== "") return false;
  return !sentences.some((s) => citesNumber(fold(s.text).toLowerCase(), code));
}
