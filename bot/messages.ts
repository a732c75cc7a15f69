import type { Citation } from "../src/answer/types.ts";
import { statusText } from "../src/documents/describe.ts";
import { LEVEL_NAMES } from "../src/documents/level.ts";
import type { RegisteredDocument } from "../src/documents/registry.ts";
import type { IssuerLevel } from "../src/documents/level.ts";
import { citationLabel } from "../src/index/schema.ts";

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
    "/tailieu — danh sách văn bản trong kho, cấp ban hành và hiệu lực, ví dụ <code>/tailieu</code>\n" +
    "/capdo <i>cấp</i> — chỉ tra cứu văn bản một cấp (trung-uong, tinh, huyen, xa), ví dụ <code>/capdo tinh</code>; <code>/capdo tat-ca</code> để bỏ\n" +
    "/nguon <i>n</i> — xem toàn văn nguồn số n của câu trả lời gần nhất, ví dụ <code>/nguon 1</code>\n" +
    "/luyentap <i>chủ đề</i> — luyện tập trắc nghiệm (trò chuyện riêng), ví dụ <code>/luyentap mô hình dân vận</code>\n" +
    "/quiz <i>số câu</i> <i>chủ đề</i> — thi quiz trong nhóm, ví dụ <code>/quiz 5 QCDC</code>; /tiep, /dungquiz, /ketqua, /thongkequiz\n" +
    "/mohinh — hướng dẫn từng bước xây dựng mô hình dân vận, xuất kế hoạch DOCX; trong khi làm: /tiendo, /xuat, /huybo\n" +
    "/help — hướng dẫn này\n\n" +
    "Dưới mỗi câu trả lời có nút <b>Nguồn 1</b>, <b>Nguồn 2</b>… để xem nguyên văn, và 👍 / 👎 để góp ý.",
  helpAdmin: "\n\n<b>Quản trị</b>\n/reload — nạp lại kho tài liệu\n/thongke — thống kê sử dụng và góp ý\nGửi tệp PDF, DOCX, TXT, MD, HTML vào trò chuyện riêng — thêm hoặc thay tài liệu\n/xoatailieu <i>n</i> — gỡ tài liệu số n trong /tailieu",
  emptyHoi: "Bạn hãy gõ câu hỏi sau lệnh, ví dụ: <code>/hoi Dân vận là gì?</code>",
  notText: "Tôi chỉ đọc được tin nhắn chữ. Bạn hãy gõ câu hỏi, ví dụ: «Dân vận là gì?»",
  error: "Xin lỗi, đã có lỗi khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.",
  sourceGone: "Không tìm thấy nguồn này nữa (kho tài liệu có thể vừa được cập nhật). Bạn hãy hỏi lại.",
  nguonUsage: "Dùng: <code>/nguon 1</code> để xem nguồn số 1 của câu trả lời gần nhất.",
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
  { command: "capdo", description: "Chỉ tra cứu văn bản một cấp" },
  { command: "nguon", description: "Xem nguồn của câu trả lời gần nhất" },
  { command: "mohinh", description: "Hướng dẫn xây dựng mô hình dân vận" },
  { command: "luyentap", description: "Luyện tập trắc nghiệm" },
  { command: "quiz", description: "Thi quiz trong nhóm" },
  { command: "ketqua", description: "Kết quả quiz gần nhất" },
  { command: "help", description: "Hướng dẫn sử dụng" },
  { command: "start", description: "Giới thiệu" },
];

/**
 * Plain-text messages of the conversation core (every channel), and the labels of the buttons it
 * offers. A label can be reworded freely: buttons carry intents, never their label.
 */
