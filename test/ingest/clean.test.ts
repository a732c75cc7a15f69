import { describe, expect, it } from "vitest";
import { cleanText } from "../../ingest/clean.ts";
import { isStructuralLine } from "../../ingest/outline.ts";

const clean = (text: string) => cleanText(text, isStructuralLine);

describe("cleaning", () => {
  it("joins lines broken in the middle of a sentence by PDF extraction", () => {
    const source = [
      "Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối các cơ quan Trung ương tổ chức hội nghị tổng ",
      "",
      "kết 10 năm thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI và",
      "",
      "05 năm thực hiện Kết luận số 43-KL/TW của Ban Bí thư về tiếp tục thực hiện Nghị quyết.",
      "",
      "Dự hội nghị có các đồng chí lãnh đạo Ban Dân vận Trung ương và Đảng ủy Khối các cơ quan",
      "",
      "Trung ương cùng đại biểu các đảng ủy trực thuộc và cán bộ làm công tác dân vận ở cơ sở.",
      "",
      "Một dòng chú thích ảnh ngắn",
      "",
      "Đoạn tiếp theo bắt đầu ở đây và kết thúc bằng dấu chấm như mọi câu văn bình thường khác.",
    ].join("\n");
    const { paragraphs } = clean(source);
    expect(paragraphs.map((p) => p.text)).toEqual([
      "Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối các cơ quan Trung ương tổ chức hội nghị tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI và 05 năm thực hiện Kết luận số 43-KL/TW của Ban Bí thư về tiếp tục thực hiện Nghị quyết.",
      "Dự hội nghị có các đồng chí lãnh đạo Ban Dân vận Trung ương và Đảng ủy Khối các cơ quan Trung ương cùng đại biểu các đảng ủy trực thuộc và cán bộ làm công tác dân vận ở cơ sở.",
      "Một dòng chú thích ảnh ngắn",
      "Đoạn tiếp theo bắt đầu ở đây và kết thúc bằng dấu chấm như mọi câu văn bình thường khác.",
    ]);
  });

  it("collapses every kind of space to one, and maps each clean character back to its place in the source", () => {
    const source = "Dân vận  là\tvận động\u00a0nhân dân\ntất cả lực lượng.\n\n  Việc dân vận rất quan trọng. ";
    const [first, second] = cleanText(source, isStructuralLine).paragraphs;
    expect(first!.text).toBe("Dân vận là vận động nhân dân tất cả lực lượng.");
    expect(second!.text).toBe("Việc dân vận rất quan trọng.");
    for (const paragraph of [first!, second!]) {
      [...paragraph.text].forEach((ch, i) => {
        if (ch !== " ") expect(source[paragraph.map[i]!]).toBe(ch);
      });
      expect(source.slice(paragraph.start, paragraph.end).replace(/\s+/g, " ")).toBe(paragraph.text);
    }
  });

  it("drops markdown emphasis for the index but keeps the verbatim source range", () => {
    const source = "**1- Trong những năm vừa qua**, phong trào \"*Dân vận khéo*\" đạt kết quả.";
    const [paragraph] = clean(source).paragraphs;
    expect(paragraph!.text).toBe("1- Trong những năm vừa qua, phong trào \"Dân vận khéo\" đạt kết quả.");
    expect(source.slice(paragraph!.start, paragraph!.end)).toBe(source);
  });

  it("splits bold runs glued together into separate lines", () => {
    const { paragraphs } = clean("**KẾT LUẬN  \nCỦA BAN BÍ THƯ****Về nâng cao hiệu quả công tác dân vận**\n\nI- MỤC TIÊU, QUAN ĐIỂM**1- Mục tiêu**");
    expect(paragraphs.map((p) => p.text)).toEqual(["KẾT LUẬN", "CỦA BAN BÍ THƯ", "Về nâng cao hiệu quả công tác dân vận", "I- MỤC TIÊU, QUAN ĐIỂM", "1- Mục tiêu"]);
  });

  it("removes page numbers, PDF page markers and broken replacement characters", () => {
    const { paragraphs } = clean("Đoạn một kết thúc ở đây.\n\n- 2 -\n\n-- 2 of 3 --\n\nTrang 3\n\n(\uFFFD) Bài báo của Chủ tịch Hồ Chí Minh.");
    expect(paragraphs.map((p) => p.text)).toEqual(["Đoạn một kết thúc ở đây.", "Bài báo của Chủ tịch Hồ Chí Minh."]);
  });

  it("sets bylines and time stamps aside as metadata", () => {
    const { paragraphs, metaLines } = clean("Tiêu đề bài viết\n05:59 07/09/2023\nTác giả: Đang cập nhật\n\nNội dung bài viết.\nTheo: dukcqtw.dcs.vn");
    expect(paragraphs.map((p) => p.text)).toEqual(["Tiêu đề bài viết", "Nội dung bài viết."]);
    expect(metaLines).toEqual(["05:59 07/09/2023", "Tác giả: Đang cập nhật", "Theo: dukcqtw.dcs.vn"]);
  });

  it("records where two documents in one file are separated", () => {
    const { paragraphs, separators } = clean("Văn bản thứ nhất.\n\n---o0o---\nI. Văn bản thứ hai\nNội dung.");
    expect(separators).toEqual([1]);
    expect(paragraphs[1]!.text).toBe("I. Văn bản thứ hai");
  });

  it("never joins a heading or list item to the line before it (a short numbered heading takes its wrapped line after it)", () => {
    const { paragraphs } = clean("Nội dung gồm các việc sau\n- tuyên truyền cho dân\n- gương mẫu trước dân\n2. Phương thức\nmô tả phương thức");
    expect(paragraphs.map((p) => p.text)).toEqual(["Nội dung gồm các việc sau", "- tuyên truyền cho dân", "- gương mẫu trước dân", "2. Phương thức mô tả phương thức"]);
  });
});
