import { listBlocks } from "../structure/blocks.ts";
import { fold, syllables } from "../text/normalize.ts";
import { isFunctionWord } from "../text/terms.ts";
import type { AnswerContext } from "./context.ts";
import type { ScoredSentence } from "./evidence.ts";

/**
 * "4 nhiệm vụ của đảng viên theo Điều lệ Đảng cụ thể là gì?", "26 tập thể được khen gồm những đơn vị nào?":
 * the question asks which things a count names, and the passages read mention that count ("thực hiện tốt bốn
 * nhiệm vụ của người đảng viên được quy định tại Điều lệ Đảng") without listing them. The reply says the
 * documents only mention them, instead of quoting the mention as if it were the list.
 */

/** Number words as folded (2–10); "tư"/"sáu" fold to "tu"/"sau", which are also other words. */
const NUMBER_WORDS: Record<string, number> = { hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

/** The question asks for the things themselves: "những … nào", "là gì", "cụ thể", "tên", "danh sách", "liệt kê". */
const ASKS_WHICH = /\b(?:nao|gi|cu the|ten|danh sach|liet ke|ke ra)\b/;

/**
 * Words before a number that make it a reference, not a count ("Điều 5", "Quyết định 217 và 218", "năm 2023",
 * "khóa XI"), and units of time after it ("10 năm thực hiện" counts years, not things to list).
 */
const REFERENCE_BEFORE = new Set(["dieu", "khoan", "diem", "muc", "chuong", "phan", "so", "nam", "ngay", "thang", "dinh", "quyet", "thi", "luan", "nq", "qd", "kl", "ct", "nd", "tt", "khoa", "tu", "den", "va", "lan", "thu"]);
const TIME_UNITS = new Set(["nam", "thang", "ngay", "tuan", "quy", "gio", "phut", "lan", "ky"]);

/** A count written as digits or a number word (folded syllable), 2 to 999. */
function countOf(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

/** The counted things the question names: the count and the two syllables after it ("26 tap the" → 26, ["tap", "the"]). */
function askedCounts(words: readonly string[]): Array<{ count: number; noun: [string, string] }> {
  if (!ASKS_WHICH.test(words.join(" "))) return [];
  const out: Array<{ count: number; noun: [string, string] }> = [];
  words.forEach((word, i) => {
    const count = /^\d{1,3}$/.test(word) ? Number(word) : undefined;
    const next = words[i + 1];
    const after = words[i + 2];
    // Number words in a question are too often other words ("nam", "ba"): the question's count must be in digits
    // or one of the clear number words.
    // ("tám" is left out: "tấm gương" folds to the same syllable.)
    const spelled = count ?? (["hai", "bon", "bay", "chin", "muoi"].includes(word) ? NUMBER_WORDS[word] : undefined);
    if (spelled === undefined || spelled < 2 || !next || !after || !/^[a-z]+$/.test(next) || !/^[a-z]+$/.test(after)) return;
    if (REFERENCE_BEFORE.has(words[i - 1] ?? "") || TIME_UNITS.has(next) || (next === "nhiem" && after === "ky") || isFunctionWord(next)) return;
    out.push({ count: spelled, noun: [next, after] });
  });
  return out;
}

/**
 * The mention of the counted things the question asks for, as the document writes it ("bốn nhiệm vụ"), when
 * no passage read lists them after it: the mention does not introduce a list (no ":" ending its sentence or
 * paragraph, no list whose lead-in it is) and its own sentence does not run them inline (fewer separators than items).
 */
export function enumerationNotGiven(context: AnswerContext, sentences: readonly ScoredSentence[]): string | undefined {
  const asked = askedCounts(context.intent.words);
  if (asked.length === 0) return undefined;
  for (const sentence of sentences) {
    const original = syllables(sentence.text);
    const folded = original.map(fold);
    for (let i = 0; i + 2 < folded.length; i++) {
      const count = countOf(folded[i]!);
      const match = asked.find((a) => a.count === count && a.noun[0] === folded[i + 1] && a.noun[1] === folded[i + 2]);
      if (!match) continue;
      const paragraphs = context.paragraphs[sentence.passage]!;
      const paragraph = paragraphs[sentence.paragraph]!;
      // Its sentence or paragraph introduces a list (a list block whose lead-in it is); a list it is an item of does not count.
      const introduces = /:\s*$/.test(sentence.text) || /:\s*$/.test(paragraph.text) || listBlocks(paragraphs).some((block) => block.lead === sentence.paragraph);
      const inline = (sentence.text.match(/[,;]/g)?.length ?? 0) >= match.count - 1;
      if (introduces || inline) return undefined;
      return original.slice(i, i + 3).join(" ");
    }
  }
  return undefined;
}
