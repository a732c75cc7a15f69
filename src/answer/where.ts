import { hasDiacritics } from "../text/normalize.ts";
import type { QuestionAnalysis } from "./question.ts";
import { PLACE_SENTENCES } from "./weights.ts";

/**
 * "Bác viết bài Dân vận ở đâu?", "nộp hồ sơ ở đâu?": a place asked. Read on the question as typed when it has its marks
 * ("ở đầu tháng" is no "ở đâu"), else on its folded words, where "ở đầu tháng / năm / kỳ" is left out.
 */
const ASKS_PLACE_MARKED = /(?<!\p{L})(?:ở|tại)\s+(?:đâu|nơi nào)(?!\p{L})|(?<!\p{L})(?:địa điểm nào|nơi nào)(?!\p{L})/u;
const ASKS_PLACE_FOLDED = /\b(?:o dau|tai dau)\b(?! (?:thang|nam|quy|tuan|ky|nhiem|buoi|gio|ngay|tien))|\b(?:dia diem nao|noi nao)\b/;
/**
 * Not a place: "khó ở chỗ nào" (in what respect), "được quy định (cụ thể) ở đâu" (which text says it: the citation
 * answers), "điểm mới nằm ở đâu" (what it consists in).
 */
const ASKS_OTHER = /\b(?:quy dinh|neu|ghi|noi|de cap|huong dan|nam|the hien|thay)(?: [a-z0-9]+){0,2} (?:o dau|tai dau)\b/;

/**
 * A place named, on the sentence as written: "tại Hà Nội", "Tại Hà Nội, …", "ở Đảng bộ Khối", "gửi về Sở Nội vụ" (a
 * capitalised name after "tại / ở / về / đến / tới"), "ở nơi dân", "tại cơ quan", or a kind of place ("trụ sở", "hội
 * trường", "nhà văn hóa", "bộ phận một cửa", "trang thông tin").
 */
const PLACE = new RegExp([
  String.raw`(?<![\p{L}\p{M}])(?:[Tt]ại|[Ởở]|[Vv]ề|[Đđ]ến|[Tt]ới)\s+\p{Lu}`,
  String.raw`(?<![\p{L}\p{M}])(?:[Tt]ại|[Ởở])\s+(?:nơi|cơ quan|cơ sở|khu|địa phương|địa bàn|hội nghị|cuộc họp|bảng tin|xã|phường|thôn|bản|tổ dân phố|huyện|tỉnh|thành phố|các)(?![\p{L}\p{M}])`,
  String.raw`(?<![\p{L}\p{M}])(?:trụ sở|hội trường|nhà văn hóa|nhà văn hoá|bộ phận một cửa|trang thông tin|cổng thông tin|địa điểm|địa chỉ)(?![\p{L}\p{M}])`,
].join("|"), "u");

/**
 * The question asks where (and nothing else the type would answer: "tổ chức ngày nào, ở đâu" is answered by its date
 * when the place is not given), and none of the sentences that match it best (`sentences` best first, the first
 * PLACE_SENTENCES) names a place: what the documents say of the matter does not say where.
 */
export function placeNotStated(intent: Pick<QuestionAnalysis, "type" | "words">, sentences: ReadonlyArray<{ text: string }>, question?: string): boolean {
  if (intent.type === "date" || intent.type === "number") return false;
  const asked = intent.words.join(" ");
  const asksPlace = question !== undefined && hasDiacritics(question) ? ASKS_PLACE_MARKED.test(question.normalize("NFC").toLowerCase()) : ASKS_PLACE_FOLDED.test(asked);
  if (!asksPlace || ASKS_OTHER.test(asked)) return false;
  return !sentences.slice(0, PLACE_SENTENCES).some((s) => PLACE.test(s.text.normalize("NFC")));
}
