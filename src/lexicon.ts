import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { fold, syllables } from "./text/normalize.ts";

/**
 * The domain lexicon is data (knowledge/lexicon.yaml), edited by admins:
 * abbreviations ("QCDC" → "Quy chế dân chủ") and groups of near-synonyms.
 */
export const lexiconSchema = z.object({
  abbreviations: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
});
export type LexiconData = z.infer<typeof lexiconSchema>;

/** A phrase as folded syllables, e.g. ["quy", "che", "dan", "chu"]. */
export type Phrase = string[];

export type Lexicon = {
  /** Groups of interchangeable phrases; an abbreviation and its expansions form one group. */
  groups: Phrase[][];
};

export function buildLexicon(data: LexiconData): Lexicon {
  const toPhrase = (text: string): Phrase => syllables(text).map(fold);
  const groups: Phrase[][] = [];
  for (const [abbreviation, expansions] of Object.entries(data.abbreviations)) {
    groups.push([toPhrase(abbreviation), ...expansions.map(toPhrase)]);
  }
  for (const group of data.synonyms) groups.push(group.map(toPhrase));
  return { groups: groups.map((group) => group.filter((phrase) => phrase.length > 0)).filter((group) => group.length > 1) };
}

export const emptyLexicon: Lexicon = { groups: [] };

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

function findPhrase(tokens: string[], phrase: Phrase): number {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
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
      const start = findPhrase(foldedTokens, phrase);
      if (start < 0) continue;
      found.push({ start, end: start + phrase.length, alternatives: group.filter((other) => other !== phrase) });
      break;
    }
  }
  return found;
}

/** Abbreviations and phrases of the lexicon found in a passage, as the other forms of their group (index-side expansion). */
export function expansionsIn(lexicon: Lexicon, foldedTokens: string[]): Phrase[] {
  const out: Phrase[] = [];
  const tokens = new Set(foldedTokens);
  for (const group of lexicon.groups) {
    const present = group.find((phrase) => phrase.length === 1 && tokens.has(phrase[0]!));
    if (present) out.push(...group.filter((phrase) => phrase !== present));
  }
  return out;
}
