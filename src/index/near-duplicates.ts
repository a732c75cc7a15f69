import { foldedSyllables } from "../text/normalize.ts";

/**
 * Near-duplicate passages: the same wording re-issued in another plan, quoted whole in a guidance
 * text, or the same file uploaded twice. Each passage gets a signature when it is built; passages whose
 * signatures say they share most of their wording, and whose numbers do not contradict, are one group.
 *
 * Signature: one-permutation MinHash (Shrivastava & Li) over shingles of three folded syllables —
 * every shingle is hashed once and kept as the smallest value in one of SIGNATURE_SIZE bins, so its
 * cost is one hash per shingle (a classic MinHash needs SIGNATURE_SIZE). Empty bins (short passages)
 * borrow the next filled bin's value. The share of equal bins estimates the Jaccard similarity of the
 * two shingle sets. Candidates come from banded hashing (BANDS bands of SIGNATURE_SIZE / BANDS bins),
 * so a new passage is compared only with passages that share a band, never with all of them.
 */

/** Bins of the signature. 64 gives a standard error of about 0.05 near a similarity of 0.8. */
export const SIGNATURE_SIZE = 64;
/** Bands for candidate lookup: two passages at similarity 0.8 share at least one band with probability above 0.999. */
const BANDS = 16;
/** Syllables per shingle. */
const SHINGLE = 3;

/**
 * Estimated similarity from which two passages are one group. Measured with `npm run bench:duplicates`
 * on the bundled passages (82 of at least 12 syllables, 2026-12-02): the most similar pair of different
 * passages is at 0.47 (95% below 0.29), so 0.6 keeps a margin of about two and a half standard errors;
 * copies stay above it in 79/82 cases with a sentence added, 71/74 with the first one removed, 81/82
 * with another preamble, 69/70 with a place renamed (those below are short passages the edit changed by
 * a third or more).
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;

export type Signature = {
  /** SIGNATURE_SIZE minimum hash values (signed 32-bit, as stored). */
  minhash: Int32Array;
  /** The numbers the passage states, digits and number words, sorted ("2013 hai"). */
  numerals: string;
  /** Distinct shingles (not stored: only for containment, at query time). */
  size?: number;
};

/** FNV-1a over a word. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** A shingle's hash from its words' hashes (order matters), through a murmur3 finaliser so every bit depends on every word. */
function shingleHash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Number words that change what a sentence says ("ít nhất hai lần"), and words that open with a digit, each up to the
 * end of its word. That it also starts a word is checked on the character before (a lookbehind in the pattern made
 * the engine try it at every position: a third of the cost of a passage's signature, `npm run bench:ingest`, December 2026).
 */
const NUMBERS = /(?:\d[\p{L}\p{N}]*|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ|rưỡi|nửa)(?![\p{L}\p{N}])/giu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Is the character (a whole code point) before `at` a letter or a digit? */
function wordBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return LETTER_OR_DIGIT.test(text.slice(from, at));
}

/** The numbers a text (NFC) states, sorted, as written in lower case: "2013 hai". */
export function numeralsOf(text: string): string {
  const out: string[] = [];
  for (const match of text.matchAll(NUMBERS)) if (!wordBefore(text, match.index)) out.push(match[0].toLowerCase());
  return out.sort().join(" ");
}