export const coreText = {
  help: [
    "Trợ lý Dân vận trả lời câu hỏi về công tác dân vận, trích dẫn nguyên văn tài liệu kèm nguồn.",
    "• Gõ câu hỏi, ví dụ: Dân vận là gì?",
    "• nguồn 1 — xem toàn văn nguồn số 1 của câu trả lời gần nhất",
    "• /tailieu — danh sách tài liệu (cấp ban hành, còn hiệu lực hay không)",
    "• /capdo tinh — chỉ tra cứu văn bản cấp tỉnh (trung-uong, tinh, huyen, xa; tat-ca để bỏ)",
    "• /luyentap [chủ đề] — luyện tập trắc nghiệm, trả lời bằng A, B, C… hoặc 1, 2, 3…",
    "• /mohinh — hướng dẫn từng bước xây dựng mô hình dân vận (xuất kế hoạch DOCX); /tiendo, /xuat, /huybo",
    "• /dung — dừng luyện tập",
  ].join("\n"),
  emptyMessage: "Bạn hãy gõ câu hỏi, ví dụ: «Dân vận là gì?»",
  emptyHoi: "Gõ câu hỏi sau /hoi, ví dụ: /hoi Dân vận là gì?",
  tooLong: (limit: number) => `Câu hỏi dài quá (tối đa ${limit} ký tự). Bạn hãy hỏi ngắn gọn hơn.`,
  rateLimited: (seconds: number) => `Bạn hỏi hơi nhanh. Vui lòng đợi khoảng ${seconds} giây rồi hỏi tiếp.`,
  unknownCommand: (name: string, help: string) => `Không có lệnh /${name}.\n\n${help}`,
  noAnswerYet: "Chưa có câu trả lời nào có nguồn trong cuộc trò chuyện này.",
  noSuchSource: (count: number, n: number) => `Câu trả lời gần nhất chỉ có ${count} nguồn; không có nguồn số ${n}.`,
  sourceGone: text.sourceGone,
  // Practice
  noQuestionsOn: (topic: string) => `Không có câu hỏi nào về «${topic}».`,
  bankEmpty: "Ngân hàng câu hỏi đang trống.",
  practiceStarted: (count: number, topic: string) => `Bắt đầu luyện tập ${count} câu${topic ? ` về «${topic}»` : ""}. Gõ /dung để dừng.`,
  practiceQuestion: (n: number, total: number, question: string, options: string[]) => `Câu ${n}/${total}: ${question}\n${options.join("\n")}\nTrả lời bằng chữ cái (A, B…) hoặc số (1, 2…).`,
  alreadyAnswered: "Câu này đã được trả lời.",
  right: "✅ Đúng!",
  wrong: (letter: string, option: string) => `❌ Chưa đúng. Đáp án đúng: ${letter}. ${option}`,
  sourceLine: (source: string) => `Nguồn: ${source}`,
  scoreLine: (score: number, of: number) => `Điểm: ${score}/${of}`,
  practiceDone: (score: number, total: number) => `🏁 Hoàn thành luyện tập: ${score}/${total} câu đúng. Gõ /luyentap để luyện tiếp.`,
  practiceStopped: "Đã dừng luyện tập.",
  noPractice: "Không có bài luyện tập nào đang chạy. Gõ /luyentap để bắt đầu.",
  // Checklist
  checklistsOff: "Danh mục hướng dẫn chưa được bật.",
  noChecklists: "Chưa có danh mục hướng dẫn nào.",
  noneActive: "Bạn chưa có danh mục nào đang làm. Gõ /mohinh để bắt đầu.",
  resumed: (title: string) => `Tiếp tục «${title}» từ chỗ đã dừng (gõ «/mohinh bắt đầu lại» để làm lại từ đầu).`,
  nothingToEdit: "Chưa có câu nào để sửa.",
  followUps: (steps: number) => `Sau bước ${steps}, bạn có thể lập thêm:`,
  progress: (title: string, summary: string) => `Tiến độ: ${title}\n\n${summary}`,
  stepLine: (n: number, total: number, bar: string, title: string) => `Bước ${n}/${total} ${bar} — ${title}`,
  why: (text: string) => `Vì sao: ${text}`,
  source: (text: string) => `Nguồn: ${text}`,
  tip: (text: string, source: string) => `💡 ${text} (Nguồn: ${source})`,
  doneWhen: (text: string) => `Hoàn thành khi: ${text}`,
  optional: " (không bắt buộc)",
  dateHint: "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/3/2026.",
  stepActions: "Gõ «quay lại», «bỏ qua» (câu không bắt buộc), «sửa» để chỉnh câu trước, «? câu hỏi» để hỏi tài liệu.",
  summary: (summary: string, error: string | undefined) => `Tóm tắt các câu trả lời:\n\n${summary}${error ? `\n\n⚠️ ${error}` : ""}\n\nGõ «xác nhận» để hoàn thành, hoặc «sửa» để chỉnh.`,
  done: "🎉 Hoàn thành! Kế hoạch gửi kèm dưới đây.",
  cancelled: "Đã hủy danh mục. Gõ /mohinh khi muốn bắt đầu lại.",
  pickEdit: (lines: string[]) => `Chọn câu muốn sửa (gõ số):\n${lines.join("\n")}`,
  // Rendering
  sources: (lines: string[]) => `Nguồn:\n${lines.join("\n")}\n(Gõ «nguồn 1» để xem toàn văn nguồn 1.)`,
  /** Where else a source's words stand (its near-duplicates): three documents at most, then a count. */
  alsoInLine: (alsoIn: Citation["alsoIn"]): string | undefined => {
    // Title with number and date, as in a citation: copies often share a title and differ by date.
    const places = [...new Set(alsoIn.map((d) => citationLabel({ title: d.docTitle, number: d.docNumber, date: d.docDate }, "")))];
    if (places.length === 0) return undefined;
    return `Cũng có trong: ${places.slice(0, 3).join("; ")}${places.length > 3 ? `; và ${places.length - 3} văn bản khác` : ""}`;
  },
  /** "[1] Nghị quyết … (số 25-NQ/TW) › II…", then the "also in" line. */
  citationLine: (c: Pick<Citation, "n" | "label" | "docNumber" | "alsoIn">) => {
    const line = `[${c.n}] ${c.docNumber && !c.label.includes(c.docNumber) ? `${c.label} (số ${c.docNumber})` : c.label}`;
    const also = coreText.alsoInLine(c.alsoIn);
    return also ? `${line}\n    ${also}` : line;
  },
  passage: (n: number, citation: string, text: string) => `Nguồn ${n}: ${citation}\n\n${text}`,
  documentsHeader: (count: number) => `Kho tài liệu có ${count} văn bản:`,
  feedbackThanks: (up: boolean) => (up ? "Cảm ơn bạn đã góp ý 👍" : "Cảm ơn bạn, câu trả lời này sẽ được xem lại 👎"),
  levelNow: (level: IssuerLevel | undefined) =>
    `${level ? `Bạn đang chỉ tra cứu văn bản cấp ${LEVEL_NAMES[level]}.` : "Bạn đang tra cứu văn bản của mọi cấp."}\n` +
    "Chọn cấp: /capdo trung-uong · /capdo tinh · /capdo huyen · /capdo xa · /capdo tat-ca (mọi cấp)",
  levelSet: (level: IssuerLevel | undefined) =>
    level ? `Từ nay tôi chỉ trả lời từ văn bản cấp ${LEVEL_NAMES[level]}. Gõ /capdo tat-ca để tra cứu mọi cấp.` : "Từ nay tôi trả lời từ văn bản của mọi cấp.",
  levelNote: (level: IssuerLevel) => `(Chỉ tra cứu văn bản cấp ${LEVEL_NAMES[level]} — gõ /capdo tat-ca để tra cứu mọi cấp.)`,
  /** A document's level and whether it is in force, as listed by /tailieu on every channel: "cấp tỉnh · đã bị thay thế bởi …". */
  documentStanding: (d: Pick<RegisteredDocument, "level" | "validity">) => `cấp ${LEVEL_NAMES[d.level]} · ${statusText(d.validity)}`,
  documents: (lines: string[]) => `${coreText.documentsHeader(lines.length)}\n${lines.join("\n")}`,
  noDocuments: "Chưa có tài liệu nào trong kho.",
  file: (caption: string, fileName: string) => `📄 ${caption}: ${fileName}`,
  typeHint: (label: string, typed: string) => `→ ${label} (gõ «${typed}»)`,
  pickHint: (label: string) => `→ ${label}`,
  // Button labels
  labels: { back: "⬅️ Quay lại", skip: "⏭ Bỏ qua", edit: "✏️ Sửa", confirm: "✅ Xác nhận", yes: "Có", no: "Không", export: (title: string) => `📄 ${title}` },
};

