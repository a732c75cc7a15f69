import { withoutOutlineNumber } from "../text/drafting.ts";

/**
 * Assignment clauses: the numbered clauses of a "Tổ chức thực hiện" part that open with whom they
 * task, then what ("5- Ban Dân vận Tỉnh ủy tham mưu tổ chức hoạt động "Tháng Dân vận"; tham mưu đánh
 * giá…", "2. Sở Nội vụ chủ trì, phối hợp…"). Every resolution, plan and decision ends with some; each
 * is one actor's list of duties, written as clauses separated by ";" rather than as a list.
 */

/**
 * Heads whose name goes on in capitals ("Ban Dân vận", "Đoàn Thanh niên", "Sở Nội vụ", "Báo Bắc Giang"); in lower
 * case they begin other words ("Ban hành", "Đoàn kết", "Báo cáo", "Hội nghị", "Bộ máy").
 */
const NAMED_HEAD = /^(?:Các\s+)?(?:Ban|Đoàn|Hội|Báo|Đài|Phòng|Sở|Bộ|Văn phòng|Trung tâm)\s+\p{Lu}/u;
/** Heads that name a body by themselves, in any case at the start of a clause ("Cấp ủy và tổ chức đảng…", "Các huyện ủy, thành ủy…"). */
const BODY_HEAD = /^(?:Các\s+)?(?:Ủy ban|Uỷ ban|UBND|Hội đồng|Cấp ủy|Cấp uỷ|Đảng ủy|Đảng uỷ|Đảng đoàn|Mặt trận|Công đoàn|Thủ trưởng|Chủ tịch|Giám đốc|Huyện ủy|Tỉnh ủy|Thành ủy|Chi bộ|Chi ủy|Cơ quan|Thường trực|Người đứng đầu|Lãnh đạo|Chính quyền)(?=\s)/iu;

/**
 * The verbs that task the actor. Case matters: a verb is written in lower case, while the same words
 * inside a name are capitalised ("Ban Tổ chức Tỉnh ủy chủ trì…": the actor ends before "chủ trì"); "tổ
 * chức đảng" names the party's organisations ("Cấp ủy và tổ chức đảng cần…" is one name).
 */
const ASSIGNED = /\s(?:tham mưu|chủ trì|xây dựng|chỉ đạo|hướng dẫn|phối hợp|có trách nhiệm|chịu trách nhiệm|tổ chức(?! đảng| cơ sở| chính trị)|thực hiện|ban hành|theo dõi|kiểm tra|triển khai|lãnh đạo|quán triệt|tuyên truyền|rà soát|bố trí|bảo đảm|đảm bảo|cụ thể hóa|cụ thể hoá|giúp|thường xuyên|tiếp tục|có nhiệm vụ|được giao|phải|cần|nghiên cứu|đôn đốc|giám sát|định kỳ)(?=[\s,;:])/u;

/**
 * A name runs at most this many words before its verb; longer, the clause is a sentence about something else, or
 * tasks several bodies at once. Set by reading the "Tổ chức thực hiện" part of the bundled Bắc Giang resolution: its
 * names run 4–5 words ("Ủy ban nhân dân tỉnh", "Ban Dân vận Tỉnh ủy"), and its first clause, which tasks five kinds
 * of bodies together ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy, Ủy ban mặt trận Tổ quốc và các đoàn thể
 * tỉnh", 17 words), is no one body's list.
 */
const MAX_ACTOR_WORDS = 12;

/** The actor an assignment clause tasks, as written ("Ban Dân vận Tỉnh ủy"), or undefined. */
export function assignedActor(text: string): string | undefined {
  const bare = withoutOutlineNumber(text);
  if (!NAMED_HEAD.test(bare) && !BODY_HEAD.test(bare)) return undefined;
  const verb = ASSIGNED.exec(bare);
  if (!verb) return undefined;
  // A name never ends in "và" or a comma: "Cấp ủy và" is cut before "tổ chức".
  const actor = bare.slice(0, verb.index).replace(/(?:[\s,:;]|\s(?:và|cùng)$)+$/u, "");
  const words = actor.split(/\s+/u).length;
  return words >= 2 && words <= MAX_ACTOR_WORDS ? actor : undefined;
}

/** Where a clause's run of paragraphs ends: the text's closing words ("Nghị quyết này được phổ biến…"), its addressees, a list. */
const CLOSING = /^(?:(?:Nghị quyết|Kế hoạch|Quyết định|Kết luận|Chỉ thị|Quy chế|Quy định|Hướng dẫn|Thông tư|Chương trình|Văn bản) này\b|Nơi nhận|[-–+•*]\s)/u;

/**
 * The paragraphs after a clause's first that still belong to it, at most `max`: a clause goes on for a paragraph or
 * two in the bundled texts ("5- Ban Dân vận Tỉnh ủy …" and "Chủ trì, phối hợp …"); three leaves room without taking
 * in the text's closing part when no closing words mark it.
 */
export function clauseContinuation(paragraphs: readonly string[], max = 3): string[] {
  const out: string[] = [];
  for (const text of paragraphs) {
    if (out.length >= max || CLOSING.test(text.trim())) break;
    out.push(text);
  }
  return out;
}

/** The duties a paragraph of a clause states, cut at ";" ("tham mưu …; báo cáo …; tham mưu tổng kết …"). */
export function clauseDuties(text: string): string[] {
  return text.split(/;\s+/u).map((duty) => duty.replace(/[.;]\s*$/u, "").replace(/\.\/\.$/u, "").trim()).filter((duty) => duty.length > 0);
}

/** The duties of a clause's first paragraph: its text after the actor's name. */
export function assignedDuties(first: string, actor: string): string[] {
  const bare = withoutOutlineNumber(first);
  return clauseDuties(bare.slice(bare.indexOf(actor) + actor.length).replace(/^[\s,:]+/u, ""));
}