export function signatureOf(text: string, folded?: readonly string[]): Signature {
  const words = folded ?? foldedSyllables(text);
  const bins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const filled = new Uint8Array(SIGNATURE_SIZE);
  // A passage with no words (symbols only) is its own text: identical ones group, different ones do not.
  const hashes = words.length > 0 ? words.map(wordHash) : [wordHash(text.trim())];
  const shingles = Math.max(1, hashes.length - SHINGLE + 1);
  const distinct = new Set<number>();
  for (let i = 0; i < shingles; i++) {
    const h = shingleHash(hashes[i] ?? 0, hashes[i + 1] ?? 0, hashes[i + 2] ?? 0);
    distinct.add(h);
    // The top bits choose the bin, the rest are the value kept.
    const bin = h >>> 26;
    const value = h & 0x03ffffff;
    if (value < bins[bin]!) bins[bin] = value;
    filled[bin] = 1;
  }
  const minhash = new Int32Array(SIGNATURE_SIZE);
  for (let b = 0; b < SIGNATURE_SIZE; b++) {
    // An empty bin borrows from the next filled one (offset by the distance, so borrowed bins differ from their source).
    let from = b;
    let distance = 0;
    while (!filled[from] && distance < SIGNATURE_SIZE) {
      from = (from + 1) % SIGNATURE_SIZE;
      distance++;
    }
    minhash[b] = filled[from] ? (bins[from]! + distance * 0x04000000) | 0 : 0;
  }
  return { minhash, numerals: numeralsOf(text), size: distinct.size };
}

/** Estimated Jaccard similarity of the two passages' shingles: the share of equal bins. */
export function similarity(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * A passage whose words are at least this share within a better-ranked one adds nothing to a result
 * list (a copy cut a paragraph shorter). Measured on the bundled passages (2026-12-02): among different
 * passages of at least MIN_CONTAINED_SIZE shingles, the highest share in another is 0.80.
 */
export const CONTAINED_SHARE = 0.9;
/** Below this many shingles the estimate is too rough to fold a passage into another. */
export const MIN_CONTAINED_SIZE = 30;

/**
 * The estimated share of `a`'s shingles that `b` also holds: from the similarity J and the two sizes,
 * |a ∩ b| = J (|a| + |b|) / (1 + J). A passage cut differently from its copy (a paragraph more or less)
 * is largely contained in it even when their similarity is below the group threshold.
 */
export function containment(a: Signature, b: Signature): number {
  if (!a.size || !b.size) return 0;
  const j = similarity(a.minhash, b.minhash);
  return Math.min(1, (j * (a.size + b.size)) / (1 + j) / a.size);
}

/**
 * Whether two passages' numbers allow them to be one group: every number of one is among the other's.
 * "ít nhất hai lần" and "ít nhất ba lần" each state a number the other lacks: two groups. A copy that
 * adds a dated preamble only adds numbers: one group.
 */
export function numeralsAgree(a: string, b: string): boolean {
  return a === b || sortedAgree(a ? a.split(" ") : [], b ? b.split(" ") : []);
}

/** `numeralsAgree` on the numbers already split (both sorted, as `numeralsOf` writes them): one is a sub-multiset of the other. */
function sortedAgree(x: readonly string[], y: readonly string[]): boolean {
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  let j = 0;
  for (const word of small) {
    while (j < large.length && large[j]! < word) j++;
    if (j >= large.length || large[j] !== word) return false;
    j++;
  }
  return true;
}

export type GroupMember = { id: string; group: string; signature: Signature };
type Exemplar = GroupMember & { numbers: string[] };

/**
 * Exemplars kept per band bucket. Passages that differ only in a number (forms, "Bản sao số 1…900")
 * are separate groups whose signatures share every band: without a bound each new one would be compared
 * with all before it (4,540 such passages took 43 s). Past the bound a new exemplar is not indexed in
 * that bucket; a later copy of it may then found its own group instead of joining (a missed duplicate,
 * never a wrong one).
 */
const BUCKET_LIMIT = 32;

/** A 32-bit key for one band of a signature. */
function bandKey(minhash: Int32Array, band: number): number {
  const rows = SIGNATURE_SIZE / BANDS;
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let i = band * rows; i < (band + 1) * rows; i++) h = Math.imul(h ^ minhash[i]!, 0x01000193) ^ (h >>> 15);
  return h;
}

/**
 * The groups of the passages seen so far. Each group is looked up through one member, its exemplar
 * (the first one seen): a new passage is compared with the exemplars that share a band with it, so a
 * group of 900 copies costs one comparison, not 900. `assign` returns the group a new passage joins
 * (the most similar exemplar's whose numbers agree) or its own id as a new group.
 */
