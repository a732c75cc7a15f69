import type { Paragraph } from "./clean.ts";
import { BYLINE } from "./clean.ts";
import { detectHeading } from "./outline.ts";

/**
 * Document identity read from the head of a text. A field that the text does not state
 * stays empty: a wrong number or date in a citation is worse than none.
 */
export type DetectedMetadata = {
  kind: string;
  number: string;
  issuer: string;
  date: string;
  title: string;
  source: string;
};

const KINDS: Array<[RegExp, string]> = [
  [/^NGHỊ QUYẾT(?![\p{L}])/u, "Nghị quyết"],
  [/^KẾT LUẬN(?![\p{L}])/u, "Kết luận"],
  [/^QUYẾT ĐỊNH(?![\p{L}])/u, "Quyết định"],
  [/^CHỈ THỊ(?![\p{L}])/u, "Chỉ thị"],
  [/^QUY CHẾ(?![\p{L}])/u, "Quy chế"],
  [/^QUY ĐỊNH(?![\p{L}])/u, "Quy định"],
  [/^HƯỚNG DẪN\b/u, "Hướng dẫn"],
  [/^KẾ HOẠCH(?![\p{L}])/u, "Kế hoạch"],
  [/^THÔNG BÁO(?![\p{L}])/u, "Thông báo"],
  [/^BÁO CÁO(?![\p{L}])/u, "Báo cáo"],
  [/^CHƯƠNG TRÌNH(?![\p{L}])/u, "Chương trình"],
  [/^ĐỀ ÁN(?![\p{L}])/u, "Đề án"],
  [/^NGHỊ ĐỊNH(?![\p{L}])/u, "Nghị định"],
  [/^THÔNG TƯ(?![\p{L}])/u, "Thông tư"],
  [/^LUẬT(?![\p{L}])/u, "Luật"],
];

/** Proper names of Party and State bodies, restored after an all-caps header is lower-cased. */
const PROPER_NAMES: Array<[RegExp, string]> = [
  [/ban chấp hành trung ương/giu, "Ban Chấp hành Trung ương"],
  [/ban chấp hành/giu, "Ban Chấp hành"],
  [/ban bí thư/giu, "Ban Bí thư"],
  [/bộ chính trị/giu, "Bộ Chính trị"],
  [/ban thường vụ/giu, "Ban Thường vụ"],
  [/ban dân vận/giu, "Ban Dân vận"],
  [/mặt trận tổ quốc/giu, "Mặt trận Tổ quốc"],
  [/ủy ban nhân dân/giu, "Ủy ban nhân dân"],
  [/hội đồng nhân dân/giu, "Hội đồng nhân dân"],
  [/chính phủ/giu, "Chính phủ"],
  [/quốc hội/giu, "Quốc hội"],
  [/trung ương/giu, "Trung ương"],
  [/đảng bộ/giu, "Đảng bộ"],
  [/đảng ủy/giu, "Đảng ủy"],
  [/tỉnh ủy/giu, "Tỉnh ủy"],
  [/(?<!\p{L})đảng(?!\p{L})/giu, "Đảng"],
  [/việt nam/giu, "Việt Nam"],
  [/hồ chí minh/giu, "Hồ Chí Minh"],
];

function isUpperCaseLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** "CỦA BAN BÍ THƯ" → "của Ban Bí thư": sentence case with the bodies' proper names restored. */
export function toSentenceCase(text: string, capitalizeFirst = true): string {
  let out = text.toLowerCase();
  for (const [pattern, name] of PROPER_NAMES) out = out.replace(pattern, name);
  out = out.replace(/\s+/g, " ").trim();
  return capitalizeFirst ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** Sentence-cases the all-caps words of a header line ("CỦA BAN BÍ THƯ về …" → "của Ban Bí thư về …"). */
function caseUpperRuns(text: string): string {
  return text.replace(/(?:^|(?<=\s))(?:[\p{Lu}\d][\p{Lu}\d\-/]*)(?:\s+[\p{Lu}\d][\p{Lu}\d\-/]*)+/gu, (run) =>
    /\p{Lu}{2,}/u.test(run) ? toSentenceCase(run, false) : run,
  );
}

/** Names of Party and State organs that head a document's page. */
const ORGAN = /^(?:ĐẢNG [ỦU]Y|ĐẢNG BỘ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|BAN DÂN VẬN|BAN TUYÊN GIÁO|TỈNH [ỦU]Y|HUYỆN [ỦU]Y|THÀNH [ỦU]Y|QUẬN [ỦU]Y|THỊ [ỦU]Y|[ỦU]Y BAN|HỘI ĐỒNG NHÂN DÂN|BỘ CHÍNH TRỊ|BAN BÍ THƯ|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|BỘ\s)/u;

/** "Đảng ủy xã an phú" → "Đảng ủy xã An Phú": the place after its unit is a proper name. */
function placeCase(text: string): string {
  return text.replace(/((?<!\p{L})(?:(?:tỉnh|huyện|thành|quận|thị) [ủu]y|xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố)\s+)(.+)$/iu, (_, unit: string, name: string) => unit + name.replace(/(^|\s)(\p{L})/gu, (_m: string, space: string, letter: string) => space + letter.toUpperCase()));
}

function pad(n: string): string {
  return n.padStart(2, "0");
}

function findDate(text: string): string {
  const spelled = text.match(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu);
  if (spelled) return `${spelled[3]}-${pad(spelled[2]!)}-${pad(spelled[1]!)}`;
  const numeric = text.match(/\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b/);
  if (numeric) return `${numeric[3]}-${pad(numeric[2]!)}-${pad(numeric[1]!)}`;
  return "";
}

const NUMBER = /\b(\d{1,4}(?:\/\d{4})?[-/](?:NQ|KL|QĐ|QĐi|CT|HD|HĐ|KH|TB|BC|QC|QĐ-TTg|NĐ-CP|TT|CTr|ĐA)[A-Za-zĐđ\-/]*)/u;

/**
 * Paragraphs read as the header zone. The standard layout of an administrative text (Nghị định 30/2020/NĐ-CP) puts
 * the organ on two lines, the number, the national motto on two, the place and date, then the kind and its summary:
 * the summary is the eighth; six cut off the kind of the bundled legal fixture ("QUYẾT ĐỊNH", seventh).
 */
const HEADER_PARAGRAPHS = 10;

/** The place line under an organ's name ("TỈNH THANH BÌNH" under "ỦY BAN NHÂN DÂN"). */
const LOCAL_UNIT = /^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s/u;

/**
 * Reads identity from the header zone: the paragraphs before the first outline heading,
 * at most HEADER_PARAGRAPHS of them, each short. Body text that cites other documents is never read.
 */
export function detectMetadata(paragraphs: Paragraph[], metaLines: string[]): DetectedMetadata {
  const header: string[] = [];
  for (const paragraph of paragraphs.slice(0, HEADER_PARAGRAPHS)) {
    if (detectHeading(paragraph.text) || paragraph.text.length > 260) break;
    header.push(paragraph.text);
  }
  const meta: DetectedMetadata = { kind: "", number: "", issuer: "", date: "", title: "", source: "" };

  const titleParts: string[] = [];
  for (const [index, line] of header.entries()) {
    const kind = KINDS.find(([pattern]) => pattern.test(line));
    if (kind) {
      meta.kind = kind[1];
      titleParts.push(kind[1]);
      // "KẾT LUẬN CỦA BAN BÍ THƯ" on one line, or "CỦA …" and "về …" on the lines after it.
      const rest = line.replace(kind[0], "").trim();
      if (rest) titleParts.push(caseUpperRuns(rest));
      for (const next of header.slice(index + 1)) {
        if (/^(của|về)(?=\s)/iu.test(next)) titleParts.push(caseUpperRuns(next).replace(/^Về(?=\s)/u, "về"));
        else break;
      }
      // "QUYẾT ĐỊNH" then its summary on the next line ("Ban hành Quy chế …", "Về việc …"): the title.
      const summary = header[index + 1];
      if (titleParts.length === 1 && summary && !isUpperCaseLine(summary) && summary.length <= 200 && !/[.;:]$/.test(summary)) {
        titleParts.push(summary.charAt(0).toLowerCase() + summary.slice(1));
      }
      break;
    }
  }
  const issuerPart = titleParts.find((part) => /^của\s/u.test(part));
  if (issuerPart) meta.issuer = issuerPart.replace(/^của\s+/u, "").replace(/\s+về\s.*$/u, "").trim();
  // The organ heading the page ("ĐẢNG ỦY XÃ AN PHÚ" above "Số 03-QC/ĐU") when the title does not name it;
  // under "ĐẢNG BỘ TỈNH BẮC GIANG" the line below ("HUYỆN ỦY YÊN DŨNG") is the one that issues.
  if (!meta.issuer) {
    const at = header.findLastIndex((line) => line.length <= 120 && isUpperCaseLine(line) && ORGAN.test(line));
    if (at >= 0) {
      // "ỦY BAN NHÂN DÂN" over "TỈNH THANH BÌNH": the organ and its place, on two lines.
      const place = header[at + 1]?.replace(/[\s\-–—_*]+$/u, "");
      const organ = place && isUpperCaseLine(place) && LOCAL_UNIT.test(place) ? `${header[at]} ${place}` : header[at]!;
      meta.issuer = placeCase(toSentenceCase(organ.replace(/[\s\-–—_*]+$/u, "")));
    }
  }
  if (meta.issuer) meta.issuer = meta.issuer.charAt(0).toUpperCase() + meta.issuer.slice(1);
  if (titleParts.length) meta.title = titleParts.join(" ").replace(/\s+/g, " ").trim();
  else {
    const first = header[0];
    if (first && first.length <= 160 && !/[.;]$/.test(first)) meta.title = isUpperCaseLine(first) ? toSentenceCase(first) : first;
  }
  if (!meta.kind && header.some((line) => /^\(?\s*Bài (đăng|viết)\b/iu.test(line))) meta.kind = "Bài báo";
  if (!meta.kind && metaLines.some((line) => BYLINE.test(line))) meta.kind = "Tin bài";

  for (const line of header) {
    if (!meta.number) {
      const numbered = line.match(/^Số\s*[:.]?\s*(\S+)/u)?.[1] ?? line.match(NUMBER)?.[1];
      if (numbered && /[-/]/.test(numbered)) meta.number = numbered.replace(/[,;.]$/, "");
    }
    if (!meta.date) meta.date = findDate(line);
  }
  for (const line of metaLines) {
    if (!meta.date) meta.date = findDate(line);
    const source = line.match(/^(theo|nguồn|nguồn tin)\s*:\s*(.+)$/iu);
    if (source && !meta.source) meta.source = source[2]!.trim();
  }
  return meta;
}
