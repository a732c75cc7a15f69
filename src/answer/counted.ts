import { fold } from "../text/normalize.ts";
import { holdsAnswerType } from "./evidence.ts";

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

/** "hằng quý", "mỗi năm", "định kỳ 6 tháng": how often, which answers "bao nhiêu lần" without a count of times. */
const FREQUENCY = /\b(?:hang|moi) (?:nam|quy|thang|tuan|ngay|ky)\b|\bdinh ky\b/;

/** The units the question asks a count of ("mấy người", "bao nhiêu năm") that no sentence states with a number; as written. */
export function countsNotStated(words: readonly string[], sentences: ReadonlyArray<{ text: string }>): string[] {
  const text = ` ${words.join(" ")} `;
  const asked = UNITS.filter(([units]) => units.some((unit) => new RegExp(` (?:may|bao nhieu) ${unit} `).test(text)
    // "mấy năm một lần" asks how often, not a count of years.
    && !new RegExp(` (?:may|bao nhieu) ${unit} (?:mot|1) lan `).test(text)));
  if (asked.length === 0) return [];
  const folded = sentences.map((s) => ` ${fold(s.text).toLowerCase()} `);
  return asked.filter(([units]) => {
    // A number of that unit, read as the answer type of "bao nhiêu <unit>" is read (src/answer/evidence.ts).
    return !sentences.some((s, i) => units.some((unit) => holdsAnswerType({ type: "number", unit: unit === "phan tram" ? "%" : unit }, s.text, folded[i]))
      || (units.includes("lan") && FREQUENCY.test(folded[i]!)));
  }).map(([, name]) => name);
}
