import { fold } from "../text/normalize.ts";
import { DURATION, holdsAnswerType } from "./evidence.ts";
import { DURATION_SENTENCES, INTERVAL_SENTENCES } from "./weights.ts";

/**
 * Counts a question asks for that no sentence read states: "Ban Thanh tra nhân dân gồm mấy người,
 * nhiệm kỳ mấy năm?" asks for a number of people; when none of the passages read says "N người",
 * the documents do not give it, whatever else they say about the body. Only units that a count is
 * always written with (people, members, times, days, months, years, percent): "mấy việc", "mấy bước"
 * are lists, whose items answer without a number being written.
 */

/** Units of a count, as folded words that count the same thing (people are counted as "thành viên" too), and how the reply names them. */
const UNITS: ReadonlyArray<readonly [readonly string[], string]> = [
  [["nguoi", "thanh vien", "uy vien", "dong chi", "dai bieu", "hoi vien"], "người"], [["lan"], "lần"], [["ngay"], "ngày"], [["thang"], "tháng"], [["nam"], "năm"],
  [["phan tram"], "phần trăm"],
];

/**
 * Does one of the `n` sentences that match the question best (`sentences` best first) say it? `says` reads the sentence
 * folded, lower case. Shared by the checks that only the best sentences may answer (how often, how long, what befalls).
 */
export function bestSay(sentences: ReadonlyArray<{ text: string }>, n: number, says: (folded: string) => boolean): boolean {
  return sentences.slice(0, n).some((s) => says(fold(s.text).toLowerCase()));
}

/**
 * An interval stated: "hằng năm", "định kỳ 6 tháng", "2 năm một lần", "3 tháng/lần", "theo quý". "Định kỳ tổ chức
 * Hội thi" alone says the contest recurs, not how often: it does not answer "mấy năm một lần".
 */
const INTERVAL = /\b(?:hang|moi) (?:nhiem )?(?:nam|quy|thang|tuan|ngay|ky)\b|\bdinh ky (?:[a-z0-9]+ )?(?:nam|quy|thang|tuan|ngay)\b|\b(?:nam|quy|thang|tuan|ngay) (?:mot|1) lan\b|\blan ?\/ ?(?:nam|quy|thang|tuan|ngay)\b|\b(?:nam|quy|thang|tuan|ngay) ?\/ ?lan\b|\btheo (?:quy|thang|nam)\b/;

/** How often, which answers "bao nhiêu lần" without a count of times: an interval, or "định kỳ" alone. */
const FREQUENCY = new RegExp(`${INTERVAL.source}|\\bdinh ky\\b`);

/** "mấy năm tổ chức một lần", "bao lâu thì kiểm tra … một lần", "định kỳ bao lâu": the question asks how often. */
const ASKS_FREQUENCY = /\b(?:may|bao nhieu) (?:nam|quy|thang|tuan|ngay)(?: [a-z0-9]+){0,4} (?:mot|1) lan\b(?! nua)|\bbao lau(?: [a-z0-9]+){0,8} (?:mot|1) lan\b(?! nua)|\bdinh ky (?:bao lau|may)\b/;

/**
 * "Hội thi … mấy năm tổ chức một lần?": how often something is done, when none of the sentences that match the
 * question best (`sentences` best first, the first INTERVAL_SENTENCES) states an interval: one stated further down is
 * another thing's ("Lấy tháng Mười hằng năm là Tháng Dân vận" for a question on the contest).
 */
export function frequencyNotStated(words: readonly string[], sentences: ReadonlyArray<{ text: string }>): boolean {
  if (!ASKS_FREQUENCY.test(words.join(" "))) return false;
  return !bestSay(sentences, INTERVAL_SENTENCES, (folded) => INTERVAL.test(folded));
}


/** "nhiệm kỳ … bao lâu", "phải trả lời trong bao lâu": a length of time, not how often ("bao lâu một lần", "định kỳ bao lâu"). */
const ASKS_DURATION = /\bbao lau\b/;

