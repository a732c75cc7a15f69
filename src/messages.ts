/** User-facing Vietnamese text of the core, in one place so wording can be reviewed together. */
export const messages = {
  notFound: "Tài liệu hiện có không đề cập đến nội dung này, nên tôi không trả lời để tránh thông tin sai.",
  notFoundSuggest: "Các chủ đề gần nhất mà tài liệu có nói đến:",
  emptyQuestion: "Bạn hãy nhập câu hỏi, ví dụ: «Dân vận là gì?»",
  sources: "Nguồn",
};
