import { PLACE_SENTENCES } from "./weights.ts";

/**
 * "Bác viết bài Dân vận ở đâu?", "nộp hồ sơ ở đâu?": a place asked (folded words). Not "khó ở chỗ nào" (in what respect),
 * nor "được quy định ở đâu" (which text says it: the citation answers that).
 */
const ASKS_PLACE = /\b(?:o dau|tai dau|dia diem nao|o noi nao|tai noi nao|noi nao)\b/;
const ASKS_SOURCE = /\b(?:quy dinh|neu|ghi|noi|de cap|huong dan)\s+(?:o dau|tai dau)\b/;

/**
 * A place named, on the sentence as written: "tại Hà Nội", "ở Đảng bộ Khối", "gửi về Sở Nội vụ" (a capitalised name after
 * "tại / ở / về / đến"), or a kind of place ("trụ sở", "hội trường", "nhà văn hóa", "bộ phận một cửa", "trang thông tin").
 */
const PLACE = /(?<![\p{L}\p{M}])(?:tại|ở|về|đến|tới)\s+(?:\p{Lu}|xã\s|phường\s|thôn\s|huyện\s|tỉnh\s|thành phố\s)|(?<![\p{L}\p{M}])(?:trụ sở|hội trường|nhà văn hóa|nhà văn hoá|bộ phận một cửa|trang thông tin|cổng thông tin|địa điểm|địa chỉ)(?![\p{L}\p{M}])/u;

/**
 * The question asks where, and none of the sentences that match it best (`sentences` best first, the first PLACE_SENTENCES)
 * names a place: what the documents say of the matter does not say where.
 */
export function placeNotStated(words: readonly string[], sentences: ReadonlyArray<{ text: string }>): boolean {
  const asked = words.join(" ");
  if (!ASKS_PLACE.test(asked) || ASKS_SOURCE.test(asked)) return false;
  return !sentences.slice(0, PLACE_SENTENCES).some((s) => PLACE.test(s.text.normalize("NFC")));
}
