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

/** The same pattern, to test whether a paragraph cites any text (not global: `test` keeps no position). */
const CITES = new RegExp(TARGET.source, "iu");

const pad = (n: string) => n.padStart(2, "0");

type Target = Relation["target"] & { at: number };

function targetsIn(sentence: string): Target[] {
  return [...sentence.matchAll(TARGET)].map((m) => {
    const [day, month, year] = m[3] ? [m[3], m[4]!, m[5]!] : m[6] ? [m[6], m[7]!, m[8]!] : [];
    const kind = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
    return { number: m[2]!, kind, ...(day ? { date: `${year}-${pad(month!)}-${pad(day)}` } : {}), at: m.index };
  });
}

const KIND_WORDS = "quy chế|quy định|quyết định|chỉ thị|nghị quyết|kết luận|hướng dẫn|kế hoạch|thông tư|nghị định|luật|chương trình|văn bản";
/**
 * The text speaking of itself as the subject of its provision ("Quy chế này có hiệu lực …", "Quyết định
 * này thay thế …", "kể từ ngày … có hiệu lực"): what it replaces or repeals there is its own doing.
 */
const OWN = new RegExp(`(?:(?:${KIND_WORDS})\\s+này(?!\\p{L})|(?<!\\p{L})có hiệu lực(?: thi hành)?(?!,\\s*hiệu quả))`, "iu");
/** Asking someone else to act ("giao Chính phủ …", "đề nghị …", "sớm ban hành …"), before the verb in the same clause. */
const REQUEST = /(?<!\p{L})(?:giao\s+\p{Lu}|đề nghị|yêu cầu|sớm ban hành|nghiên cứu(?:,)? ban hành|chỉ đạo ban hành|kiến nghị)/u;
/** A provision that opens with its verb ("Bãi bỏ …", "Điều 2. Thay thế …", "- Sửa đổi, bổ sung …") is the text's own. */
const OWN_OPENING = /^\s*(?:[-–•]\s*)?(?:Điều\s+\d+[a-z]?\.\s*)?(?:sửa đổi|bãi bỏ|thay thế)/iu;
/** "Căn cứ …": the preamble cites what other texts did. */
const CITING = /^\s*(?:[-–•]\s*)?căn cứ(?!\p{L})/iu;
/** What a text does to another, as written before the target; the nearest one before a target is its verb. */
const VERBS: ReadonlyArray<readonly [Exclude<RelationType, "guides" | "implements" | "references">, RegExp]> = [
  ["amends", /sửa đổi,?\s*bổ sung/giu],
  ["replaces", /thay thế(?!\p{L})/giu],
  ["repeals", /bãi bỏ(?!\p{L})/giu],
];

const EVIDENCE_CHARS = 300;
const evidenceOf = (sentence: string) => (sentence.length <= EVIDENCE_CHARS ? sentence : `${sentence.slice(0, EVIDENCE_CHARS)}…`);

/** Paragraphs at the head of a text (title, preamble) where a sentence opening with "hướng dẫn thực hiện …" or "triển khai …" names what the text is for. */
const HEAD_PARAGRAPHS = 8;

const plain = (t: Target): Relation["target"] => ({ number: t.number, ...(t.kind ? { kind: t.kind } : {}), ...(t.date ? { date: t.date } : {}) });

