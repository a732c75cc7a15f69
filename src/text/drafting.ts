/**
 * Vietnamese drafting patterns, in one place for ingest and answering alike: outline numbers
 * ("I.", "1.", "1.1.", "a)", "a1)"), legal units ("Chương", "Điều", "Khoản", "Điểm"), list markers
 * ("- ", "+ ", "•"), enumerations ("Một là", "Thứ hai", "Bước thứ ba") and ordinal words.
 */

/** Ordinal words by number, as the documents write them: "thứ nhất"/"Một là" … "thứ mười"/"Mười là". */
export const ORDINALS: ReadonlyArray<{ number: number; ordinal: string; cardinal: string; alternatives: string[] }> = [
  { number: 1, ordinal: "nhất", cardinal: "một", alternatives: [] },
  { number: 2, ordinal: "hai", cardinal: "hai", alternatives: [] },
  { number: 3, ordinal: "ba", cardinal: "ba", alternatives: [] },
  { number: 4, ordinal: "tư", cardinal: "bốn", alternatives: [] },
  { number: 5, ordinal: "năm", cardinal: "năm", alternatives: [] },
  { number: 6, ordinal: "sáu", cardinal: "sáu", alternatives: [] },
  { number: 7, ordinal: "bảy", cardinal: "bảy", alternatives: ["bẩy"] },
  { number: 8, ordinal: "tám", cardinal: "tám", alternatives: [] },
  { number: 9, ordinal: "chín", cardinal: "chín", alternatives: [] },
  { number: 10, ordinal: "mười", cardinal: "mười", alternatives: [] },
];

/** Every word naming number n (accented), "nhất" and "một" both for 1. */
export function ordinalWords(number: number): string[] {
  const entry = ORDINALS.find((o) => o.number === number);
  return entry ? [...new Set([entry.ordinal, entry.cardinal, ...entry.alternatives])] : [];
}

const CARDINAL_CAPITALISED = ORDINALS.map((o) => o.cardinal.charAt(0).toUpperCase() + o.cardinal.slice(1)).join("|");
const ORDINAL_ALTERNATION = [...new Set(ORDINALS.flatMap((o) => [o.ordinal, o.cardinal, ...o.alternatives]))].join("|");

export const ROMAN = "(?:X{0,3}(?:IX|IV|V?I{0,3}))";

/**
 * An outline number at the start of a heading or item: "III.", "III -", "2.", "2-", "1.2.", "a)",
 * "a.", "đ)", "a1)". Used to show a heading without its number ("2. Thủ trưởng cơ quan" → "Thủ trưởng cơ quan").
 */
export const OUTLINE_NUMBER = /^\s*(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ]\d?)\s*[.\-–)]\s*/u;

/** "2. Thủ trưởng cơ quan" → "Thủ trưởng cơ quan"; legal labels too ("Điều 5. Công khai" → "Công khai"). */
export function withoutOutlineNumber(heading: string): string {
  return heading
    .replace(/^\s*(?:Điều|ĐIỀU|Khoản|Điểm|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:[IVXLC]+|\d+[a-zđ]?|[a-zđ]\d?|thứ\s+\S+|THỨ\s+\S+)\s*[.:\-–)]?\s*/u, "")
    .replace(OUTLINE_NUMBER, "")
    .replace(/^[*•]\s*/u, "")
    .trim();
}

export type HeadingKind =
  | "part" | "chapter" | "section" | "article" | "roman" | "arabic" | "arabic2" | "letter" | "label" | "item";

/** Outline levels of administrative and legal drafting: Phần › Chương › Mục › Điều › I › 1 › 1.1 › a › label › enumeration. */
export const HEADING_LEVEL: Record<HeadingKind, number> = {
  part: 1, chapter: 2, section: 3, article: 4, roman: 5, arabic: 6, arabic2: 7, letter: 8, label: 9, item: 10,
};

/** How each kind of heading starts, most specific first. */
export const HEADING_PATTERNS: ReadonlyArray<readonly [HeadingKind, RegExp]> = [
  ["part", /^(PHẦN|Phần)\s+(THỨ\s+\S+|thứ\s+\S+|[IVXLC]+\b|\d+\b)/u],
  ["chapter", /^(CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b/u],
  ["section", /^(MỤC|Mục)\s+(\d+|[IVXLC]+)\s*[.:\-–]?\s/u],
  ["article", /^(Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:\-–]/u],
  ["roman", new RegExp(`^(?=[IVX])${ROMAN}\\s*[.\\-–):]\\s*\\S`, "u")],
  ["arabic2", /^\d{1,2}\.\d{1,2}\.?\s+\S/u],
  ["arabic", /^\d{1,2}\s*[.\-–)]\s+\S/u],
  ["letter", /^[a-zđ]\d?\s*[.)]\s+\S/u],
  ["label", /^[*•]\s*[^*]{2,60}:\s*$/u],
  ["item", new RegExp(`^[-–+•]?\\s*((Bước|BƯỚC)\\s+(thứ|THỨ)\\s+(${ORDINAL_ALTERNATION}|\\d+)|(${CARDINAL_CAPITALISED})\\s+là|Thứ\\s+(${ORDINAL_ALTERNATION})(\\s+là)?)\\s*[,:.]?\\s`, "iu")],
];

