/** Sentence boundaries in Vietnamese prose, as [start, end) character ranges. */

/** Tokens that end in a dot without ending a sentence: initials, "v.v.", titles. */
const NOT_AN_END = /(?:^|[\s(])(?:v\.v|TP|Tp|TS|ThS|PGS|GS|NXB|Nxb|tr|St|[A-ZĐ]|\d{1,2})\.$/u;

export function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const boundary = /[.!?…]+["”’»)\]]*(?=\s+["“(]?[\p{Lu}\d\-–•*+])|;(?=\s+[-–+•])|(?<=:)\s+(?=[-–+•]\s)|\s+(?=[-–+•]\s+\p{Lu})/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (NOT_AN_END.test(text.slice(Math.max(0, end - 6), end).trimEnd())) continue;
    if (text.slice(start, end).trim()) ranges.push([start, end]);
    start = end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (text.slice(start).trim()) ranges.push([start, text.length]);
  return ranges.map(([s, e]) => {
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    return [s, e] as [number, number];
  });
}