/** The web chat's API errors (shown by the page). */
/** Telegram uploads and removals by admins (HTML). */
export const uploadText = {
  notAdmin: "Cảm ơn bạn! Chỉ quản trị viên mới thêm được tài liệu vào kho. Nếu bạn có văn bản cần bổ sung, hãy gửi cho Ban Dân vận.",
  adminOnly: "Xin lỗi, lệnh này chỉ dành cho quản trị viên.",
  tooLarge: (mb: number) => `Tệp quá lớn (giới hạn ${mb} MB).`,
  working: (name: string) => `Đang nạp <b>${name}</b> vào kho tài liệu…`,
  downloadFailed: "Không tải được tệp từ Telegram. Bạn vui lòng gửi lại.",
  uploadError: "có lỗi khi nạp; vui lòng thử lại sau ít phút",
  failed: (name: string, reason: string) => `Không nạp được <b>${name}</b>: ${reason}\nKho tài liệu không thay đổi.`,
  done: (updated: boolean, lines: string[], passages: number, warnings: string[]) =>
    `${updated ? "Đã cập nhật" : "Đã thêm"} vào kho (${passages} đoạn):\n${lines.join("\n")}` + (warnings.length ? `\nLưu ý: ${warnings.join("; ")}` : ""),
  removeButton: "Gỡ bỏ",
  keepButton: "Không",
  confirm: (title: string, file: string) => `Gỡ bỏ <b>${title}</b> khỏi kho tài liệu? Tệp <code>${file}</code> sẽ bị xóa.`,
  removed: (titles: string[], file: string) => `Đã gỡ bỏ: ${titles.join("; ")} (tệp <code>${file}</code>).`,
  kept: "Đã giữ nguyên tài liệu.",
  gone: "Không còn tài liệu này trong kho.",
  removeUsage: (count: number) => `Dùng: <code>/xoatailieu n</code>, với n là số thứ tự trong /tailieu (từ 1 đến ${count}).`,
};

