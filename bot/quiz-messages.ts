import { coreText } from "./messages.ts";

/** User-facing Vietnamese text of quiz sessions. */
export const quizText = {
  questionHeader: (n: number, total: number) => `Câu ${n}/${total}:`,
  timeLimit: (seconds: number) => `⏱ ${seconds} giây — chọn một đáp án bên dưới.`,
  missingQuestion: "Câu hỏi này không còn trong ngân hàng câu hỏi; chuyển sang câu tiếp theo.",
  groupOnly: "Quiz chỉ dùng trong nhóm. Trong trò chuyện riêng, bạn hãy dùng <code>/luyentap</code> để luyện tập.",
  privateOnly: "Chế độ luyện tập dành cho trò chuyện riêng với bot. Trong nhóm, dùng /quiz.",
  alreadyRunning: "Nhóm đang có một quiz chưa kết thúc. Người điều hành có thể dùng /tiep hoặc /dungquiz.",
  noneRunning: "Hiện không có quiz nào đang chạy trong nhóm này.",
  trainerOnly: "Chỉ người bắt đầu quiz (hoặc quản trị viên) mới chuyển câu hoặc dừng quiz.",
  noQuestions: (topic: string) => (topic ? `Không có câu hỏi nào về «${topic}». Hãy thử chủ đề khác hoặc bỏ trống.` : coreText.bankEmpty),
  announce: (count: number, topic: string, seconds: number, trainer: string) =>
    `📝 <b>Bắt đầu quiz</b>: ${count} câu${topic ? ` về «${topic}»` : ""}, mỗi câu ${seconds} giây.\nNgười điều hành: ${trainer}. /tiep để sang câu tiếp, /dungquiz để dừng.`,
  leaderboardRow: (rank: number, name: string, correct: number, asked: number, seconds: number) =>
    `${rank === 1 ? "🥇" : rank === 2 ? "🥈" : rank === 3 ? "🥉" : `${rank}.`} ${name}: ${correct}/${asked} câu đúng (${seconds.toFixed(1).replace(".", ",")} giây)`,
  nobody: "Chưa có ai trả lời.",
  questionRow: (n: number, question: string, correct: number, answered: number) => `Câu ${n}: ${correct}/${answered} đúng — ${question}`,
  results: (stopped: boolean, asked: number, total: number, board: string[], stats: string[]) =>
    `🏁 <b>${stopped ? `Quiz đã dừng sau ${asked}/${total} câu` : "Kết thúc quiz"}</b>\n\n<b>Bảng xếp hạng</b>\n${board.join("\n")}\n\n<b>Từng câu</b>\n${stats.join("\n")}`,
  csvButton: "📥 Tải kết quả (CSV)",
  csvCaption: "Kết quả quiz (mở bằng Excel).",
  noResults: "Nhóm này chưa có quiz nào kết thúc.",
  missedRow: (question: string, wrong: number, answered: number, source: string) => `• ${question} — sai ${wrong}/${answered}${source ? `\n   <i>${source}</i>` : ""}`,
  unitStats: (sessions: number, rows: string[]) => `📊 <b>Câu hay sai nhất</b> (qua ${sessions} quiz)\n${rows.join("\n")}`,
  expired: "Câu hỏi này đã hết hạn.",
  recorded: (correct: boolean) => (correct ? "Đã ghi nhận: đúng ✅" : "Đã ghi nhận: chưa đúng ❌"),
  outcome: (kind: string) =>
    kind === "twice" ? "Bạn đã trả lời câu này rồi." : kind === "late" ? "Hết giờ cho câu này." : kind === "closed" ? "Quiz đã kết thúc." : "Câu này đã qua.",
  resumed: (n: number, total: number) => `Bot vừa khởi động lại; quiz tiếp tục từ câu ${n}/${total}, các câu trả lời trước vẫn được tính.`,
};
