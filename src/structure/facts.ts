import { readFile } from "node:fs/promises";
import { z } from "zod";
import { AppError } from "../errors.ts";
import type { TermStats } from "../index/term-stats.ts";
import { foldedSyllables } from "../text/normalize.ts";
import { isFunctionWord, isQuestionWord } from "../text/terms.ts";
import { withoutOutlineNumber } from "../text/drafting.ts";
import { isLabelHeading, isRealHeading } from "./blocks.ts";

/**
 * The responsibilities and procedures table: every list of the corpus with whom or what it belongs
 * to ("Ban Chấp hành Công đoàn cơ quan" → its duties; "xây dựng mô hình dân vận" → its steps) and
 * the passage that holds it. Built at ingest, one file per index generation; used to answer "X có
 * trách nhiệm gì" from X's own list and "ai chịu trách nhiệm Y" by finding Y among the duties.
 */

export const factSchema = z.object({
  passageId: z.string(),
  /** Source file, so an incremental ingest can keep the facts of files it did not touch. */
  path: z.string(),
  /** The document (a file may hold several); absent in tables written before it was recorded. */
  docId: z.string().optional(),
  kind: z.enum(["steps", "list"]),
  /** The actor or procedure, as written ("Thủ trưởng cơ quan (chính quyền)"). */
  subject: z.string(),
  headings: z.array(z.string()),
  lead: z.string(),
  items: z.array(z.string()),
  /** For a list spread over several passages (the numbered parts of a text): the passage of each item. */
  itemPassages: z.array(z.string()).optional(),
  /** The items are the numbered parts of a text (their headings), not a list of duties or steps. */
  outline: z.boolean().optional(),
  /** The items are the parts of an assignment clause ("5- Ban Dân vận Tỉnh ủy tham mưu …; …"): one actor's duties. */
  assignment: z.boolean().optional(),
});
export type Fact = z.infer<typeof factSchema>;
export const factsFileSchema = z.array(factSchema);

/** Reads a facts file written by the index writer; a missing file is an empty table. */
export async function readFactsFile(file: string): Promise<Fact[]> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const parsed = factsFileSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new AppError("invalid:index", `Bảng trách nhiệm ${file} hỏng. Hãy chạy: npm run ingest -- --rebuild`, { file });
  return parsed.data;
}

export const contentWords = (text: string) => foldedSyllables(text).filter((w) => !isFunctionWord(w));

export type SubjectMatch = { fact: Fact; match: number };
export type DutyMatch = { fact: Fact; item: number; match: number };

/**
 * The names a list goes by, as content words (without the question words of a heading such as "DÂN VẬN LÀ GÌ ?"): its subject ("đoàn thể") and the deepest real heading
 * above it ("Các tổ chức đoàn thể làm tham mưu, nòng cốt trong công tác dân vận").
 */
export function subjectNames(subject: string, headings: readonly string[]): string[][] {
  const leaf = [...headings].reverse().find((h) => isRealHeading(h) && !isLabelHeading(h));
  const nameWords = (text: string) => contentWords(text).filter((w) => !isQuestionWord(w));
  const names = [nameWords(subject), ...(leaf ? [nameWords(withoutOutlineNumber(leaf))] : [])].filter((n) => n.length > 0);
  return names.length === 2 && names[0]!.join(" ") === names[1]!.join(" ") ? [names[0]!] : names;
}

/** Items of one list that "who" questions look among (a list longer than this is an outline, not duties). */
const ITEMS_PER_LIST = 1024;

export class FactTable {
  readonly facts: readonly Fact[];
  private readonly names: string[][][];
  /** For each content word of the items, the items that use it (list index × 1024 + item index): smaller than a word set per item. */
  private readonly itemsByWord = new Map<string, number[]>();
  /** For each word of a list's names, the lists whose names use it: a question's words find their lists without a scan. */
  private readonly byNameWord = new Map<string, number[]>();
  /** For each passage, the lists that start in it or hold one of their items there. */
  private readonly byPassage = new Map<string, number[]>();
  /** For each document, its lists. */
  private readonly byDocument = new Map<string, number[]>();

  constructor(facts: Fact[]) {
    this.facts = facts;
    this.names = facts.map((f) => subjectNames(f.subject, f.headings));
    facts.forEach((fact, f) => {
      fact.items.forEach((item, i) => {
        if (i >= ITEMS_PER_LIST) return;
        for (const word of new Set(contentWords(item))) {
          const items = this.itemsByWord.get(word);
          if (items) items.push(f * ITEMS_PER_LIST + i);
          else this.itemsByWord.set(word, [f * ITEMS_PER_LIST + i]);
        }
      });
    });
    facts.forEach((fact, i) => {
      if (fact.docId) {
        const inDocument = this.byDocument.get(fact.docId);
        if (inDocument) inDocument.push(i);
        else this.byDocument.set(fact.docId, [i]);
      }
      for (const id of new Set([fact.passageId, ...(fact.itemPassages ?? [])])) {
        const lists = this.byPassage.get(id);
        if (lists) lists.push(i);
        else this.byPassage.set(id, [i]);
      }
    });
    this.names.forEach((names, i) => {
      for (const word of new Set(names.flat())) {
        const lists = this.byNameWord.get(word);
        if (lists) lists.push(i);
        else this.byNameWord.set(word, [i]);
      }
    });
  }

