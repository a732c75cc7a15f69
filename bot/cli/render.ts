import type { AnswerResult } from "../../src/answer/types.ts";
import { coreText } from "../messages.ts";
import type { NotStated } from "../../src/answer/not-stated.ts";

/** Plain-text rendering of an answer for the terminal: the answer, then its sources. */
export function renderAnswerText(result: AnswerResult): string {
  // "Not covered" has no sources; an answer and related passages have theirs.
  if (result.grade === "none" || result.citations.length === 0) return result.answer;
  const sources = result.citations.map(coreText.citationLine);
  return `${result.answer}\n\nNguồn:\n${sources.join("\n")}`;
}

const num = (value: number | undefined) => (value === undefined ? "—" : value.toFixed(3));

/** The reasons of src/answer/not-stated.ts, for the developer's view. */
const NOT_STATED_LABELS: Record<NotStated["reason"], string> = {
  text: "văn bản không có trong kho, chỉ được nhắc đến",
  date: "ngày ban hành của văn bản không có trong kho",
  signer: "người ký văn bản không có trong kho",
  count: "số liệu câu hỏi cần",
  current: "người giữ chức vụ hiện nay",
  frequency: "bao lâu làm một lần (định kỳ)",
  duration: "thời hạn, độ dài thời gian (bao lâu)",
  place: "địa điểm (ở đâu)",
  holder: "tên người giữ chức vụ câu hỏi nêu",
  textNumber: "số hiệu của văn bản",
  event: "ngày của sự việc câu hỏi nêu (hiệu lực, thành lập, phát động)",
  form: "mẫu văn bản, biểu mẫu (kho tài liệu chưa có)",
  sanction: "hình thức kỷ luật (khiển trách, cảnh cáo…)",
  consequence: "việc xử lý khi không làm, làm sai",
  enumeration: "các mục mà con số trong câu hỏi chỉ đến (tài liệu chỉ nhắc con số)",
};

/** Why an answer came out as it did, for `ask --explain`: a developer's view, in plain text. */
export function renderExplanation(result: AnswerResult): string {
  const e = result.explain;
  if (!e) return "(không có giải thích: câu hỏi trống)";
  const scope = [e.intent.scope.documentNumber && `văn bản số ${e.intent.scope.documentNumber}`, e.intent.scope.year && `năm ${e.intent.scope.year}`, e.intent.scope.place].filter(Boolean).join(", ");
  const lines = [
    "— Giải thích —",
    `Loại câu hỏi: ${e.intent.type}${e.intent.focus.length ? ` · đối tượng: «${e.intent.focus.join(" ")}»` : ""}${e.intent.duty.length ? ` · việc: «${e.intent.duty.join(" ")}»` : ""}${scope ? ` · phạm vi: ${scope}` : ""}`,
    `Quy tắc đã thử: ${e.rules.map((r) => `${r.rule} (${r.outcome})`).join(" → ") || "—"}`,
    e.candidate
      ? `Đề xuất: ${e.candidate.rule}, đoạn #${e.candidate.rank + 1} ${e.candidate.rank < 0 ? "(từ bảng trách nhiệm)" : ""} · khớp đối tượng ${num(e.candidate.focusMatch)} · độ phủ ${num(e.candidate.support)} · đúng loại ${e.candidate.typeFound ? "có" : "không"}`
      : "Đề xuất: không có",
    `Đặc trưng: ${Object.entries(e.features).map(([name, value]) => `${name}=${value.toFixed(3)}`).join(" ")}`,
    ...(e.absentPlaces ? [`Nơi không tài liệu nào nhắc đến: ${e.absentPlaces.join(", ")} → none`] : []),
    ...(e.otherField ? ["Câu hỏi thuộc lĩnh vực khác (không thuật ngữ nào của từ điển, không cặp từ nào phổ biến trong tài liệu) → none"] : []),
    ...(e.notStated ? [`Tài liệu không thể nêu: ${NOT_STATED_LABELS[e.notStated.reason]}${e.notStated.reason === "count" ? ` (${e.notStated.units.join(", ")})` : e.notStated.reason === "enumeration" ? ` (${e.notStated.mention})` : e.notStated.reason === "event" ? ` (${e.notStated.event})` : "text" in e.notStated ? ` (${e.notStated.text})` : ""} → none`] : []),
    `Tài liệu có đề cập: ${e.covered.toFixed(3)} (ngưỡng ${e.thresholds.covered}) · câu trả lời đúng: ${e.right.toFixed(3)} (ngưỡng ${e.thresholds.answer}) → ${result.grade}`,
    "Các đoạn tìm được:",
    ...e.passages.map((p) => `  ${p.rank}. điểm ${p.score.toFixed(3)} · phủ ${p.coverage.toFixed(3)} · BM25 ${p.fulltext.toFixed(2)} · tương đồng ${p.similarity.toFixed(3)} · ${p.section || "(không có mục)"}`),
  ];
  return lines.join("\n");
}
