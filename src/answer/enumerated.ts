import { listBlocks } from "../structure/blocks.ts";
import { ORDINALS } from "../text/drafting.ts";
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

/**
 * Number words as written (2–10, from the drafting patterns' ORDINALS: "bốn" and "tư" alike), compared with diacritics: folded, "hai", "tư", "sáu", "tám" are also "hại",
 * "từ", "sau", "tấm". In a question typed without marks only digits count ("4 nhiệm vụ"); "bốn nhiệm vụ" counts
 * when typed with its marks ("bon" alone could be anything).
 */
const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  ORDINALS.filter((o) => o.number >= 2).flatMap((o) => [o.cardinal, o.ordinal, ...o.alternatives].map((word) => [word, o.number])),
);
/** The number words a question may count with: those no other syllable is typed like. */
const QUESTION_NUMBER_WORDS = new Set(["bốn", "sáu", "bảy", "bẩy", "tám", "chín", "mười"]);

/** The question asks for the things themselves: "những … nào", "là gì", "cụ thể", "tên", "danh sách", "liệt kê". */
const ASKS_WHICH = /\b(?:nao|gi|cu the|ten|danh sach|liet ke|ke ra)\b/;

/**
 * Words before a number that make it a reference, not a count ("Điều 5", "Quyết định 217 và 218", "năm 2023",
 * "Đề án 06", "Kế hoạch 15", "khóa XI"), and units of time after it ("10 năm thực hiện" counts years, not things to list).
 */
const REFERENCE_BEFORE = new Set(["dieu", "khoan", "diem", "muc", "chuong", "phan", "so", "nam", "ngay", "thang", "dinh", "quyet", "thi", "luan", "khoa", "tu", "den", "va", "lan", "thu", "hoach", "an", "van", "bao", "trinh", "tri", "cong"]);
const TIME_UNITS = new Set(["nam", "thang", "ngay", "tuan", "quy", "gio", "phut", "lan", "ky"]);

/** A count written as digits (2 to 999) or, with its marks, a number word; `words` are the syllables as written (lower case). */
function countAt(words: readonly string[], i: number, spelled: (word: string) => boolean): number | undefined {
  const word = words[i]!;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return spelled(word) ? NUMBER_WORDS[word] : undefined;
}

/** A count followed by two syllables that name things, not a reference or a span of time. */
function countedNoun(words: readonly string[], folded: readonly string[], i: number, spelled: (word: string) => boolean): { count: number; noun: [string, string] } | undefined {
  const count = countAt(words, i, spelled);
  const next = folded[i + 1];
  const after = folded[i + 2];
  if (count === undefined || count < 2 || !next || !after || !/^[a-z]+$/.test(next) || !/^[a-z]+$/.test(after)) return undefined;
  if (REFERENCE_BEFORE.has(folded[i - 1] ?? "") || TIME_UNITS.has(next) || (next === "nhiem" && after === "ky") || isFunctionWord(next)) return undefined;
  return { count, noun: [next, after] };
}

/** The counted things the question names ("26 tap the" → 26, ["tap", "the"]), read from the question as typed. */
function askedCounts(question: string): Array<{ count: number; noun: [string, string] }> {
  const words = syllables(question);
  const folded = words.map(fold);
  if (!ASKS_WHICH.test(folded.join(" "))) return [];
  return folded.flatMap((_, i) => countedNoun(words, folded, i, (word) => QUESTION_NUMBER_WORDS.has(word)) ?? []);
}

/**
 * The mention of the counted things the question asks for, as the document writes it ("bốn nhiệm vụ"), when
 * no passage read lists them after it: the mention does not introduce a list (no ":" ending its sentence or
 * paragraph, no list whose lead-in it is) and its own sentence does not run them inline (fewer separators than items).
 */
export function enumerationNotGiven(question: string, context: AnswerContext, sentences: readonly ScoredSentence[]): string | undefined {
  const asked = askedCounts(question);
  if (asked.length === 0) return undefined;
  // Every mention is looked at: one that introduces the list ("… khen thưởng 26 tập thể sau:") answers, wherever it ranks.
  let mention: string | undefined;
  for (const sentence of sentences) {
    const original = syllables(sentence.text);
    const folded = original.map(fold);
    for (let i = 0; i + 2 < folded.length; i++) {
      const found = countedNoun(original, folded, i, (word) => word in NUMBER_WORDS);
      const match = found && asked.find((a) => a.count === found.count && a.noun[0] === found.noun[0] && a.noun[1] === found.noun[1]);
      if (!match) continue;
      const paragraphs = context.paragraphs[sentence.passage]!;
      const paragraph = paragraphs[sentence.paragraph]!;
      // Its sentence or paragraph introduces a list (a list block whose lead-in it is); a list it is an item of does not count.
      const introduces = /:\s*$/.test(sentence.text) || /:\s*$/.test(paragraph.text) || listBlocks(paragraphs).some((block) => block.lead === sentence.paragraph);
      const inline = (sentence.text.match(/[,;]/g)?.length ?? 0) >= match.count - 1;
      if (introduces || inline) return undefined;
      mention ??= original.slice(i, i + 3).join(" ");
    }
  }
  return mention;
}
