import { z } from "zod";

/** Document frequencies of folded syllables and syllable bigrams over all passages. */
export const termStatsSchema = z.object({
  passages: z.number().int().nonnegative(),
  df: z.record(z.string(), z.number().int().positive()),
});
export type TermStatsData = z.infer<typeof termStatsSchema>;

export class TermStats {
  readonly passages: number;
  private readonly df: Map<string, number>;

  constructor(data: TermStatsData) {
    this.passages = data.passages;
    this.df = new Map(Object.entries(data.df));
  }

  static fromTokenSets(sets: Iterable<Iterable<string>>, minBigramDf = 2): TermStats {
    const counter = new DocumentFrequencies();
    for (const set of sets) counter.add(set);
    return counter.toStats(minBigramDf);
  }

  /** In how many passages a term occurs (0 for a term the corpus never uses). */
  documentFrequency(token: string): number {
    return this.df.get(token) ?? 0;
  }

  private readonly idfCache = new Map<string, number>();

  /** BM25-style inverse document frequency; a term never seen weighs most. (Memoised: it is asked for on every hot path.) */
  idf(token: string): number {
    let value = this.idfCache.get(token);
    if (value === undefined) {
      const n = this.passages;
      const df = this.df.get(token) ?? (token.includes("_") ? 0.5 : 0);
      value = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      if (this.idfCache.size > 500_000) this.idfCache.clear();
      this.idfCache.set(token, value);
    }
    return value;
  }

  toJSON(): TermStatsData {
    return { passages: this.passages, df: Object.fromEntries(this.df) };
  }
}

/** Counts document frequencies passage by passage. */
export class DocumentFrequencies {
  private readonly df = new Map<string, number>();
  private passages = 0;

  add(tokens: Iterable<string>): void {
    this.passages += 1;
    for (const token of new Set(tokens)) this.df.set(token, (this.df.get(token) ?? 0) + 1);
  }

  /** `always`: bigrams kept even when seen once (the names of places, whose absence answers questions). */
  toStats(minBigramDf = 2, always: ReadonlySet<string> = new Set()): TermStats {
    // Bigrams seen once carry little and make up most of the table: they are left out to keep it small.
    const kept: Record<string, number> = {};
    for (const [token, count] of this.df) if (count >= minBigramDf || !token.includes("_") || always.has(token)) kept[token] = count;
    return new TermStats({ passages: this.passages, df: kept });
  }
}