/** The start of any list item or numbered paragraph (a line that begins one never continues the sentence before it). */
export const LIST_START = /^\s*([-–+•*]\s|\d{1,2}\s*[.)\-–]\s|[a-zđ]\d?\s*[.)]\s|[IVXLC]+\s*[.\-–)]\s)/u;

/** The kind of marker a paragraph starts with; the items of one list share it. */
export type ListMarker = "dash" | "step" | "ordinal" | "number" | "letter";

const MARKERS: ReadonlyArray<readonly [ListMarker, RegExp]> = [
  ["step", /^\s*[-–+•]?\s*(?:Bước|BƯỚC)\s+(?:thứ\s+|THỨ\s+)?(?:\p{L}+|\d+)\s*[:.,)\-–]/u],
  ["ordinal", new RegExp(`^\\s*[-–+•]?\\s*(?:(?:${CARDINAL_CAPITALISED})\\s+là|Thứ\\s+(?:${ORDINAL_ALTERNATION}))(?![\\p{L}])`, "u")],
  ["dash", /^\s*[-–+•]\s/u],
  ["number", /^\s*\d{1,2}\s*[.)\-–]\s/u],
  ["letter", /^\s*[a-zđ]\d?\s*[.)]\s/u],
];

export function listMarkerOf(paragraph: string): ListMarker | undefined {
  return MARKERS.find(([, pattern]) => pattern.test(paragraph))?.[0];
}

/**
 * A procedure told in prose, one paragraph a stage: "Trước nhất là…", "Điểm thứ hai là…", "Trong lúc thi
 * hành…", "Khi thi hành xong…". The first stage opens with one of `SEQUENCE_FIRST`, the next ones with one of
 * `SEQUENCE_NEXT`; the parser reads such a run as the steps of a procedure.
 */
/** A lead-in that introduces a procedure ("… được thực hiện theo trình tự sau đây:", "các bước"), whatever marks its items. */
export const STEPS_LEAD = /(?<!\p{L})(?:các bước|trình tự|quy trình)(?!\p{L})/iu;

export const SEQUENCE_FIRST = /^\s*(?:Trước nhất|Trước hết|Trước tiên|Đầu tiên|Thứ nhất|Điểm thứ nhất|Một là)(?!\p{L})/u;
export const SEQUENCE_NEXT = /^\s*(?:Điểm thứ\s+\p{L}+|Thứ\s+(?:hai|ba|tư|năm|sáu)|Tiếp theo|Tiếp đó|Sau đó|Rồi|Trong (?:lúc|khi|quá trình)|Khi\b[^.]{0,60}\b(?:xong|kết thúc|hoàn thành)|Cuối cùng|Sau cùng|Sau khi)(?!\p{L})/u;

/** An item's text without its marker: "- Xây dựng…" → "Xây dựng…", "Bước thứ hai: tổ chức…" stays whole (the step names itself). */
export function withoutListMarker(item: string): string {
  return item.replace(/^\s*[-–+•*]\s*/u, "").trim();
}

/**
 * The start of item n of an enumeration, as the documents write it: "Tám là", "Thứ tám", "Bước thứ
 * tám", and "8." when the question gave a digit. Matched on lower-cased text, folded when `folded`.
 */
export function ordinalItemPattern(number: number, options: { folded: boolean; digits: boolean }): RegExp {
  const words = ordinalWords(number).map((w) => (options.folded ? w.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d") : w));
  const alt = words.join("|");
  const end = "(?![\\p{L}\\p{N}])";
  const la = options.folded ? "la" : "là";
  const thu = options.folded ? "thu" : "thứ";
  const buoc = options.folded ? "buoc" : "bước";
  return new RegExp(
    `(?:^|\\n|[.;:]\\s|[-–•+]\\s?)\\s*(?:(?:${alt})\\s+${la}${end}|(?:${buoc}\\s+)?${thu}\\s+(?:${alt})${end}${options.digits ? `|${buoc}\\s+${number}${end}|${number}\\s*[.)\\-–]\\s` : ""})`,
    "iu",
  );
}

/** Folded ordinal word → its number ("tam" → 8, "nhat"/"mot" → 1, "tu"/"bon" → 4). */
export const FOLDED_ORDINAL_NUMBER: ReadonlyMap<string, number> = new Map(
  ORDINALS.flatMap((o) => [o.ordinal, o.cardinal, ...o.alternatives].map((w) => [w.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d"), o.number] as const)),
);
