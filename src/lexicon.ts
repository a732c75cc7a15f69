import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { fold, nfc, syllables } from "./text/normalize.ts";
import { bigram } from "./text/terms.ts";

/**
 * The domain lexicon is data (knowledge/lexicon.yaml), edited by admins:
 * abbreviations ("QCDC" → "Quy chế dân chủ") and groups of near-synonyms.
 */
export const lexiconSchema = z.object({
  abbreviations: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  /** Provinces and cities: a question naming one the documents never mention is not covered by them. */
  places: z.array(z.string().min(1)).default([]),
  /**
   * A kind of body and its members ("đoàn thể": công đoàn, đoàn thanh niên, hội phụ nữ …): a question that names
   * several members together asks about the kind, which the documents name.
   */
  members: z.record(z.string().min(1), z.array(z.string().min(1)).min(2)).default({}),
});
export type LexiconData = z.infer<typeof lexiconSchema>;

/** A phrase as folded syllables, e.g. ["quy", "che", "dan", "chu"]. */
export type Phrase = string[];

export type Lexicon = {
  /** Groups of interchangeable phrases; an abbreviation and its expansions form one group. */
  groups: Phrase[][];
  /** Folded abbreviation → its first full form ("bch" → ["ban", "chap", "hanh"]), to read a question in full words. */
  abbreviations: ReadonlyMap<string, Phrase>;
  /**
   * Abbreviation as written (NFC, capitals) → its first full form: typed in capitals, an abbreviation is
   * read as written before it is folded, so "TU" (Tỉnh ủy) and "TƯ" (Trung ương) stay apart.
   */
  asWritten: ReadonlyMap<string, Phrase>;
  /** Places by name (two syllables or more), as written and folded. */
  places: ReadonlyArray<{ name: string; phrase: Phrase }>;
  /** Kinds of body and their members, folded (`members` in the file). */
  kinds: ReadonlyArray<{ kind: Phrase; members: Phrase[] }>;
};

/** A Vietnamese syllable shape: an abbreviation that looks like one ("TƯ" → "tu") is only read as an abbreviation when typed in capitals. */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

export function buildLexicon(data: LexiconData): Lexicon {
  const toPhrase = (text: string): Phrase => syllables(text).map(fold);
  const groups: Phrase[][] = [];
  for (const [abbreviation, expansions] of Object.entries(data.abbreviations)) {
    const short = toPhrase(abbreviation);
    // "TƯ" folds to "tu", which is also "từ", "tư", "tự": such an abbreviation never stands in for
    // words in passages or questions; it is read as one only when typed in capitals (expandAbbreviations).
    if (short.length === 1 && SYLLABLE.test(short[0]!)) continue;
    groups.push([short, ...expansions.map(toPhrase)]);
  }
  for (const group of data.synonyms) groups.push(group.map(toPhrase));
  const abbreviations = new Map<string, Phrase>();
  const asWritten = new Map<string, Phrase>();
  for (const [abbreviation, expansions] of Object.entries(data.abbreviations)) {
    const short = toPhrase(abbreviation);
    if (short.length !== 1 || !expansions[0]) continue;
    // Two abbreviations that fold alike ("TU", "TƯ"): the first written keeps the folded form.
    if (!abbreviations.has(short[0]!)) abbreviations.set(short[0]!, toPhrase(expansions[0]));
    asWritten.set(nfc(abbreviation).toUpperCase(), toPhrase(expansions[0]));
  }
  const places = data.places.map((name) => ({ name, phrase: toPhrase(name) })).filter((place) => place.phrase.length >= 2);
  const kinds = Object.entries(data.members).map(([kind, members]) => ({ kind: toPhrase(kind), members: members.map(toPhrase).filter((m) => m.length > 0) }));
  return { groups: groups.map((group) => group.filter((phrase) => phrase.length > 0)).filter((group) => group.length > 1), abbreviations, asWritten, places, kinds };
}

export const emptyLexicon: Lexicon = { groups: [], abbreviations: new Map(), asWritten: new Map(), places: [], kinds: [] };

/** The syllable pairs of the places' names: kept in the term statistics even when only one passage has them. */
export function placeBigrams(lexicon: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const { phrase } of lexicon.places) for (let i = 0; i + 1 < phrase.length; i++) out.add(bigram(phrase[i]!, phrase[i + 1]!));
  return out;
}


