import type { TermStats } from "../index/term-stats.ts";
import type { AnalysedQuery } from "../query.ts";
import type { RankedPassage } from "../retrieve.ts";
import { kindCode } from "../documents/numbers.ts";
import { FAR_OFF } from "./weights.ts";

/**
 * Kinds of document that are everyday words as well ("hướng dẫn cài đặt", "kế hoạch du lịch", "báo cáo tài chính"):
 * written out, they do not say a question is of this field; "nghị quyết", "kết luận", "chỉ thị", "quy chế" do, and so
 * does any kind typed as its code ("HD", "QĐ"), which only paperwork uses.
 */
const EVERYDAY_KINDS = ["huong dan", "ke hoach", "bao cao", "thong bao", "chuong trinh", "quyet dinh", "quy dinh"];
const EVERYDAY_CODES = new Set(EVERYDAY_KINDS.map((kind) => kindCode(kind)).filter((code) => code !== undefined));
const isEverydayKind = (phrase: string) => EVERYDAY_CODES.has(phrase) || EVERYDAY_KINDS.includes(phrase);

/** A lexicon term that says the question is of this field: any but an everyday kind written out ("quyết định" → QĐ, "quy định"). */
const namesDomain = (concept: AnalysedQuery["concepts"][number]) =>
  concept.alternatives.length > 0 && (EVERYDAY_CODES.has(concept.folded) || !concept.alternatives.every((phrase) => isEverydayKind(phrase.join(" "))));

/**
 * A question from another field altogether ("Thủ đô của nước Pháp là thành phố nào?", "thủ tục đăng ký kết hôn cần
 * giấy tờ gì"): it names no term of the domain's lexicon, none of its word pairs is common in the documents ("công
 * tác", "dân vận", "cơ quan", "cán bộ" are), and the passage found first shares at most one pair with it (a "thành
 * phố", a "thủ tục"). Such passages are not related to it: the reply says the documents do not cover it.
 */
export function farOff(query: AnalysedQuery, top: RankedPassage | undefined, stats: TermStats): boolean {
  // In a handful of passages no word pair is "common", and without a lexicon no term names the domain: not judged.
  if (stats.passages < FAR_OFF.minPassages) return false;
  // A term of the lexicon names the domain, unless it is an everyday word written out that is also a kind of document ("Hướng dẫn cài đặt Windows 11": HD).
  if (query.concepts.some(namesDomain)) return false;
  const pairs = query.bigrams.filter((pair) => pair.weight === 1).map((pair) => pair.token);
  // A question of one or two word pairs ("Công bộc của dân là gì?") is judged by the model alone: too few pairs to tell.
  if (pairs.length <= FAR_OFF.sharedPairs) return false;
  // A common pair of the domain ("công tác", "dân vận") says the question is of it; an everyday kind of document ("hướng dẫn", "kế hoạch"), common as it is, does not.
  if (pairs.some((pair) => !EVERYDAY_KINDS.includes(pair.replace("_", " ")) && stats.documentFrequency(pair) >= FAR_OFF.commonShare * stats.passages)) return false;
  const body = new Set(top?.passage.search.split(" ") ?? []);
  return pairs.filter((pair) => body.has(pair)).length < FAR_OFF.sharedPairs;
}
