import { coverage } from "../../score.ts";
import { fold } from "../../text/normalize.ts";
import { searchTokens } from "../../text/terms.ts";
import type { Candidate } from "../candidate.ts";
import type { AnswerContext } from "../context.ts";
import { scopeMatch } from "../scope.ts";

/** "X do ai ký", "đồng chí nào ký", "người ký", "ký ban hành" (folded; "định kỳ", "nhiệm kỳ" fold to "ky" too and do not ask it). */
export const ASKS_SIGNER = /\b(?:(?:do\s+)?ai\s+(?:da\s+)?ky|(?:dong chi|ong|ba|nguoi)\s+nao\s+(?:da\s+)?ky|nguoi\s+ky|ky\s+ban\s+hanh|ky\s+ten)\b/;

/**
 * The signature at the foot of a text: the authority line ("T/M BAN BÍ THƯ", "TM. BAN THƯỜNG VỤ",
 * "K/T BỘ TRƯỞNG"), perhaps a title line and "(Đã ký)", then the signer's name on the last line.
 */
const SIGNATURE = /(?:^|\n)[ \t*]*((?:T\/M|TM\.?|K\/T|KT\.?|TL\.?|TUQ\.?|Q\.|THAY MẶT)[ \t][^\n]{2,80})\n+(?:[ \t*]*(?!\(?[đĐ]ã ký)[^\n(]{2,60}\n+)?(?:[ \t*]*\(?[đĐ]ã ký\)?[ \t*]*\n+)?[ \t*]*([^\n]{4,60}?)[ \t*]*\s*$/u;
/** A name: two to six words, each capitalised then lower case (Vietnamese names are written so; "BÍ THƯ" is a title). */
const NAME = /^(?:\p{Lu}\p{Ll}[\p{L}']*\s+){1,5}\p{Lu}\p{Ll}[\p{L}']*$/u;
/** …and not an organ ("Ban Thường Vụ", "Ủy Ban Nhân Dân"). */
const ORGAN = /^(?:Ban|Bộ|Đảng|Đoàn|Ủy|Uỷ|Hội|Mặt|Văn|Sở|Phòng|Cục|Vụ|Chi|Thường|Tỉnh|Huyện|Thành|Xã)\s/u;
/** What "do ai ký" must refer to: a text ("nghị quyết này do ai ký", "văn bản … ai ký"), not a minute or a petition it mentions (folded). */
const TEXT_KIND = /\b(?:nghi quyet|ket luan|quyet dinh|chi thi|quy che|quy dinh|huong dan|ke hoach|thong bao|thong tri|chuong trinh|nghi dinh|thong tu|luat|van ban|nq|kl|qd|ct|kh)\b/;

const bare = (line: string) => line.replace(/[*_]+/g, "").trim();

/**
 * "Kết luận … do ai ký?": the signature block at the foot of the document the question names (or of
 * the one retrieved first), quoted with the signer's name.
 */
export async function signerRule(context: AnswerContext): Promise<Candidate | undefined> {
  const { intent, query, stats } = context;
  const asked = fold(query.question);
  if (intent.type !== "who" || !ASKS_SIGNER.test(asked) || !TEXT_KIND.test(asked.replace(ASKS_SIGNER, " "))) return undefined;
  // The document the question names by number or year, else the one retrieved first.
  const named = intent.scope.documentNumber || intent.scope.year;
  const home = named ? context.ranked.find((r) => scopeMatch(intent, r.passage) === 1) : context.ranked[0];
  if (!home) return undefined;
  // A text is signed at its foot: its last passage.
  const last = (await context.index.passagesOf(home.passage.docId)).at(-1);
  const match = last ? SIGNATURE.exec(last.text) : null;
  const name = match ? bare(match[2]!) : "";
  if (!last || !match || !NAME.test(name) || ORGAN.test(name)) return undefined;
  // The block quoted as written (markdown and line breaks aside).
  const text = match[0].replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
  return {
    rule: "signer",
    lines: [{ passage: last, text }],
    listed: false,
    more: 0,
    passage: last,
    rank: context.ranked.findIndex((r) => r.passage.id === last.id),
    typeFound: true,
    focusMatch: undefined,
    support: coverage(query, new Set(searchTokens(`${last.docKind} ${last.docTitle} ${text}`)), stats).combined,
    score: 1,
  };
}
