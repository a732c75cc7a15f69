import { isFunctionWord } from "../text/terms.ts";
import { foldedSyllables } from "../text/normalize.ts";
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

const FNV_OFFSET = 0x811c9dc5;
/** Passages whose features the exact similarity keeps (oldest dropped first). */
const PASSAGE_CACHE = 4000;

/** FNV-1a, 32 bit, continuing from `h` so keys can be hashed in parts without building strings. */
function hashFrom(h: number, text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Euclidean length of a list of weights. */
function lengthOf(values: Iterable<number>): number {
  let sum = 0;
  for (const value of values) sum += value * value;
  return Math.sqrt(sum);
}

/** Sparse features of a text: 32-bit feature hash → weight, before any folding into a vector. */
type Features = Map<number, number>;

export class LocalEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  private readonly stats: TermStats | undefined;
  /** Passage features for the exact similarity, kept for passages seen again (a few thousand at most). */
  private readonly passageCache = new Map<string, { features: Features; norm: number }>();

  constructor(dimension = 512, stats?: TermStats) {
    this.info = { provider: "local", model: LOCAL_MODEL, dimension };
    this.stats = stats;
  }

  /** The same embedder, weighting question terms by the corpus statistics of an index. */
  withStats(stats: TermStats): LocalEmbedder {
    return new LocalEmbedder(this.info.dimension, stats);
  }

  /** Weighted features of a text: folded syllables, syllable bigrams and character trigrams. */
  private features(text: string, purpose: "document" | "query"): Features {
    const features: Features = new Map();
    for (const [h, [weight, count, idf]] of this.counts(text, purpose)) features.set(h, weight * (1 + Math.log(count)) * idf);
    return features;
  }

  /** Feature hash → [weight, count, idf]: what `features` and `embedOne` are made from. */
  private counts(text: string, purpose: "document" | "query"): Map<number, [number, number, number]> {
    const weighQuery = purpose === "query" && this.stats !== undefined;
    // hash of the feature key → [weight, count, idf]; keys are hashed in parts, never built as strings
    // (the same hashes as hashing "word", "word_next" and "~abc").
    const counts = new Map<number, [number, number, number]>();
    const add = (h: number, weight: number, idfOf: (() => number) | undefined) => {
      const key = h >>> 0;
      const seen = counts.get(key);
      if (seen) seen[1] += 1;
      else counts.set(key, [weight, 1, idfOf ? idfOf() : 1]);
    };
    const words = foldedSyllables(text);
    const tilde = hashFrom(FNV_OFFSET, "~");
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const wordHash = hashFrom(FNV_OFFSET, word);
      add(wordHash, isFunctionWord(word) ? WEIGHT.functionWord : WEIGHT.unigram, weighQuery ? () => this.stats!.idf(word) : undefined);
      const next = words[i + 1];
      if (next !== undefined) add(hashFrom(hashFrom(wordHash, "_"), next), WEIGHT.bigram, weighQuery ? () => this.stats!.idf(`${word}_${next}`) : undefined);
      if (word.length > 2) {
        const padded = `#${word}#`;
        for (let j = 0; j + 3 <= padded.length; j++) add(hashFrom(tilde, padded, j, j + 3), WEIGHT.trigram, undefined);
      }
    }
    return counts;
  }

  embedOne(text: string, purpose: "document" | "query"): Float32Array {
    const dimension = this.info.dimension;
    const vector = new Float32Array(dimension);
    for (const [h, [weight, count, idf]] of this.counts(text, purpose)) {
      const value = weight * (1 + Math.log(count)) * idf;
      vector[h % dimension]! += h & 0x80000000 ? -value : value;
    }
    const norm = lengthOf(vector) || 1;
    for (let i = 0; i < dimension; i++) vector[i]! /= norm;
    return vector;
  }

  async embed(texts: string[], purpose: "document" | "query"): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text, purpose));
  }

  /**
   * The cosine a question has with passages over the whole feature space. Stored vectors fold a
   * passage's features into `dimension` cells, where a rare question term can collide with a
   * common passage term; that is fine for finding candidates, not for ordering them.
   */
  similarity(question: string): (passage: { id: string; text: string }) => number {
    const query = this.features(question, "query");
    const queryNorm = lengthOf(query.values());
    return ({ id, text }) => {
      if (queryNorm === 0) return 0;
      let cached = this.passageCache.get(id);
      if (!cached) {
        const features = this.features(text, "document");
        cached = { features, norm: lengthOf(features.values()) };
        if (this.passageCache.size >= PASSAGE_CACHE) this.passageCache.delete(this.passageCache.keys().next().value!);
        this.passageCache.set(id, cached);
      }
      if (cached.norm === 0) return 0;
      let dot = 0;
      for (const [h, value] of query) dot += value * (cached.features.get(h) ?? 0);
      return dot / (queryNorm * cached.norm);
    };
  }
}
