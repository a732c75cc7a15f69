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
const FILLER = /^(?:(?:cho (?:toi |em |minh )?hoi(?: la)?|noi nom na|noi don gian|hieu don gian|tom lai|vay|the|thi|ma|rot cuoc|chu|tu)\s+)+/;
/** What sets the scene before the term ("ở khối cơ quan TW … thì chữ dân …"): up to the last "thì". */
// ("thi" folded is also the "thi" of "hội thi", "thi đua", "thực thi".)
const SCENE = /^.*\b(?<!hoi |cuoc |ky |thuc |du )thi\s+(?!dua\b|hanh\b)/;
/** What narrows the term after it ("công tác dân vận trong giai đoạn hiện nay", "năm dân vận của Khối"). */
// ("trong" folded is also the "trọng" of "quan trọng".)
const NARROWING = /\s+(?:(?<!quan )trong|o|theo|doi voi|tai|khi|hien nay|bay gio)\b.*$/;

export function definedTerm(text: string): string[] | undefined {
  const match = text.match(DEFINED_AFTER) ?? text.match(DEFINED_BEFORE);
  const subject = match?.[1]?.replace(SCENE, "").replace(FILLER, "").replace(NARROWING, "").split(" ").filter(Boolean);
  return subject && subject.length > 0 && subject.length <= 8 ? trimEdges(subject) : undefined;
}

