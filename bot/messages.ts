/** User-facing Vietnamese text of the chat channels, in one place for review. */
export const text = {
  start: (name: string) =>
    `Xin chào${name ? ` ${name}` : ""}! Tôi là <b>Trợ lý Dân vận</b>.\n` +
    "Tôi trả lời câu hỏi về công tác dân vận bằng cách trích dẫn nguyên văn các nghị quyết, kết luận, hướng dẫn trong kho tài liệu, kèm nguồn cụ thể. Nếu tài liệu không nói đến, tôi sẽ nói rõ là không có.\n\n" +
    "Cứ gõ câu hỏi (có dấu hay không dấu đều được), ví dụ: <i>Dân vận là gì?</i>\n\n" +
    "/help — hướng dẫn và các lệnh\n/tailieu — danh sách tài liệu\n/luyentap — luyện tập trắc nghiệm\n/mohinh — hướng dẫn xây dựng mô hình dân vận",
  help:
    "<b>Cách dùng</b>\n" +
    "• Trong trò chuyện riêng: gõ câu hỏi, ví dụ <i>Các bước xây dựng mô hình dân vận?</i>\n" +
    "• Trong nhóm: <code>/hoi câu hỏi</code>, nhắc tên bot, hoặc trả lời tin nhắn của bot.\n\n" +
    "<b>Các lệnh</b>\n" +
    "/hoi <i>câu hỏi</i> — hỏi, ví dụ <code>/hoi Thủ trưởng cơ quan có trách nhiệm gì trong thực hiện QCDC?</code>\n" +
    "/tailieu — danh sách văn bản trong kho, ví dụ <code>/tailieu</code>\n" +
    "/nguon <i>n</i> — xem toàn văn nguồn số n của câu trả lời gần nhất, ví dụ <code>/nguon 1</code>\n" +
    "/luyentap <i>chủ đề</i> — luyện tập trắc nghiệm (trò chuyện riêng), ví dụ <code>/luyentap mô hình dân vận</code>\n" +
    "/quiz <i>số câu</i> <i>chủ đề</i> — thi quiz trong nhóm, ví dụ <code>/quiz 5 QCDC</code>; /tiep, /dungquiz, /ketqua, /thongkequiz\n" +
    "/mohinh — hướng dẫn từng bước xây dựng mô hình dân vận, xuất kế hoạch DOCX; trong khi làm: /tiendo, /xuat, /huybo\n" +
    "/help — hướng dẫn này\n\n" +
    "Dưới mỗi câu trả lời có nút <b>Nguồn 1</b>, <b>Nguồn 2</b>… để xem nguyên văn, và 👍 / 👎 để góp ý.",
  helpAdmin: "\n\n<b>Quản trị</b>\n/reload — nạp lại kho tài liệu\n/thongke — thống kê sử dụng và góp ý",
  emptyHoi: "Bạn hãy gõ câu hỏi sau lệnh, ví dụ: <code>/hoi Dân vận là gì?</code>",
  tooLong: (limit: number) => `Câu hỏi dài quá (tối đa ${limit} ký tự). Bạn hãy hỏi ngắn gọn hơn.`,
  notText: "Tôi chỉ đọc được tin nhắn chữ. Bạn hãy gõ câu hỏi, ví dụ: «Dân vận là gì?»",
  rateLimited: (seconds: number) => `Bạn hỏi hơi nhanh. Vui lòng đợi khoảng ${seconds} giây rồi hỏi tiếp.`,
  error: "Xin lỗi, đã có lỗi khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.",
  sourceGone: "Không tìm thấy nguồn này nữa (kho tài liệu có thể vừa được cập nhật). Bạn hãy hỏi lại.",
  nguonUsage: "Dùng: <code>/nguon 1</code> để xem nguồn số 1 của câu trả lời gần nhất.",
  feedbackThanks: (up: boolean) => (up ? "Cảm ơn bạn đã góp ý 👍" : "Cảm ơn bạn, câu trả lời này sẽ được xem lại 👎"),
  adminOnly: "Xin lỗi, lệnh này chỉ dành cho quản trị viên.",
  reloading: "Đang nạp lại kho tài liệu…",
  reloaded: (documents: number, chunks: number, changed: boolean, problems: string[]) =>
    `Đã nạp lại: ${documents} văn bản, ${chunks} đoạn${changed ? "" : " (không có thay đổi)"}.` +
    (problems.length ? `\nCần xem lại:\n${problems.map((p) => `• ${p}`).join("\n")}` : ""),
  reloadFailed: (reason: string) => `Không nạp lại được: ${reason}\nBot vẫn dùng kho tài liệu cũ.`,
  stats: (u: { questions: number; questionsToday: number; abstained: number; users: number; feedbackUp: number; feedbackDown: number }) =>
    `<b>Thống kê</b>\nCâu hỏi: ${u.questions} (hôm nay ${u.questionsToday})\nKhông có trong tài liệu: ${u.abstained}\nNgười dùng: ${u.users}\nGóp ý: 👍 ${u.feedbackUp} · 👎 ${u.feedbackDown}`,
  weakHeader: "\n\n<b>Câu trả lời bị chê gần đây</b>",
};

export const COMMANDS = [
  { command: "hoi", description: "Hỏi về công tác dân vận" },
  { command: "tailieu", description: "Danh sách tài liệu" },
  { command: "nguon", description: "Xem nguồn của câu trả lời gần nhất" },
  { command: "mohinh", description: "Hướng dẫn xây dựng mô hình dân vận" },
  { command: "luyentap", description: "Luyện tập trắc nghiệm" },
  { command: "quiz", description: "Thi quiz trong nhóm" },
  { command: "ketqua", description: "Kết quả quiz gần nhất" },
  { command: "help", description: "Hướng dẫn sử dụng" },
  { command: "start", description: "Giới thiệu" },
];