  /** The lists that start in one of these passages or hold an item there, in table order. */
  touching(passageIds: Iterable<string>): Fact[] {
    const found = new Set<number>();
    for (const id of passageIds) for (const i of this.byPassage.get(id) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => this.facts[i]!);
  }

  /** The lists of these documents, in table order. */
  inDocuments(docIds: Iterable<string>): Fact[] {
    const found = new Set<number>();
    for (const docId of docIds) for (const i of this.byDocument.get(docId) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => this.facts[i]!);
  }

  /**
   * Lists whose subject is the actor named (IDF-weighted F1 of the two word sets), best first: "Ban
   * Chấp hành Công đoàn cơ quan" matches its own heading fully and "Thủ trưởng cơ quan" only on "cơ quan".
   */
  bySubject(scoreOf: (subjectWords: string[]) => number, min = 0.5, sharing?: ReadonlySet<string>): SubjectMatch[] {
    const out: SubjectMatch[] = [];
    // A name that shares no word with the question cannot match it: only lists reached through a shared word are scored.
    const candidates = sharing ? [...new Set([...sharing].flatMap((w) => this.byNameWord.get(w) ?? []))].sort((a, b) => a - b) : this.facts.map((_, i) => i);
    // Many lists go by the same name (one heading over several lists): each name is scored once.
    const scored = new Map<string, number>();
    const score = (name: string[]) => {
      const key = name.join(" ");
      let value = scored.get(key);
      if (value === undefined) scored.set(key, (value = scoreOf(name)));
      return value;
    };
    for (const i of candidates) {
      const names = sharing ? this.names[i]!.filter((name) => name.some((w) => sharing.has(w))) : this.names[i]!;
      if (names.length === 0) continue;
      const match = Math.max(0, ...names.map(score));
      if (match >= min) out.push({ fact: this.facts[i]!, match });
    }
    return out.sort((a, b) => b.match - a.match);
  }

  /** The items that state a duty ("tạo điều kiện để Ban Thanh tra nhân dân … hoạt động"), best first. */
  byDuty(duty: string[], stats: TermStats, min = 0.6): DutyMatch[] {
    const wanted = [...new Set(duty.filter((w) => !isFunctionWord(w)))];
    const total = wanted.reduce((n, w) => n + stats.idf(w), 0);
    if (total === 0) return [];
    const sums = new Map<number, number>();
    for (const word of wanted) for (const key of this.itemsByWord.get(word) ?? []) sums.set(key, (sums.get(key) ?? 0) + stats.idf(word));
    const out: DutyMatch[] = [];
    for (const key of [...sums.keys()].sort((a, b) => a - b)) {
      const f = Math.floor(key / ITEMS_PER_LIST);
      // Duties are the items of an actor's own list, not the numbered parts of a text.
      if (!this.facts[f]!.subject || this.facts[f]!.outline) continue;
      const match = sums.get(key)! / total;
      if (match >= min) out.push({ fact: this.facts[f]!, item: key % ITEMS_PER_LIST, match });
    }
    return out.sort((a, b) => b.match - a.match);
  }
}

/**
 * A word's weight in actor names: its IDF with a floor, because in a small corpus the words of a name
 * ("công", "cơ quan") are common and their IDF near zero, yet they still tell actors apart.
 */
const nameWeight = (word: string, stats: TermStats) => stats.idf(word) + NAME_WEIGHT_FLOOR;
/** Chosen on the training sets (test/fixtures/answer-train-*.jsonl). */
const NAME_WEIGHT_FLOOR = 0.3;

/** IDF-weighted share of an actor's name (as a document writes it) that a question repeats: "đoàn thể" in "đoàn thể trong cơ quan làm những gì". */
export function containment(subject: string[], question: ReadonlySet<string>, stats: TermStats): number {
  const words = [...new Set(subject)];
  const total = words.reduce((n, w) => n + nameWeight(w, stats), 0);
  return total > 0 ? words.reduce((n, w) => n + (question.has(w) ? nameWeight(w, stats) : 0), 0) / total : 0;
}

/**
 * How well the actor a question names matches an actor's name in a document: an F-score weighted
 * towards recall (β = 2), because a question shortens names ("công đoàn cơ quan" for "Ban Chấp hành
 * Công đoàn cơ quan") but should not lose words to another actor ("Thủ trưởng cơ quan" shares only "cơ quan").
 */
export function subjectMatch(focus: string[], subject: string[], stats: TermStats, elsewhere?: ReadonlySet<string>): number {
  if (focus.length === 0 || subject.length === 0) return 0;
  const have = new Set(subject);
  const asked = new Set(focus);
  // A name's words the question uses outside its focus ("đoàn thể … vai trò nòng cốt" for "Các tổ chức
  // đoàn thể làm tham mưu, nòng cốt") are not extra words: they count for precision, not for recall.
  const used = elsewhere ? new Set([...asked, ...[...have].filter((w) => elsewhere.has(w))]) : asked;
  const weight = (words: Iterable<string>) => [...words].reduce((n, w) => n + nameWeight(w, stats), 0);
  const recall = weight([...asked].filter((w) => have.has(w))) / Math.max(1e-9, weight(asked));
  const precision = weight([...have].filter((w) => used.has(w))) / Math.max(1e-9, weight(have));
  const beta2 = 4;
  return recall + precision > 0 ? ((1 + beta2) * recall * precision) / (beta2 * precision + recall) : 0;
}
