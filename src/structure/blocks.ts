import type { ListMarker } from "../text/drafting.ts";
import { listMarkerOf, SEQUENCE_FIRST, SEQUENCE_NEXT, withoutOutlineNumber } from "../text/drafting.ts";

/**
 * The blocks of a passage: its paragraphs, and the lists among them (a lead-in and its items, the
 * numbered steps of a procedure, "Một là … Tám là"). Read from the clean text, whose paragraphs are
 * separated by blank lines; the same function serves ingest (the facts table) and answering.
 */

export type ParagraphInfo = { text: string; marker: ListMarker | undefined };

export type ListBlock = {
  marker: ListMarker;
  /** Paragraph index of the lead-in ("… có trách nhiệm:", a heading), or -1. */
  lead: number;
  /** Paragraph indices of the items, in order. An item may have continuation paragraphs (not listed). */
  items: number[];
};

export function paragraphsOf(clean: string): ParagraphInfo[] {
  return clean.split(/\n{2,}/).map((text) => text.trim()).filter(Boolean).map((text) => ({ text, marker: listMarkerOf(text) }));
}

/** Explicitly numbered items ("Một là", "Bước thứ hai", "2.") may have plain paragraphs between them; dashes may not. */
const NUMBERED: ReadonlySet<ListMarker> = new Set(["step", "ordinal"]);