/**
 * The question's syllables with abbreviations written out ("BCH CĐ cơ quan" → "ban chấp hành công
 * đoàn cơ quan", folded), for finding what the question is about.
 */
export function expandAbbreviations(lexicon: Lexicon, typed: string[]): string[] {
  const out: string[] = [];
  for (const word of typed) {
    const folded = fold(word);
    const capitals = word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word);
    const full = (capitals ? lexicon.asWritten.get(nfc(word)) : undefined) ?? lexicon.abbreviations.get(folded);
    if (full && (capitals || !SYLLABLE.test(folded))) out.push(...full);
    else out.push(folded);
  }
  return out;
}

export type LoadedLexicon = { lexicon: Lexicon; hash: string };

/** Loads and validates the lexicon; a missing file is an empty lexicon. `hash` identifies its content. */
export async function loadLexicon(file: string): Promise<LoadedLexicon> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { lexicon: emptyLexicon, hash: "none" };
    throw error;
  }
  const hash = createHash("sha256").update(raw).digest("hex").slice(0, 16);
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch (error) {
    throw new AppError("invalid:lexicon", `Tệp từ điển ${file} không đọc được: ${(error as Error).message}`, { file });
  }
  const parsed = lexiconSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(gốc)"}: ${issue.message}`).join("; ");
    throw new AppError("invalid:lexicon", `Tệp từ điển ${file} sai định dạng: ${where}`, { file });
  }
  return { lexicon: buildLexicon(parsed.data), hash };
}

/** Where a phrase starts in a list of folded words, or -1. */
export function findPhrase(tokens: string[], phrase: Phrase, from = 0): number {
  outer: for (let i = from; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

export type Expansion = {
  /** Positions in the folded token list covered by the phrase found in the question. */
  start: number;
  end: number;
  /** Phrases that may stand in for it in a passage. */
  alternatives: Phrase[];
};

/** Finds lexicon phrases in a question's folded tokens and what may replace each. */
export function expandQuery(lexicon: Lexicon, foldedTokens: string[]): Expansion[] {
  const found: Expansion[] = [];
  for (const group of lexicon.groups) {
    for (const phrase of group) {
      let start = findPhrase(foldedTokens, phrase);
      if (start < 0) continue;
      // Every place it is typed ("Bí thư ĐUK … Đảng ủy Khối (ĐUK)"): each is met by the group's other forms.
      const alternatives = group.filter((other) => other !== phrase);
      while (start >= 0) {
        found.push({ start, end: start + phrase.length, alternatives });
        start = findPhrase(foldedTokens, phrase, start + phrase.length);
      }
      break;
    }
  }
  return found;
}

/** Abbreviations and phrases of the lexicon found in a passage, as the other forms of their group (index-side expansion). */
export function expansionsIn(lexicon: Lexicon, foldedTokens: string[]): Phrase[] {
  // Word by word through an index of the one-word phrases (every passage is expanded at ingest), then in the groups' order.
  const index = oneWordIndex(lexicon);
  const found = new Set<number>();
  for (const token of foldedTokens) {
    const groups = index.get(token);
    if (groups) for (const g of groups) found.add(g);
  }
  const out: Phrase[] = [];
  for (const g of [...found].sort((a, b) => a - b)) {
    const group = lexicon.groups[g]!;
    const present = group.find((phrase) => phrase.length === 1 && foldedTokens.includes(phrase[0]!))!;
    out.push(...group.filter((phrase) => phrase !== present));
  }
  return out;
}

/** For each one-word phrase of the lexicon, the groups it belongs to (built once per lexicon). */
const oneWordIndexes = new WeakMap<Lexicon, Map<string, number[]>>();
function oneWordIndex(lexicon: Lexicon): Map<string, number[]> {
  let index = oneWordIndexes.get(lexicon);
  if (!index) {
    index = new Map();
    lexicon.groups.forEach((group, g) => {
      for (const phrase of group) if (phrase.length === 1) index!.set(phrase[0]!, [...(index!.get(phrase[0]!) ?? []), g]);
    });
    oneWordIndexes.set(lexicon, index);
  }
  return index;
}
