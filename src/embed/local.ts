import { bigram, isFunctionWord } from "../text/terms.ts";
import { fold, syllables } from "../text/normalize.ts";
import type { TermStats } from "../index/term-stats.ts";
import type { Embedder, EmbedderInfo } from "./embedder.ts";

/**
 * The default embedder: in-process, deterministic, no model to download. A text becomes a hashed
 * bag of folded syllables, syllable bigrams and character trigrams (which survive typos and missing
 * diacritics). Passage vectors do not depend on the corpus, so an incremental ingest never has to
 * re-embed old passages; question vectors weight each term by its rarity in the corpus (IDF), which
 * makes the cosine an IDF-weighted overlap.
 */
export const LOCAL_MODEL = "hashed-ngrams-v1";

const WEIGHT = { unigram: 1, functionWord: 0.25, bigram: 1.3, trigram: 0.3 };

function hash(text: string): number {
  // FNV-1a, 32 bit.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Feature = { key: string; weight: number; lexical: boolean };

export function features(text: string): Feature[] {
  const words = syllables(text).map(fold);
  const out: Feature[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    out.push({ key: word, weight: isFunctionWord(word) ? WEIGHT.functionWord : WEIGHT.unigram, lexical: true });
    if (i + 1 < words.length) out.push({ key: bigram(word, words[i + 1]!), weight: WEIGHT.bigram, lexical: true });
    const padded = `#${word}#`;
    if (padded.length > 4) for (let j = 0; j + 3 <= padded.length; j++) out.push({ key: `~${padded.slice(j, j + 3)}`, weight: WEIGHT.trigram, lexical: false });
  }
  return out;
}

export class LocalEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  private readonly stats: TermStats | undefined;

  constructor(dimension = 512, stats?: TermStats) {
    this.info = { provider: "local", model: LOCAL_MODEL, dimension };
    this.stats = stats;
  }

  /** The same embedder, weighting question terms by the corpus statistics of an index. */
  withStats(stats: TermStats): LocalEmbedder {
    return new LocalEmbedder(this.info.dimension, stats);
  }

  embedOne(text: string, purpose: "document" | "query"): Float32Array {
    const dimension = this.info.dimension;
    const counts = new Map<string, Feature & { count: number }>();
    for (const feature of features(text)) {
      const seen = counts.get(feature.key);
      if (seen) seen.count += 1;
      else counts.set(feature.key, { ...feature, count: 1 });
    }
    const vector = new Float32Array(dimension);
    for (const { key, weight, lexical, count } of counts.values()) {
      let value = weight * (1 + Math.log(count));
      if (purpose === "query" && lexical && this.stats) value *= this.stats.idf(key);
      const h = hash(key);
      vector[h % dimension]! += h & 0x80000000 ? -value : value;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dimension; i++) vector[i]! /= norm;
    return vector;
  }

  async embed(texts: string[], purpose: "document" | "query"): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text, purpose));
  }
}