/** Runs of two or more items with the same marker, each with the paragraph that introduces it. */
export function listBlocks(paragraphs: ParagraphInfo[]): ListBlock[] {
  const blocks: ListBlock[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const marker = paragraphs[i]!.marker;
    if (!marker) {
      i++;
      continue;
    }
    const items = [i];
    let j = i + 1;
    while (j < paragraphs.length) {
      const next = paragraphs[j]!.marker;
      if (next === marker) {
        items.push(j);
        j++;
        continue;
      }
      // A paragraph that starts in lower case continues the item before it (a line break in the source).
      if (!next && /^["“(]?\p{Ll}/u.test(paragraphs[j]!.text)) {
        j++;
        continue;
      }
      // A continuation paragraph of a numbered item, followed by the next item of the same list.
      if (!next && NUMBERED.has(marker)) {
        let k = j;
        while (k < paragraphs.length && !paragraphs[k]!.marker && k - j < 3) k++;
        if (k < paragraphs.length && paragraphs[k]!.marker === marker) {
          j = k;
          continue;
        }
      }
      break;
    }
    // The lead-in is the paragraph before, unless it is an item of the same kind ("2. Thủ trưởng cơ quan" heads dashes).
    if (items.length >= 2) blocks.push({ marker, lead: i > 0 && paragraphs[i - 1]!.marker !== marker ? i - 1 : -1, items });
    i = items.length >= 2 ? items[items.length - 1]! + 1 : i + 1;
  }
  return blocks;
}

/**
 * Runs of paragraphs that tell a procedure in prose ("Trước nhất…", "Điểm thứ hai…", "Trong lúc…",
 * "Khi … xong…"): at least three stages, the first opening with a first-stage word.
 */
export function sequenceBlocks(paragraphs: ParagraphInfo[]): ListBlock[] {
  const blocks: ListBlock[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (!SEQUENCE_FIRST.test(paragraphs[i]!.text)) continue;
    const items = [i];
    let j = i + 1;
    while (j < paragraphs.length && SEQUENCE_NEXT.test(paragraphs[j]!.text)) items.push(j++);
    if (items.length >= 3) blocks.push({ marker: "step", lead: i > 0 ? i - 1 : -1, items });
    i = j - 1;
  }
  return blocks;
}

/**
 * A short paragraph without an end mark reads as a heading ("3. Ban Chấp hành Công đoàn cơ quan",
 * "1- Mục tiêu"): it names a topic or an actor, it does not answer.
 */
export function isHeadingLike(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= HEADING_CHARS && !/[.!…:;"”)]$/.test(trimmed) && !/^[*•]/u.test(trimmed);
}

/** Longest paragraph read as a heading. */
const HEADING_CHARS = 120;

/** A heading that names a group of items ("Một là … – Ba là …"), or a cut-off paragraph: not a topic. */
export function isRealHeading(heading: string): boolean {
  return !heading.includes(" – ") && !heading.endsWith("…") && heading.length <= 110;
}

/** "* Nội dung:", "* Phương thức:": a label naming the kind of list, not whose it is. */
export function isLabelHeading(heading: string): boolean {
  const bare = withoutOutlineNumber(heading).replace(/:\s*$/, "");
  return /^[*•]/u.test(heading.trim()) || /^(?:nội dung|phương thức|nhiệm vụ|giải pháp|yêu cầu|mục tiêu|nội dung chủ yếu)$/iu.test(bare);
}

/** Words of a lead-in or heading that say "the duties of": what follows names the actor. */
const OF_ACTOR = /(?:trách nhiệm|nhiệm vụ|nội dung|phương thức|quyền hạn|quyền|nghĩa vụ|chức năng|vai trò|công tác dân vận|thực hiện dân chủ|công việc)(?:\s+và\s+\S+(?:\s+\S+)?)?\s+(?:thực hiện công tác dân vận\s+)?(?:của|đối với)\s+(?:của\s+)?(.{3,80}?)\s*:?\s*$/iu;
/** "Thủ trưởng cơ quan có trách nhiệm:", "Ban Chấp hành Công đoàn phải:" → the actor before the verb. */
const ACTOR_BEFORE = /^(.{3,80}?)\s+(?:có trách nhiệm|có nhiệm vụ|chịu trách nhiệm|phải|cần|được giao|có quyền)\b[^.]*:\s*$/iu;
/**
 * "… Ban Bí thư yêu cầu cấp ủy, tổ chức đảng, cơ quan nhà nước các cấp thực hiện tốt một số nhiệm vụ chủ yếu sau:",
 * "… đề nghị cấp ủy các cấp và đội ngũ làm công tác dân vận … tiếp tục … những nội dung trọng tâm sau:" → whom the
 * list is asked of.
 */
const ASKED_OF = /(?<!đáp ứng |theo |đúng |các |những |với )(?:đề nghị|yêu cầu|giao cho|chỉ đạo)\s+(?:các\s+)?(.{3,80}?)\s+(?:trong thời gian tới\s+)?(?:cần|phải|tiếp tục|tập trung|thực hiện|triển khai|quán triệt|làm tốt|chú trọng)\b[^.]*:\s*$/iu;

/**
 * "Nơi nhận:" (alone, or with the first recipient after it when extraction joined the lines): the list of those a
 * text is sent to, at its foot, never a list of duties, steps or contents ("Nơi nhận hồ sơ gồm …" is another matter).
 */
export function isRecipientsLead(lead: string): boolean {
  return /^[\s*•\-–]*nơi nhận\s*(?::|$)/iu.test(lead);
}

/**
 * Who or what a list belongs to, as written: the actor in its lead-in ("Thủ trưởng cơ quan có trách
 * nhiệm:"), else the deepest real heading above it, read without its number and, when it says "…
 * của X", as X ("Nội dung và phương thức … của cấp ủy và tổ chức đảng" → "cấp ủy và tổ chức đảng").
 */
export function listSubject(headings: readonly string[], lead: string | undefined): string {
  const leadText = lead?.trim() ?? "";
  const before = leadText.match(ACTOR_BEFORE);
  if (before?.[1]) return withoutOutlineNumber(before[1]);
  const ofActor = leadText.length <= 160 ? leadText.match(OF_ACTOR) : null;
  if (ofActor?.[1]) return ofActor[1].trim();
  // A short lead-in without a full stop is a heading of its own ("3. Ban Chấp hành Công đoàn cơ quan").
  const candidates = [...(isHeadingLike(leadText) ? [leadText] : []), ...[...headings].reverse()];
  for (const heading of candidates) {
    if (!isRealHeading(heading)) continue;
    const bare = withoutOutlineNumber(heading).replace(/:\s*$/, "");
    // "* Nội dung:", "* Phương thức:" label the kind of list; the actor is named above.
    if (isLabelHeading(heading)) continue;
    const of = bare.match(OF_ACTOR);
    return of?.[1]?.trim() ?? bare;
  }
  // A list introduced by a sentence that asks it of someone is theirs.
  const askedOf = leadText.split(/[.;]\s+/u).pop()!.match(ASKED_OF);
  if (askedOf?.[1]) return askedOf[1].trim();
  // Otherwise it is named by that sentence's end, where the kind of list is said.
  if (leadText) return leadText.replace(/:\s*$/, "").split(/[.;]\s+/u).pop()!.slice(-LEAD_AS_SUBJECT).replace(/^\S*\s/u, "").trim();
  return "";
}

/** Characters of a lead-in sentence kept as a list's name when nothing shorter names it. */
const LEAD_AS_SUBJECT = 100;