/** Clauses of a sentence (split at ";"), with their offset: a verb acts on the targets of its own clause. */
function clauses(sentence: string): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  let at = 0;
  for (const part of sentence.split(";")) {
    out.push({ text: part, at });
    at += part.length + 1;
  }
  return out;
}

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
    // Most paragraphs cite no text: one scan of the paragraph spares splitting it into sentences (a sentence's citation is the paragraph's).
    if (!CITES.test(paragraph)) return;
    for (const [start, end] of sentenceRanges(paragraph)) {
      const sentence = paragraph.slice(start, end).trim();
      if (targetsIn(sentence).length === 0) continue;
      const evidence = evidenceOf(sentence);
      const citing = CITING.test(sentence);
      for (const clause of clauses(sentence)) {
        const own = OWN.test(clause.text) || OWN.test(sentence);
        const verbs = VERBS.flatMap(([type, pattern]) => [...clause.text.matchAll(pattern)].map((m) => ({ type, at: m.index }))).sort((a, b) => a.at - b.at);
        for (const target of targetsIn(clause.text)) {
          const before = clause.text.slice(0, target.at);
          // "… ban hành kèm theo Quyết định số 45": the text that carried the one acted on, not acted on itself.
          if (/kèm theo\s*$/iu.test(before)) continue;
          const verb = verbs.filter((v) => v.at < target.at).at(-1);
          // A text that ends another's force in its own clause ("Quyết định số 12 … hết hiệu lực").
          const ends = /hết hiệu lực/iu.test(clause.text.slice(target.at)) && own;
          if (verb || ends) {
            const requested = REQUEST.test(clause.text.slice(0, verb?.at ?? target.at));
            const type = verb?.type ?? "repeals";
            if (citing || requested) add({ type: "references", target: plain(target), evidence });
            else if (type === "amends") {
              const articles = [...clause.text.slice(verb!.at, target.at).matchAll(/(?:Điều|điều)\s+(\d+[a-z]?)((?:\s*(?:,|và)\s*\d+[a-z]?)*)/gu)]
                .flatMap((m) => [m[1]!, ...(m[2]!.match(/\d+[a-z]?/g) ?? [])]);
              add({ type: "amends", target: plain(target), ...(articles.length ? { articles } : {}), evidence });
            } else add({ type: own || OWN_OPENING.test(clause.text) ? type : "references", target: plain(target), evidence });
          } else if (p < HEAD_PARAGRAPHS && clause.at === 0) {
            // Only when the sentence opens with it: "Hướng dẫn thực hiện Quyết định số 23-QĐ/TW …", "Triển khai Nghị quyết số 25 …".
            const opening = before.trim();
            if (/^(?:[\p{L}\s]{0,20}\s)?hướng dẫn (?:thực hiện|triển khai)$/iu.test(opening)) add({ type: "guides", target: plain(target), evidence });
            else if (/^(?:để\s+)?(?:triển khai(?: thực hiện)?|thực hiện)$/iu.test(opening)) add({ type: "implements", target: plain(target), evidence });
          }
        }
      }
    }
  });
  return out;
}

/**
 * When the text says it takes effect, in a sentence about itself ("Quy chế này có hiệu lực (thi hành)
 * kể từ ngày ký" is its own date; "… từ ngày 01/7/2024" that day; "… sau 15 ngày kể từ ngày ký" fifteen
 * days on). Another text's "có hiệu lực" and "hiệu lực, hiệu quả" are not read. "" when it does not say.
 */
export function detectEffective(paragraphs: readonly string[], issued: string): string {
  for (const paragraph of paragraphs) {
    // A paragraph that does not say "có hiệu lực" is not split into sentences.
    if (!/có hiệu lực/iu.test(paragraph)) continue;
    for (const [start, end] of sentenceRanges(paragraph)) {
      const sentence = paragraph.slice(start, end);
      const at = sentence.search(/có hiệu lực(?: thi hành)?(?!,\s*hiệu quả)/iu);
      if (at < 0 || !new RegExp(`(?:${KIND_WORDS})\\s+này(?!\\p{L})`, "iu").test(sentence.slice(0, at))) continue;
      const rest = sentence.slice(at, at + 160);
      const after = rest.match(/sau\s+(\d{1,3})\s+ngày\s+kể\s+từ\s+ngày\s+(?:ký|ban hành)/iu);
      if (after) return issued.length === 10 ? addDays(issued, Number(after[1])) : "";
      if (/từ ngày (?:ký|ban hành)/iu.test(rest)) return issued;
      const spelled = rest.match(/từ ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu);
      if (spelled) return `${spelled[3]}-${pad(spelled[2]!)}-${pad(spelled[1]!)}`;
      const numeric = rest.match(/từ ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})/u);
      if (numeric) return `${numeric[3]}-${pad(numeric[2]!)}-${pad(numeric[1]!)}`;
    }
  }
  return "";
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
