import type { Lexicon, Phrase } from "./lexicon.ts";
import { expandAbbreviations, expandQuery } from "./lexicon.ts";
import { fold, hasDiacritics, nfc } from "./text/normalize.ts";
import { FOLDED_ORDINAL_NUMBER, ordinalItemPattern, ordinalWords } from "./text/drafting.ts";
import { analyseQuestion, bigram } from "./text/terms.ts";
import { definedTerm } from "./text/definition.ts";
import { writeOutShorthand } from "./text/shorthand.ts";

/** A content syllable of the question and the lexicon phrases that may stand in for it in a passage. */
export type Concept = { folded: string; accented: string; alternatives: Phrase[] };

export type AnalysedQuery = {
  question: string;
  accented: boolean;
  concepts: Concept[];
  /** Folded syllable bigrams of the question (question words removed); pairs with a function word weigh
   * less; a pair inside a lexicon phrase is also met by the phrase's other forms. */
  bigrams: Array<{ token: string; weight: number; alternatives: Phrase[] }>;
  /** Every bigram of the question as typed, question words included: a heading that echoes the
   * question ("AI PHỤ TRÁCH DÂN VẬN?") is a strong sign. */
  echo: string[];
  /** The question's folded syllables in order (question words removed), for phrase matching. */
  sequence: string[];
  /** Ordinal asked for ("bước thứ hai", "nội dung thứ 8"): how an enumerated item would start. */
  ordinal?: RegExp;
  /** The number of the item asked for ("bước thứ hai" → 2). */
  ordinalNumber?: number;
  /** Tokens sent to the full-text index: content syllables, bigrams, expansions, ordinal markers. */
  searchTokens: string[];
  /** Text embedded for vector search: the question without question words, plus expansions. */
  embedText: string;
  /** For "X là gì?" / "Thế nào là X?": X as folded syllables, to find where the documents define it. */
  definitionOf?: string[];
};

/** Nouns that name the items of a list: "giải pháp số 4" asks for the fourth (but "Nghị quyết số 25" names a text). */
const ITEM_NOUNS = new Set(["giai phap", "nhiem vu", "noi dung", "bien phap", "yeu cau", "muc tieu", "quan diem", "nguyen tac", "phuong cham", "khau", "muc", "buoc", "diem"]);

/** Is "số" at `i` preceded by a noun that names list items? */
function namesListItem(folded: readonly string[], i: number): boolean {
  return ITEM_NOUNS.has(folded[i - 1] ?? "") || ITEM_NOUNS.has(`${folded[i - 2] ?? ""} ${folded[i - 1] ?? ""}`);
}

/** "thứ hai", "thứ 2", "bước 2", "giải pháp số 4" → the number asked for. */
function findOrdinal(tokens: ReadonlyArray<{ folded: string; accented: string }>): number | undefined {
  const folded = tokens.map((t) => t.folded);
  for (let i = 0; i + 1 < folded.length; i++) {
    if (folded[i] !== "thu" && folded[i] !== "buoc" && !(folded[i] === "so" && namesListItem(folded, i))) continue;
    // Typed with its marks, "thư" ("Bí thư năm 2015") or "thu" is not "thứ".
    const accented = tokens[i]!.accented.toLowerCase();
    if (folded[i] === "thu" && accented !== "thu" && accented !== "thứ") continue;
    // "năm 2015" is a year, not "the fifth".
    if (/^(?:19|20)\d\d$/.test(folded[i + 2] ?? "")) continue;
    const next = folded[i + 1]!;
    const number = /^\d{1,2}$/.test(next) ? Number(next) : FOLDED_ORDINAL_NUMBER.get(next);
    if (number !== undefined && number >= 1 && number <= 10) return number;
  }
  return undefined;
}