/** The admin console (/admin) and its API. */
export const adminText = {
  title: "Quản trị kho tài liệu — Trợ lý Dân vận",
  disabled: "Bảng quản trị chưa được bật. Để bật, đặt ADMIN_PASSWORD (ít nhất 8 ký tự) trong tệp .env rồi khởi động lại: npm start.",
  backToChat: "← Về trang hỏi đáp",
  passwordLabel: "Mật khẩu quản trị",
  loginButton: "Đăng nhập",
  logoutButton: "Đăng xuất",
  loginWrong: "Mật khẩu không đúng.",
  loginBlocked: (minutes: number) => `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau khoảng ${minutes} phút.`,
  loginNeeded: "Cần đăng nhập quản trị.",
  csrfRefused: "Yêu cầu bị từ chối: không đến từ trang quản trị này (thiếu hoặc sai mã bảo vệ).",
  tooLarge: "Nội dung gửi lên quá lớn.",
  fileTooLarge: (maxBytes: number) => `Tệp quá lớn (giới hạn ${Math.round(maxBytes / 1048576)} MB; đổi MAX_FILE_MB nếu cần).`,
  noFile: "Thiếu tệp: gửi tệp trong trường «file» (multipart/form-data).",
  badDate: "ngày phải có dạng YYYY-MM-DD",
  uploadError: "Có lỗi khi nạp tệp; kho tài liệu không thay đổi. Vui lòng thử lại.",
  removeError: "Có lỗi khi gỡ tài liệu. Vui lòng thử lại.",
  noDocument: "Không có tài liệu này (có thể đã được gỡ).",
  noCurated: "Không có câu trả lời đã duyệt này.",
  curatedTitle: "Câu trả lời đã duyệt",
  statsTitle: "Thống kê",
  usageChart: "Câu hỏi mỗi ngày (30 ngày gần nhất)",
  usageChartDescription: (days: number) => `Biểu đồ cột ${days} ngày: số câu hỏi, số câu tài liệu chưa có, số lượt khen 👍 và chê 👎 mỗi ngày.`,
  quizChart: "Kết quả các cuộc thi quiz trong nhóm",
  quizChartDescription: (count: number) => `Biểu đồ cột ${count} cuộc thi gần nhất: tỉ lệ trả lời đúng trung bình (%) và số người tham gia.`,
  questionsSeries: "Câu hỏi",
  refusedSeries: "Tài liệu chưa có",
  upSeries: "Lượt khen 👍",
  downSeries: "Lượt chê 👎",
  scoreSeries: "Đúng trung bình (%)",
  participantsSeries: "Người tham gia",
  mostMissedTitle: "Câu quiz hay sai nhất",
  downvotedTitle: "Câu trả lời bị chê (👎)",
  refusedTitle: "Câu hỏi tài liệu chưa có",
  uploadTitle: "Thêm hoặc thay tài liệu",
  fileLabel: "Tệp (PDF có lớp chữ, DOCX, TXT, MD, HTML)",
  optionalFields: "Thông tin văn bản (không bắt buộc)",
  fieldTitle: "Tên văn bản",
  fieldNumber: "Số hiệu",
  fieldDate: "Ngày ban hành",
  fieldIssuer: "Cơ quan ban hành",
  uploadButton: "Tải lên và nạp",
  documentsTitle: "Tài liệu trong kho",
  auditTitle: "Nhật ký thao tác",
};

export const webText = {
  tooLarge: "Tin nhắn quá dài.",
  notJson: "Nội dung gửi lên không phải JSON hợp lệ.",
  tooFast: (seconds: number) => `Bạn gửi hơi nhanh. Vui lòng đợi khoảng ${seconds} giây.`,
  error: "Xin lỗi, đã có lỗi khi xử lý tin nhắn này. Bạn vui lòng thử lại.",
  noPassage: "Không tìm thấy nguồn.",
  noFeedback: "Chưa nhận góp ý trên trang này.",
  badFeedback: "Góp ý không hợp lệ (câu trả lời không thuộc phiên này).",
  fileExpired: "Tệp đã hết hạn; hãy xuất lại.",
  session: { missing: "thiếu mã phiên (chuỗi)", invalid: "phiên không hợp lệ" },
  message: { missing: "thiếu nội dung tin nhắn (chuỗi)", tooLong: "tin nhắn quá dài", shape: "cần một đối tượng JSON có «session» và «text»", field: "nội dung" },
};
