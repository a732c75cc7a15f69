/** Vietnamese text normalisation shared by ingest, retrieval and evaluation. */

const COMBINING_MARKS = /\p{M}+/gu;

export function nfc(text: string): string {
  return text.normalize("NFC");
}

/** Lower case without diacritics: "Đảng ủy" → "dang uy". Used so queries typed without marks match. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
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

/** Removes markdown emphasis markers (`**bold**`, `*italic*`, `__x__`) without touching list dashes. */
export function stripEmphasis(text: string): string {
  return text
    .replace(/\*{2,}/g, " ")
    .replace(/(^|[\s("“'])\*(?=\S)/g, "$1")
    .replace(/(?<=\S)\*(?=$|[\s)"”',.;:!?])/g, "")
    .replace(/(^|\s)_{1,2}(?=\S)/g, "$1")
    .replace(/(?<=\S)_{1,2}(?=$|[\s,.;:!?])/g, "")
    .replace(/[ \t]{2,}/g, " ");
}
