/** Vietnamese text normalisation shared by ingest, retrieval and evaluation. */

const COMBINING_MARKS = /\p{M}+/gu;

export function nfc(text: string): string {
  return text.normalize("NFC");
}

const foldCache = new Map<string, string>();

/** Folded form of each character seen so far ("Ố" → "o"): per-character lookups beat normalising whole texts. */
const charFold = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = charFold.get(ch);
  if (folded === undefined) {
    folded = ch.normalize("NFD").replace(COMBINING_MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
    charFold.set(ch, folded);
  }
  return folded;
}

/**
 * The fold of every UTF-16 unit below FOLD_TABLE_SIZE that folds to one unit (Latin letters with their marks,
 * đ, punctuation), filled on first use; 0 where the unit folds to something else (nothing, or several units).
 * Folding a passage is then one table read per character: it was the largest cost of the full-text tokens at
 * ingest (`npm run bench:ingest`, December 2026).
 */
const FOLD_TABLE_SIZE = 0x2100;
let foldTable: Uint16Array | undefined;
/** For the same units: 1 where the fold is a letter or a digit (part of a syllable). */
let wordTable: Uint8Array | undefined;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(FOLD_TABLE_SIZE);
  wordTable = new Uint8Array(FOLD_TABLE_SIZE);
  for (let code = 0; code < FOLD_TABLE_SIZE; code++) {
    // Surrogates are not characters on their own.
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const folded = foldChar(String.fromCharCode(code));
    if (folded.length === 1) table[code] = folded.charCodeAt(0);
    if (folded.length === 1 && LETTER_OR_DIGIT.test(folded)) wordTable[code] = 1;
  }
  return table;
}

/** The folded units back to a string: in the platform's byte order, keeping a leading U+FEFF as the text had it. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const decoder = new TextDecoder(LITTLE_ENDIAN ? "utf-16le" : "utf-16be", { ignoreBOM: true });

function foldUncached(text: string): string {
  const source = text.normalize("NFC");
  const out = foldUnits(source);
  return out ? decoder.decode(out) : foldSlowly(source);
}

/**
 * Each unit of an NFC text folded through the table (a character beyond it folded on its own), or undefined when one
 * does not fold to a single unit. With `bounds`, the start and end of each syllable (run of letters and digits of the
 * fold) are pushed there in pairs.
 */
function foldUnits(source: string, bounds?: number[]): Uint16Array | undefined {
  const table = (foldTable ??= buildFoldTable());
  const isWord = wordTable!;
  const out = new Uint16Array(source.length);
  let start = -1;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    let folded = code < FOLD_TABLE_SIZE ? table[code]! : 0;
    if (folded === 0 && code >= FOLD_TABLE_SIZE && (code < 0xd800 || code > 0xdfff)) {
      const ch = foldChar(source[i]!);
      if (ch.length === 1) folded = ch.charCodeAt(0);
    }
    if (folded === 0) return undefined;
    out[i] = folded;
    if (!bounds) continue;
    const word = code < FOLD_TABLE_SIZE ? isWord[code] === 1 : LETTER_OR_DIGIT.test(String.fromCharCode(folded));
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      bounds.push(start, i);
      start = -1;
    }
  }
  if (bounds && start >= 0) bounds.push(start, source.length);
  return out;
}

/** Character by character, for a text with a character the table does not fold to one unit. */
function foldSlowly(source: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 65 && code <= 90) {
        out += source.slice(start, i) + String.fromCharCode(code + 32);
        start = i + 1;
      }
      continue;
    }
    // A combining mark left over (text that NFC could not compose) folds to nothing.
    out += source.slice(start, i) + foldChar(source[i]!);
    start = i + 1;
  }
  return out + source.slice(start);
}

/** Lower case without diacritics: "Đảng ủy" → "dang uy". Used so queries typed without marks match. */
export function fold(text: string): string {
  // Syllables repeat endlessly and are folded on every hot path: short strings are memoised.
  if (text.length > 16) return foldUncached(text);
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = foldUncached(text);
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}

export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Syllables (Vietnamese words are written as space-separated syllables), lower case, NFC. */
export function syllables(text: string): string[] {
  return nfc(text).toLowerCase().match(WORD) ?? [];
}

/**
 * Folded syllables of a text: the runs of letters and digits of its fold. Folded and split in one pass through the
 * tables (every passage goes through this at ingest); a text with a character the tables do not hold is folded
 * whole, then split.
 */
export function foldedSyllables(text: string): string[] {
  const source = text.normalize("NFC");
  /** Start and end of each syllable, in pairs. */
  const bounds: number[] = [];
  const out = foldUnits(source, bounds);
  if (!out) return splitFolded(foldSlowly(source));
  const folded = decoder.decode(out);
  const words = new Array<string>(bounds.length / 2);
  for (let w = 0; w < words.length; w++) words[w] = folded.slice(bounds[2 * w], bounds[2 * w + 1]);
  return words;
}

function splitFolded(folded: string): string[] {
  // Folded Vietnamese is almost always plain ASCII: splitting it needs no Unicode-aware regex.
  if (/^[\x00-\x7f]*$/.test(folded)) return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  return folded.match(WORD) ?? [];
}

/**
 * The comparison used by the evaluation: NFC, lower case, whitespace runs to one space,
 * markdown `*` and `_` removed, typographic quotes to straight ones.
 */
export function normalizeForMatch(text: string): string {
  return nfc(text)
    .toLowerCase()
    .replace(/[*_]/g, "")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Collapses whitespace for display: the words stay verbatim, hard line breaks go. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
