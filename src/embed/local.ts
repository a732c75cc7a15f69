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
const PASSAGE_CACHE = 1000;

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

/** Feature kinds, in the order their weights are packed with a count (count × 4 + kind): no object per feature. */
const KIND_WEIGHTS = [WEIGHT.unigram, WEIGHT.functionWord, WEIGHT.bigram, WEIGHT.trigram];
const KIND = { unigram: 0, functionWord: 1, bigram: 2, trigram: 3 };

const TILDE = hashFrom(FNV_OFFSET, "~");
/** Syllables whose hashes are kept (they repeat endlessly; oldest dropped first). */
const WORD_CACHE = 50_000;
const wordCache = new Map<string, Int32Array>();

/**
 * A syllable's hashes: [its own, the start of its bigram key "word_", its own kind (unigram or
 * function word), then its character trigrams of "#word#"] (the same hashes as hashing "word",
 * "word_next" and "~abc" whole).
 */
function wordParts(word: string): Int32Array {
  let parts = wordCache.get(word);
  if (parts) return parts;
  const own = hashFrom(FNV_OFFSET, word);
  const trigrams = word.length > 2 ? word.length : 0;
  parts = new Int32Array(3 + trigrams);
  parts[0] = own;
  parts[1] = hashFrom(own, "_");
  parts[2] = isFunctionWord(word) ? KIND.functionWord : KIND.unigram;
  if (trigrams > 0) {
    const padded = `#${word}#`;
    for (let j = 0; j + 3 <= padded.length; j++) parts[3 + j] = hashFrom(TILDE, padded, j, j + 3);
  }
  if (wordCache.size >= WORD_CACHE) wordCache.delete(wordCache.keys().next().value!);
  wordCache.set(word, parts);
  return parts;
}

/**
 * A passage's features without IDF, counted in an open-addressing table of typed arrays (a Map keyed
 * by 32-bit hashes allocates a number per key): hash → count × 4 + kind, the first kind seen for a
 * hash winning, visited in the order first seen.
 */
class FeatureCounts {
  private keys = new Int32Array(1024);
  private values = new Int32Array(1024);
  private order = new Int32Array(512);
  size = 0;

  reset(expected: number): void {
    for (let i = 0; i < this.size; i++) this.values[this.order[i]!] = 0;
    this.size = 0;
    if (expected * 2 > this.keys.length) {
      let capacity = this.keys.length;
      while (expected * 2 > capacity) capacity *= 2;
      this.keys = new Int32Array(capacity);
      this.values = new Int32Array(capacity);
      this.order = new Int32Array(capacity / 2);
    }
  }

  add(h: number, kind: number): void {
    const mask = this.keys.length - 1;
    let slot = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    while (this.values[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & mask;
    if (this.values[slot] === 0) {
      this.keys[slot] = h;
      this.values[slot] = 4 + kind;
      this.order[this.size++] = slot;
    } else this.values[slot]! += 4;
  }

  /** Calls `visit` with each feature's hash (unsigned) and packed count, in the order first seen. */
  forEach(visit: (h: number, packed: number) => void): void {
    for (let i = 0; i < this.size; i++) {
      const slot = this.order[i]!;
      visit(this.keys[slot]! >>> 0, this.values[slot]!);
    }
  }
}

const scratch = new FeatureCounts();

/** Counts a passage's features into the shared table (synchronous, so one table serves every call). */
function documentCounts(words: readonly string[]): FeatureCounts {
  let expected = 0;
  for (const word of words) expected += 2 + word.length;
  scratch.reset(expected);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const parts = wordParts(word);
    scratch.add(parts[0]!, parts[2]!);
    const next = words[i + 1];
    if (next !== undefined) scratch.add(hashFrom(parts[1]!, next) | 0, KIND.bigram);
    for (let j = 3; j < parts.length; j++) scratch.add(parts[j]!, KIND.trigram);
  }
  return scratch;
}

/** 1 + ln(count) for the counts a passage has (most features occur once): read, not computed, per feature. */
const LOG_COUNT = Float64Array.from({ length: 1024 }, (_, count) => 1 + Math.log(count));

function featureValue(packed: number): number {
  const count = packed >>> 2;
  return KIND_WEIGHTS[packed & 3]! * (count < LOG_COUNT.length ? LOG_COUNT[count]! : 1 + Math.log(count));
}

/** Adds a feature to its cell of the vector, with the sign its hash's top bit gives. */
function addTo(vector: Float32Array, h: number, value: number): void {
  vector[h % vector.length]! += h & 0x80000000 ? -value : value;
}

function normalised(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum) || 1;
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

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
    if (purpose === "document" || this.stats === undefined) {
      documentCounts(foldedSyllables(text)).forEach((h, packed) => features.set(h, featureValue(packed)));
      return features;
    }
    for (const [h, [weight, count, idf]] of this.queryCounts(text)) features.set(h, weight * (1 + Math.log(count)) * idf);
    return features;
  }

  /** A question's features with each term's IDF: feature hash → [weight, count, idf]. */
  private queryCounts(text: string): Map<number, [number, number, number]> {
    const stats = this.stats!;
    const counts = new Map<number, [number, number, number]>();
    const add = (h: number, weight: number, idfOf: (() => number) | undefined) => {
      const key = h >>> 0;
      const seen = counts.get(key);
      if (seen) seen[1] += 1;
      else counts.set(key, [weight, 1, idfOf ? idfOf() : 1]);
    };
    const words = foldedSyllables(text);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const parts = wordParts(word);
      add(parts[0]!, isFunctionWord(word) ? WEIGHT.functionWord : WEIGHT.unigram, () => stats.idf(word));
      const next = words[i + 1];
      if (next !== undefined) add(hashFrom(parts[1]!, next), WEIGHT.bigram, () => stats.idf(`${word}_${next}`));
      for (let j = 3; j < parts.length; j++) add(parts[j]!, WEIGHT.trigram, undefined);
    }
    return counts;
  }

  embedOne(text: string, purpose: "document" | "query"): Float32Array {
    if (purpose === "query" && this.stats !== undefined) {
      const vector = new Float32Array(this.info.dimension);
      for (const [h, [weight, count, idf]] of this.queryCounts(text)) addTo(vector, h, weight * (1 + Math.log(count)) * idf);
      return normalised(vector);
    }
    return this.embedSyllables(foldedSyllables(text));
  }

  /** A passage's vector from its folded syllables (the same as `embedOne` on its text), when they are already made. */
  embedSyllables(words: readonly string[]): Float32Array {
    const vector = new Float32Array(this.info.dimension);
    documentCounts(words).forEach((h, packed) => addTo(vector, h, featureValue(packed)));
    return normalised(vector);
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
