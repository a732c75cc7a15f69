import { z } from "zod";
import { sentenceRanges } from "../text/sentences.ts";

/**
 * What a document says about other documents, read from its own text with the sentence as evidence:
 * it replaces ("… và thay thế Quy chế số 03-QC/ĐU"), repeals ("bãi bỏ …"), amends ("sửa đổi, bổ sung
 * Điều 5 của …"), guides ("hướng dẫn thực hiện …") or implements ("triển khai Nghị quyết số …") another
 * text; a replacement it only mentions or asks for ("ban hành Chỉ thị … thay thế Chỉ thị số 18/2000/CT-TTg")
 * is a reference. Which registered document a target is, is decided by the registry (registry.ts).
 */

export const RELATION_TYPES = ["replaces", "repeals", "amends", "guides", "implements", "references"] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const relationSchema = z.object({
  type: z.enum(RELATION_TYPES),
  target: z.object({ number: z.string(), kind: z.string().optional(), date: z.string().optional() }),
  /** For an amendment: the articles amended ("5", "7"). */
  articles: z.array(z.string()).optional(),
  /** The sentence that states it (or "tệp .meta.yaml" when an admin set it). */
  evidence: z.string(),
});
export type Relation = z.infer<typeof relationSchema>;

const KIND = "Quy chế|Quy định|Quyết định|Chỉ thị|Nghị quyết|Kết luận|Hướng dẫn|Kế hoạch|Thông tư|Nghị định|Luật|Thông báo|Chương trình";
/** A cited document: "Quy chế số 03-QC/ĐU ngày 10/5/2019", "Chỉ thị số 18/2000/CT-TTg", "Nghị quyết 25-NQ/TW". */
const TARGET = new RegExp(`(${KIND})\\s+(?:của\\s+[^,;.]{1,60}?\\s+)?(?:số\\s+)?(\\d{1,5}(?:[/-][\\p{L}\\d]+)*)(?:,?\\s+ngày\\s+(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})|,?\\s+ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4}))?`, "giu");

const pad = (n: string) => n.padStart(2, "0");

type Target = Relation["target"] & { at: number };

function targetsIn(sentence: string): Target[] {
  return [...sentence.matchAll(TARGET)].map((m) => {
    const [day, month, year] = m[3] ? [m[3], m[4]!, m[5]!] : m[6] ? [m[6], m[7]!, m[8]!] : [];
    const kind = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
    return { number: m[2]!, kind, ...(day ? { date: `${year}-${pad(month!)}-${pad(day)}` } : {}), at: m.index };
  });
}

/** The document speaking of itself ("Quy chế này", "có hiệu lực"): what follows is its own provision, not a mention. */
const OWN = /(?:(?<!\p{L})này(?!\p{L})|có hiệu lực)/iu;
/** A request to someone else ("giao …", "đề nghị …", "sớm ban hành …"): the replacement is not made by this text. */
const REQUEST = /(?<!\p{L})(?:giao|đề nghị|yêu cầu|sớm ban hành|nghiên cứu ban hành|chỉ đạo ban hành)(?!\p{L})/iu;

const EVIDENCE_CHARS = 300;
const evidenceOf = (sentence: string) => (sentence.length <= EVIDENCE_CHARS ? sentence : `${sentence.slice(0, EVIDENCE_CHARS)}…`);

/** Paragraphs at the head of a text (title, preamble) where a sentence opening with "hướng dẫn thực hiện …" or "triển khai …" names what the text is for. */
const HEAD_PARAGRAPHS = 8;

export function detectRelations(paragraphs: readonly string[]): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<string>();
  const add = (relation: Relation) => {
    const key = `${relation.type}|${relation.target.number}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(relation);
  };
  paragraphs.forEach((paragraph, p) => {
    for (const [start, end] of sentenceRanges(paragraph)) {
      const sentence = paragraph.slice(start, end).trim();
      const targets = targetsIn(sentence);
      if (targets.length === 0) continue;
      const evidence = evidenceOf(sentence);
      const own = OWN.test(sentence) && !REQUEST.test(sentence);
      const plain = (t: Target): Relation["target"] => ({ number: t.number, ...(t.kind ? { kind: t.kind } : {}), ...(t.date ? { date: t.date } : {}) });
      const replaceAt = sentence.search(/thay thế/iu);
      const repealAt = sentence.search(/bãi bỏ/iu);
      const amendAt = sentence.search(/sửa đổi,?\s*bổ sung/iu);
      for (const target of targets) {
        if (amendAt >= 0 && amendAt < target.at && !REQUEST.test(sentence)) {
          const articles = [...sentence.slice(amendAt, target.at).matchAll(/(?:Điều|điều)\s+(\d+[a-z]?)((?:\s*(?:,|và)\s*\d+[a-z]?)*)/gu)]
            .flatMap((m) => [m[1]!, ...(m[2]!.match(/\d+[a-z]?/g) ?? [])]);
          add({ type: "amends", target: plain(target), ...(articles.length ? { articles } : {}), evidence });
        } else if (replaceAt >= 0 && replaceAt < target.at) {
          add({ type: own ? "replaces" : "references", target: plain(target), evidence });
        } else if (repealAt >= 0 && repealAt < target.at) {
          add({ type: own || /^bãi bỏ/iu.test(sentence) ? "repeals" : "references", target: plain(target), evidence });
        } else if (p < HEAD_PARAGRAPHS) {
          // Only when the sentence opens with it: "Hướng dẫn thực hiện Quyết định số 23-QĐ/TW …", "Triển khai Nghị quyết số 25 …".
          const before = sentence.slice(0, target.at).trim();
          if (/^(?:[\p{L}\s]{0,20}\s)?hướng dẫn (?:thực hiện|triển khai)$/iu.test(before)) add({ type: "guides", target: plain(target), evidence });
          else if (/^(?:để\s+)?(?:triển khai(?: thực hiện)?|thực hiện)$/iu.test(before)) add({ type: "implements", target: plain(target), evidence });
        }
      }
    }
  });
  return out;
}

/**
 * When the text says it takes effect: "có hiệu lực (thi hành) kể từ ngày ký" is its own date; "… từ
 * ngày 01/7/2024" that day. "" when it does not say.
 */
export function detectEffective(paragraphs: readonly string[], issued: string): string {
  for (const paragraph of paragraphs) {
    const at = paragraph.search(/có hiệu lực/iu);
    if (at < 0) continue;
    const rest = paragraph.slice(at, at + 160);
    if (/từ ngày (?:ký|ban hành)/iu.test(rest)) return issued;
    const spelled = rest.match(/từ ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu);
    if (spelled) return `${spelled[3]}-${pad(spelled[2]!)}-${pad(spelled[1]!)}`;
    const numeric = rest.match(/từ ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})/u);
    if (numeric) return `${numeric[3]}-${pad(numeric[2]!)}-${pad(numeric[1]!)}`;
  }
  return "";
}
