/**
 * The term a definition question asks about, on folded words: "X là gì", "thế nào là X", "khái niệm
 * X", "X hiểu thế nào", "nói nôm na thì X là làm việc gì", "ở khối cơ quan TW thì chữ dân hiểu là gì"
 * → X. Shared by retrieval (the bonus for a passage that defines X) and the answer rules.
 */

/** Leading and trailing words that never belong to a term or an actor's name. */
// (Folded words only: "co" may be "cơ" of "cơ quan", "can" the "cán" of "cán bộ", so they are not here.)
const EDGE_WORDS = new Set(["cac", "nhung", "moi", "mot", "thi", "la", "cua", "va", "trong", "ve", "o", "tai", "khi", "theo", "phai", "se", "duoc", "viec", "a", "nhi", "vay", "nhe", "phia", "ben"]);

export function trimEdges(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && EDGE_WORDS.has(words[start]!)) start++;
  while (end > start && EDGE_WORDS.has(words[end - 1]!)) end--;
  return words.slice(start, end);
}

const DEFINED_AFTER = /\b(?:the nao la|the nao duoc goi la|khai niem(?: ve)?|dinh nghia(?: ve)?|hieu the nao ve|hieu nhu the nao ve|hieu ra sao ve)\s+(.+?)(?:\s+(?:theo|la gi|la sao|nghia la)\b|$)/;
const DEFINED_BEFORE = /^(.+?)\s+(?:la|co nghia la|nghia la|duoc hieu la|hieu la|duoc hieu|hieu)\s+(?:lam\s+)?(?:viec\s+|cong viec\s+)?(?:gi|sao|the nao|nhu the nao|ra sao|ntn)\b/;
/** The same without "hiểu" alone: for a question typed with marks that has no "hiểu" ("danh hiệu gì"). */
const DEFINED_BEFORE_NO_HIEU = /^(.+?)\s+(?:la|co nghia la|nghia la)\s+(?:lam\s+)?(?:viec\s+|cong viec\s+)?(?:gi|sao|the nao|nhu the nao|ra sao|ntn)\b/;
const FILLER = /^(?:(?:cho (?:toi |em |minh )?hoi(?: la)?|noi nom na|noi don gian|hieu don gian|tom lai|vay|the|thi|ma|rot cuoc|chu|tu)\s+)+/;
/**
 * "thì" in folded text, as a pattern source: folded, "thi" is also "thi", "thị", "thí" ("hội thi", "cuộc thi", "thực
 * thi", "chỉ thị", "đô thị", "tiếp thị", "thi đua", "thi hành", "thí điểm", "thị trường", "thị xã", "thị trấn", "Thị ủy"):
 * those are left alone. Shared by the definition reader (the scene before the term) and the question reader (the scene
 * before the actor).
 */
export const FOLDED_THI = "\\b(?<!\\b(?:hoi|cuoc|ky|thuc|du|chi|do|tri|thu|tuyen|tiep|kinh|sieu) )thi\\s+(?!(?:dua|hanh|diem|truong|xa|tran|sinh|cu|hieu|giac|uy)\\b)";
/** "thì" as typed with its mark: a question typed with marks uses it only where it really is one. */
export const MARKED_THI = /(?:^|[^\p{L}])thì(?:$|[^\p{L}])/u;

/** What sets the scene before the term ("ở khối cơ quan TW … thì chữ dân …"): up to the last "thì". */
const SCENE = new RegExp(`^.*${FOLDED_THI}`);
/**
 * What narrows the term after it ("công tác dân vận trong giai đoạn hiện nay", "năm dân vận ở cơ sở").
 * Folded, "trong" is also "trọng" ("quan trọng", "tôn trọng", "trọng điểm") and "tai" also "tài", "tái".
 */
const NARROWING = /\s+(?:(?<!quan |ton |chu |coi |nghiem |kinh |de )trong(?! (?:diem|tam|yeu|tai|luong|so|trach|dung|thi)\b)|o|theo|doi voi|tai(?! (?:chinh|lieu|san|nang|tro|khoan|nguyen|tao|dinh|hien|cu|ban)\b)|khi|hien nay|bay gio)\b.*$/;

/** Connectors as typed with marks: a question typed with marks uses a connector only where it really is one. */
const MARKED = { scene: MARKED_THI, hieu: /hiểu/u };

/**
 * `text`: the question folded (abbreviations written out). `question`, when given, is the question as
 * typed: with marks, it tells "thì" from "thị", "hiểu" from "hiệu".
 */
export function definedTerm(text: string, question?: string): string[] | undefined {
  const marked = question !== undefined && /[^\x00-\x7F]/.test(question) ? question.normalize("NFC").toLowerCase() : undefined;
  const before = marked && !MARKED.hieu.test(marked) ? DEFINED_BEFORE_NO_HIEU : DEFINED_BEFORE;
  const match = text.match(DEFINED_AFTER) ?? text.match(before);
  const scene = !marked || MARKED.scene.test(marked) ? SCENE : /$^/;
  const subject = match?.[1]?.replace(scene, "").replace(FILLER, "").replace(NARROWING, "").split(" ").filter(Boolean);
  return subject && subject.length > 0 && subject.length <= 8 ? trimEdges(subject) : undefined;
}