export function analyseQuery(typed: string, lexicon: Lexicon): AnalysedQuery {
  const question = writeOutShorthand(typed, { codes: false });
  const analysed = analyseQuestion(question);
  const ordinal = findOrdinal(analysed);
  // The ordinal words themselves ("thứ", "tám") are matched through the ordinal, not as content.
  const tokens = ordinal
    ? analysed.map((t, i, all) => {
      const numberWord = (word: string) => FOLDED_ORDINAL_NUMBER.get(word) === ordinal || word === String(ordinal);
      const marker = (j: number) => all[j]!.folded === "thu" || all[j]!.folded === "buoc" || (all[j]!.folded === "so" && namesListItem(all.map((a) => a.folded), j));
      const isOrdinalWord = marker(i) && i + 1 < all.length && numberWord(all[i + 1]!.folded)
        || (numberWord(t.folded) && i > 0 && marker(i - 1));
      return isOrdinalWord ? { ...t, content: false } : t;
    })
    : analysed;
  const folded = tokens.map((t) => t.folded);
  const expansions = expandQuery(lexicon, folded);
  const concepts: Concept[] = [];
  tokens.forEach((token, i) => {
    if (!token.content) return;
    const alternatives = expansions.filter((e) => i >= e.start && i < e.end).flatMap((e) => e.alternatives);
    concepts.push({ folded: token.folded, accented: token.accented, alternatives });
  });
  const bigrams = new Map<string, number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    // Pairs of content syllables ("mục tiêu", "cấp ủy") count fully; a pair with a function word
    // ("khéo thì") counts a little; pairs of two function words not at all.
    const contentCount = Number(tokens[i]!.content) + Number(tokens[i + 1]!.content);
    if (contentCount > 0) bigrams.set(bigram(folded[i]!, folded[i + 1]!), contentCount === 2 ? 1 : 0.3);
  }
  const bigramAlternatives = (i: number) => expansions.filter((e) => i >= e.start && i + 1 < e.end).flatMap((e) => e.alternatives);
  const bigramPositions = new Map<string, number>();
  for (let i = 0; i + 1 < tokens.length; i++) bigramPositions.set(bigram(folded[i]!, folded[i + 1]!), i);
  const raw = analyseQuestion(question, { keepQuestionWords: true }).map((t) => t.folded);
  const echo = raw.slice(1).map((word, i) => bigram(raw[i]!, word));
  const searchTokens = new Set<string>([...concepts.map((c) => c.folded), ...bigrams.keys()]);
  const expansionWords: string[] = [];
  // A phrase typed twice adds its other forms once.
  for (const expansion of new Set(expansions.map((e) => e.alternatives))) {
    for (const phrase of expansion) {
      phrase.forEach((word, j) => {
        searchTokens.add(word);
        expansionWords.push(word);
        if (j + 1 < phrase.length) searchTokens.add(bigram(word, phrase[j + 1]!));
      });
    }
  }
  if (ordinal) for (const word of ordinalWords(ordinal).map(fold)) {
    searchTokens.add(bigram(word, "la"));
    searchTokens.add(bigram("thu", word));
  }
  const accented = hasDiacritics(question);
  // Read once, on the words with abbreviations written out ("QCDC là gì" → "quy chế dân chủ"); the answer layer reuses it.
  const definitionOf = definedTerm(expandAbbreviations(lexicon, nfc(question).match(/[\p{L}\p{N}]+/gu) ?? []).join(" "), question);
  return {
    question,
    accented,
    concepts,
    bigrams: [...bigrams].map(([token, weight]) => ({ token, weight, alternatives: bigramAlternatives(bigramPositions.get(token) ?? -1) })),
    echo,
    sequence: folded,
    // A numbered heading ("1- …") answers "thứ 1" but not "thứ nhất", which names "Một là"/"Thứ nhất" items.
    ...(ordinal ? { ordinalNumber: ordinal, ordinal: ordinalItemPattern(ordinal, { folded: !accented, digits: folded.some((w, i) => (w === "thu" || w === "buoc" || (w === "so" && namesListItem(folded, i))) && /^\d/.test(folded[i + 1] ?? "")) }) } : {}),
    searchTokens: [...searchTokens],
    embedText: [...tokens.map((t) => t.accented), ...expansionWords].join(" "),
    ...(definitionOf ? { definitionOf } : {}),
  };
}
