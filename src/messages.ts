import type { NotStated } from "./answer/not-stated.ts";

/** User-facing Vietnamese text of the core, in one place so wording can be reviewed together. */
export const messages = {
  notFound: "Tài liệu hiện có không đề cập đến nội dung này, nên tôi không trả lời để tránh thông tin sai.",
  placeNotCovered: (places: string[]) => `Tài liệu hiện có không nhắc đến ${places.join(", ")}, nên tôi không trả lời để tránh thông tin sai.`,
  /** Why the documents cannot answer (src/answer/not-stated.ts). */
  notStated: (why: NotStated) => {
    switch (why.reason) {
      case "text": return why.mentioned
        ? `Kho tài liệu chưa có ${why.text}; các văn bản trong kho chỉ nhắc đến văn bản này, nên tôi không trả lời về nội dung của nó để tránh thông tin sai.`
        : `Kho tài liệu chưa có ${why.text}, nên tôi không trả lời về nội dung của nó để tránh thông tin sai.`;
      case "date": return `Kho tài liệu chưa có ${why.text}, và tài liệu hiện có không ghi ngày ${why.effective ? "có hiệu lực" : "ban hành"} của văn bản này, nên tôi không trả lời để tránh thông tin sai.`;
      case "signer": return `Kho tài liệu chưa có ${why.text}, và tài liệu hiện có không ghi người ký văn bản này, nên tôi không trả lời để tránh thông tin sai.`;
      case "current": return "Tài liệu hiện có nói theo thời điểm ban hành, không cho biết ai đang giữ chức vụ này hiện nay, nên tôi không trả lời để tránh thông tin sai.";
      case "enumeration": return `Tài liệu hiện có chỉ nhắc đến «${why.mention}» mà không kể ra cụ thể, nên tôi không trả lời để tránh thông tin sai.`;
      case "event": return `Tài liệu hiện có không ghi ${why.event} mà câu hỏi cần, nên tôi không trả lời để tránh thông tin sai.`;
      case "form": return "Kho tài liệu chưa có mẫu (biểu mẫu) văn bản mà bạn cần, nên tôi không gửi được mẫu để tránh đưa thông tin sai.";
      case "sanction": return "Tài liệu hiện có không nêu hình thức kỷ luật cụ thể cho trường hợp này, nên tôi không trả lời để tránh thông tin sai.";
      case "consequence": return "Tài liệu hiện có không nêu việc xử lý cụ thể cho trường hợp này, nên tôi không trả lời để tránh thông tin sai.";
      case "textNumber": return "Tài liệu hiện có không ghi số hiệu của văn bản này, nên tôi không trả lời để tránh thông tin sai.";
      case "duration": return "Tài liệu hiện có không nêu thời hạn (bao lâu) mà câu hỏi cần, nên tôi không trả lời để tránh thông tin sai.";
      case "holder": return "Tài liệu hiện có không ghi tên người giữ chức vụ này, nên tôi không trả lời để tránh thông tin sai.";
      case "place": return "Tài liệu hiện có không nêu địa điểm (ở đâu) mà câu hỏi cần, nên tôi không trả lời để tránh thông tin sai.";
      case "frequency": return "Tài liệu hiện có không nêu việc này được tổ chức, thực hiện bao lâu một lần, nên tôi không trả lời để tránh thông tin sai.";
      case "count": return `Tài liệu hiện có không nêu số ${why.units.join(", số ")} mà câu hỏi cần, nên tôi không trả lời để tránh thông tin sai.`;
    }
  },
  notFoundSuggest: "Các chủ đề gần nhất mà tài liệu có nói đến:",
  related: "Tài liệu có các đoạn liên quan sau, có thể chưa trả lời đúng câu hỏi:",
  noSearchableWords: "Câu hỏi chưa có chữ nào để tra cứu. Bạn hãy hỏi bằng lời, ví dụ: «Dân vận là gì?»",
  moreItems: (count: number, n: number) => `(còn ${count} ý nữa trong nguồn [${n}])`,
  emptyQuestion: "Bạn hãy nhập câu hỏi, ví dụ: «Dân vận là gì?»",
  sources: "Nguồn",
  curatedMark: "✅ Câu trả lời đã được duyệt",
  curatedPassageChanged: (chunkId: string) => `đoạn nguồn ${chunkId} đã thay đổi hoặc không còn trong kho tài liệu`,
  newerPassage: (name: string, text: string, n: number) => `Nội dung tương ứng trong ${name}: «${text}» [${n}]`,
};
