import { fold, foldedSyllables, hasDiacritics, syllables } from "./normalize.ts";

/**
 * Phrases that ask rather than say ("là gì", "như thế nào"): they carry no content and,
 * being absent from the documents, would otherwise make every question look uncovered.
 * Longest first so "như thế nào" goes before "thế nào".
 */
const QUESTION_PHRASES = [
  "gồm những gì", "bao gồm những gì", "gồm những ai", "là những gì", "là những ai", "có những gì",
  "như thế nào", "thế nào", "ra sao", "là gì", "là ai", "những ai", "những gì", "bao nhiêu", "bao lâu",
  "ở đâu", "khi nào", "lúc nào", "tại sao", "vì sao", "có phải", "hay không", "được không", "có không",
  "cho biết", "cho hỏi", "cho tôi hỏi", "xin hỏi", "hãy nêu", "nêu rõ", "nêu", "hỏi",
  "gì", "nào", "ai", "sao", "đâu", "không", "ạ", "nhỉ", "vậy", "hả", "à", "nhé",
  "tôi", "mình", "em", "anh", "chị", "bạn",
].map((phrase) => syllables(phrase));

/** Function words: kept in the index (phrases need them) but not counted as content of a question. */
const FUNCTION_WORDS = new Set(
  [
    "của", "và", "các", "những", "là", "thì", "mà", "có", "được", "cho", "với", "để", "trong", "về",
    "theo", "này", "đó", "khi", "một", "đã", "sẽ", "đang", "cũng", "như", "từ", "tại", "ở", "hay",
    "hoặc", "bị", "do", "vì", "nên", "rất", "lại", "ra", "vào", "phải", "cần", "gồm", "đối", "việc",
  ],
);
const FUNCTION_WORDS_FOLDED = new Set([...FUNCTION_WORDS].map(fold));

/** Folded syllables that cannot be anything but a question word when typed without marks. */
const UNAMBIGUOUS_FOLDED_QUESTION = new Set(["gi", "nao", "sao", "ai", "dau", "khong", "nhi", "vay"]);

export type QueryToken = { accented: string; folded: string; content: boolean };

/** Splits a question into syllables, marks question words and function words as non-content. */
export function analyseQuestion(question: string, options: { keepQuestionWords?: boolean } = {}): QueryToken[] {
  const tokens = syllables(question);
  const accentedQuery = hasDiacritics(question);
  const dropped = new Array<boolean>(tokens.length).fill(false);
  for (const phrase of QUESTION_PHRASES) {
    const foldedPhrase = phrase.map(fold);
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      let match = true;
      for (let j = 0; j < phrase.length && match; j++) {
        const token = tokens[i + j]!;
        const typedWithoutMarks = !accentedQuery || !hasDiacritics(token);
        match = token === phrase[j] || (typedWithoutMarks && fold(token) === foldedPhrase[j] && (phrase.length > 1 || UNAMBIGUOUS_FOLDED_QUESTION.has(fold(token))));
      }
      if (match) for (let j = 0; j < phrase.length; j++) dropped[i + j] = true;
    }
  }
  return tokens.map((accented, i) => {
    const folded = fold(accented);
    const isFunction = FUNCTION_WORDS.has(accented) || (!hasDiacritics(accented) && FUNCTION_WORDS_FOLDED.has(folded) && !accentedQuery);
    return { accented, folded, content: !dropped[i] && !isFunction };
  }).filter((_, i) => options.keepQuestionWords || !dropped[i]);
}

export function bigram(a: string, b: string): string {
  return `${a}_${b}`;
}

/** Folded unigrams and syllable bigrams of a text: what the full-text index stores. */
export function searchTokens(text: string): string[] {
  const folded = foldedSyllables(text);
  const out: string[] = [...folded];
  for (let i = 0; i + 1 < folded.length; i++) out.push(bigram(folded[i]!, folded[i + 1]!));
  return out;
}

/** Folded question words a heading may use ("DÂN VẬN LÀ GÌ ?"): they ask, they do not name anything. */
const QUESTION_WORDS_FOLDED = new Set(["gi", "nao", "sao", "ai"]);

export function isQuestionWord(folded: string): boolean {
  return QUESTION_WORDS_FOLDED.has(folded);
}

export function isFunctionWord(folded: string): boolean {
  return FUNCTION_WORDS_FOLDED.has(folded);
}