/**
 * "Nhiệm kỳ của Ban Thanh tra nhân dân là bao lâu?": a length of time asked, when none of the sentences that match the
 * question best (`sentences` best first, the first DURATION_SENTENCES) states one or an interval: the documents do not
 * give it, whatever else they say of the body.
 */
export function durationNotStated(words: readonly string[], sentences: ReadonlyArray<{ text: string }>): boolean {
  const asked = words.join(" ");
  if (!ASKS_DURATION.test(asked) || ASKS_FREQUENCY.test(asked) || /\bdinh ky\b/.test(asked)) return false;
  // A term of office ("nhiệm kỳ … bao lâu") is stated with the word: "định kỳ 6 tháng một lần báo cáo" is another thing.
  const term = /\bnhiem ky\b/.test(asked);
  return !bestSay(sentences, DURATION_SENTENCES, (folded) => (term ? /\bnhiem ky\b/.test(folded) && DURATION.test(folded) : DURATION.test(folded) || INTERVAL.test(folded)));
}

/**
 * The units the question asks a count of ("mấy người", "bao nhiêu năm") that no sentence states with a number; as written.
 * `clauses`: the question's clauses, folded ("số mấy, ngày tháng năm nào" asks no count of days: "mấy" and "ngày" are in two clauses);
 * `share`: the question asks a threshold ("cần tối thiểu bao nhiêu người"), which a share of a body states.
 */
export function countsNotStated(clauses: readonly string[], sentences: ReadonlyArray<{ text: string }>, share = false): string[] {
  const text = clauses.map((clause) => ` ${clause} `).join("|");
  const asked = UNITS.filter(([units]) => units.some((unit) => new RegExp(` (?:may|bao nhieu) ${unit} `).test(text)
    // "mấy năm (tổ chức) một lần" asks how often, not a count of years (frequencyNotStated).
    && !new RegExp(` (?:may|bao nhieu) ${unit}(?: [a-z0-9]+){0,4} (?:mot|1) lan `).test(text)));
  if (asked.length === 0) return [];
  const folded = sentences.map((s) => ` ${fold(s.text).toLowerCase()} `);
  return asked.filter(([units]) => {
    // A number of that unit, read as the answer type of "bao nhiêu <unit>" is read (src/answer/evidence.ts).
    return !sentences.some((s, i) => units.some((unit) => holdsAnswerType({ type: "number", unit: unit === "phan tram" ? "%" : unit, share }, s.text, folded[i]))
      || (units.includes("lan") && FREQUENCY.test(folded[i]!)));
  }).map(([, name]) => name);
}

/**
 * A sum of money the question asks for: a word that only names money, a few words before "bao nhiêu" ("phụ cấp
 * bao nhiêu", "phạt tiền bao nhiêu", "mức thưởng cho … là bao nhiêu", "đảng phí bao nhiêu %"), or "bao nhiêu tiền".
 * Not "tiên tiến", "bị phát hiện", "được thường xuyên", "bao nhiêu giải thưởng" or "hỗ trợ bao nhiêu hộ".
 */
const ASKS_AMOUNT = /\b(?:phu cap|kinh phi|chi phi|dang phi|thu lao|muc thuong|tien thuong|muc phat|phat tien|xu phat|tien luong|muc luong|luong co so|quy luong)(?:(?: [a-z0-9]+){0,6} (?:bao nhieu|may phan tram)|(?: [a-z0-9]+){0,20} la bao nhieu)\b|\bbao nhieu tien\b/;
/** An amount written with its unit: "500.000 đồng" (not "5 đồng chí"), "2 triệu", "1% tiền lương", "hệ số 0,3". */
const AMOUNT = /\d[\d.,]*\s*(?:dong(?! chi)|d|vnd|nghin|ngan|trieu|ty|ti)\b|\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram) (?:nghin|ngan|trieu|ty)\b|%|\bphan tram\b|\bhe so\b/;

/** The question asks for a sum of money and no sentence read states one. */
export function amountNotStated(words: readonly string[], sentences: ReadonlyArray<{ text: string }>): boolean {
  if (!ASKS_AMOUNT.test(words.join(" "))) return false;
  return !sentences.some((s) => AMOUNT.test(fold(s.text).toLowerCase()));
}