export class DuplicateGroups {
  private readonly buckets = new Map<number, Exemplar[]>();
  private readonly members = new Map<string, GroupMember>();
  private readonly groups = new Map<string, { exemplar: Exemplar; ids: Set<string> }>();

  get size(): number {
    return this.members.size;
  }

  groupOf(id: string): string | undefined {
    return this.members.get(id)?.group;
  }

  /** The ids of a group's members. */
  membersOf(group: string): ReadonlySet<string> {
    return this.groups.get(group)?.ids ?? new Set();
  }

  /** Every group with at least one member. */
  groupIds(): IterableIterator<string> {
    return this.groups.keys();
  }

  /** The group the passage belongs with, or undefined when it is unlike every passage seen. */
  find(signature: Signature): { group: string; similarity: number } | undefined {
    let best: { group: string; similarity: number } | undefined;
    const seen = new Set<Exemplar>();
    const numbers = signature.numerals ? signature.numerals.split(" ") : [];
    for (let band = 0; band < BANDS; band++) {
      for (const exemplar of this.buckets.get(bandKey(signature.minhash, band)) ?? []) {
        if (seen.has(exemplar)) continue;
        seen.add(exemplar);
        const s = similarity(signature.minhash, exemplar.signature.minhash);
        if (s < NEAR_DUPLICATE_SIMILARITY || (best && s <= best.similarity)) continue;
        if (signature.numerals === exemplar.signature.numerals || sortedAgree(numbers, exemplar.numbers)) best = { group: exemplar.group, similarity: s };
      }
    }
    return best;
  }

  private index(exemplar: Exemplar, add: boolean): void {
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(exemplar.signature.minhash, band);
      const bucket = this.buckets.get(key);
      if (add) {
        if (!bucket) this.buckets.set(key, [exemplar]);
        else if (bucket.length < BUCKET_LIMIT) bucket.push(exemplar);
      } else if (bucket) {
        const at = bucket.indexOf(exemplar);
        if (at >= 0) bucket.splice(at, 1);
        if (bucket.length === 0) this.buckets.delete(key);
      }
    }
  }

  /** Adds a passage to the group given (read back from the index) or to its own. */
  add(member: GroupMember): void {
    this.members.set(member.id, member);
    const group = this.groups.get(member.group);
    if (group) group.ids.add(member.id);
    else {
      const exemplar = asExemplar(member);
      this.groups.set(member.group, { exemplar, ids: new Set([member.id]) });
      this.index(exemplar, true);
    }
  }

  /**
   * Joins the passage to its group (or founds one) and returns the group id. A new group is named after
   * its founder; when a group of that name still has members (the founder's file was rewritten and the
   * new text matches nothing), the new group gets a name of its own, never the old group.
   */
  assign(id: string, signature: Signature): string {
    let group = this.find(signature)?.group;
    if (group === undefined) {
      group = id;
      for (let n = 2; this.groups.has(group); n++) group = `${id}~${n}`;
    }
    this.add({ id, group, signature });
    return group;
  }

  /** Removes a passage; a group that loses its exemplar is looked up through another member. */
  remove(id: string): void {
    const member = this.members.get(id);
    if (!member) return;
    this.members.delete(id);
    const group = this.groups.get(member.group)!;
    group.ids.delete(id);
    if (group.exemplar.id !== member.id) return;
    this.index(group.exemplar, false);
    const next = group.ids.values().next();
    if (next.done) this.groups.delete(member.group);
    else {
      group.exemplar = asExemplar(this.members.get(next.value)!);
      this.index(group.exemplar, true);
    }
  }
}

const asExemplar = (member: GroupMember): Exemplar => ({ ...member, numbers: member.signature.numerals ? member.signature.numerals.split(" ") : [] });
