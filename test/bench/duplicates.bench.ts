import path from "node:path";
import { NEAR_DUPLICATE_SIMILARITY, numeralsAgree, signatureOf, similarity } from "../../src/index/near-duplicates.ts";
import { KNOWLEDGE, openAnswerer, runIngest, tempDir } from "../helpers/index.ts";
import { percentile, table } from "./util.ts";

/**
 * `npm run bench:duplicates`: where the near-duplicate threshold comes from. On the bundled passages:
 * how similar different passages are (they must stay apart), and how similar each passage stays under
 * the edits a re-issued copy makes (they must be found): a sentence added or removed, a changed
 * preamble, a place renamed; and a changed number, which must keep the two apart whatever the wording.
 */
const sentencesOf = (text: string) => text.split(/(?<=[.;:!?])\s+/u).filter((s) => s.trim().length > 0);

const THRESHOLDS = [...new Set([0.5, NEAR_DUPLICATE_SIMILARITY, 0.7, 0.8])];
const counts = (values: number[]) => Object.fromEntries(THRESHOLDS.map((t) => [`≥ ${t}`, values.filter((v) => v >= t).length]));

const { dir, cleanup } = await tempDir("tldv-bench-dup-");
try {
  await runIngest(KNOWLEDGE, path.join(dir, "index"));
  const knowledge = await openAnswerer(path.join(dir, "index"));
  const passages = (await knowledge.index.allPassages()).filter((p) => p.clean.split(/\s+/).length >= 12);
  knowledge.close();
  const signatures = passages.map((p) => signatureOf(p.clean));

  // Different passages: each one's most similar other passage.
  const nearestOther = signatures.map((s, i) => Math.max(...signatures.map((t, j) => (i === j || passages[i]!.clean === passages[j]!.clean ? 0 : similarity(s.minhash, t.minhash)))));

  const edits: Array<[string, (text: string, i: number) => string | undefined]> = [
    ["thêm một câu", (text, i) => `${text} ${sentencesOf(passages[(i + 7) % passages.length]!.clean)[0]}`],
    ["bỏ câu đầu", (text) => (sentencesOf(text).length > 2 ? sentencesOf(text).slice(1).join(" ") : undefined)],
    ["lời mở đầu khác", (text) => `Thực hiện chỉ đạo của Tỉnh ủy, Ban Dân vận tỉnh hướng dẫn như sau: ${text}`],
    ["đổi tên địa phương", (text) => text.replace(/Trung ương|Khối|cơ sở|cơ quan/gu, "tỉnh Nghệ An")],
  ];
  const rows = [];
  rows.push({ "trường hợp": "hai đoạn khác nhau của kho (đoạn giống nhất)", "số cặp": passages.length, "p50": percentile(nearestOther, 50), "p95": percentile(nearestOther, 95), "lớn nhất": Math.max(...nearestOther), ...counts(nearestOther) });
  for (const [label, edit] of edits) {
    const values: number[] = [];
    let together = 0;
    passages.forEach((p, i) => {
      const edited = edit(p.clean, i);
      if (!edited || edited === p.clean) return;
      const s = signatureOf(edited);
      const value = similarity(signatures[i]!.minhash, s.minhash);
      values.push(value);
      if (value >= NEAR_DUPLICATE_SIMILARITY && numeralsAgree(signatures[i]!.numerals, s.numerals)) together++;
    });
    rows.push({ "trường hợp": `bản sao: ${label}`, "số cặp": values.length, "p50": percentile(values, 50), "p95": percentile(values, 5), "lớn nhất": Math.min(...values), ...counts(values) });
  }
  // A changed number: the wording is the same, the numbers say otherwise.
  const withNumber = passages.map((p, i) => ({ p, i })).filter(({ p }) => /\d|\b(?:hai|ba|bốn|năm)\b/u.test(p.clean));
  // A pair whose numbers disagree is never one group, whatever its similarity: counted as 0.
  const changedNumber = withNumber.map(({ p, i }) => {
    const changed = p.clean.replace(/\d+|\b(?:hai|ba|bốn|năm)\b/u, (m) => (/\d/.test(m) ? String(Number(m) + 1) : m === "hai" ? "ba" : "hai"));
    const s = signatureOf(changed);
    return numeralsAgree(signatures[i]!.numerals, s.numerals) ? similarity(signatures[i]!.minhash, s.minhash) : 0;
  });
  rows.push({ "trường hợp": "bản sao đổi một con số (phải tách)", "số cặp": withNumber.length, "p50": "—", "p95": "—", "lớn nhất": "—", ...counts(changedNumber) });
  table("bench:duplicates — độ giống ước lượng (MinHash một hoán vị, 64 ô, đoạn ≥ 12 âm tiết); với bản sao: cột p95 là mức thấp 5%, «lớn nhất» là thấp nhất", rows);
} finally {
  await cleanup();
}
