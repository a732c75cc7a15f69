import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * A list written inline in a sentence that sits inside an item of a wider list: the question repeats the
 * sentence's words ("thực hiện nghiêm các quy định về …") and asks for what follows them. Made-up text.
 */
const TEXT = [
  "KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY ĐÔNG SƠN VỀ XÂY DỰNG KHU DÂN CƯ VĂN MINH",
  "",
  "2- Thời gian tới, để tạo chuyển biến rõ nét, Ban Thường vụ yêu cầu các chi bộ, thôn, tổ dân phố thực hiện tốt một số nhiệm vụ chủ yếu sau:",
  "",
  "- Tăng cường tuyên truyền cho nhân dân về hương ước, quy ước của thôn. Tổ chức họp thôn mỗi quý để bàn việc chung của khu dân cư.",
  "",
  "- Củng cố các tổ tự quản ở từng xóm; kiện toàn ban công tác Mặt trận ở thôn. Phân công đảng viên phụ trách từng hộ gia đình. Thực hiện nghiêm các quy định về giữ gìn đường làng ngõ xóm, tiếng ồn ban đêm, nuôi chó thả rông, đốt rơm rạ ngoài đồng. Kịp thời hòa giải những mâu thuẫn nhỏ trong khu dân cư.",
  "",
  "- Đẩy mạnh phong trào thi đua xây dựng gia đình văn hóa; biểu dương kịp thời những hộ làm tốt.",
  "",
  "3- Giao Ban Dân vận Huyện ủy theo dõi, đôn đốc việc thực hiện kết luận này.",
].join("\n");

/** Other texts of the same knowledge base, so that the question's phrase is as rare as in a real one (its pairs' IDF). */
const TOPICS = ["trồng cây xanh", "khuyến học", "phòng cháy", "giao thông nông thôn", "nước sạch", "hiến máu", "chăm sóc người cao tuổi", "phòng chống ma túy", "an toàn thực phẩm", "dồn điền đổi thửa", "tiêm chủng", "xóa nhà tạm", "thể thao quần chúng", "thư viện thôn", "chợ nông thôn", "điện chiếu sáng", "quỹ vì người nghèo", "đền ơn đáp nghĩa", "bảo vệ rừng", "phòng chống thiên tai"];
const OTHERS = TOPICS.map((topic, i) => [
  `HƯỚNG DẪN SỐ ${i + 1} VỀ PHONG TRÀO ${topic.toUpperCase()}`,
  "",
  `Các thôn tổ chức phong trào ${topic} gắn với cuộc vận động toàn dân đoàn kết. Trưởng thôn báo cáo kết quả ${topic} với Ủy ban nhân dân xã vào cuối năm.`,
].join("\n"));

const INLINE = ["giữ gìn đường làng ngõ xóm", "tiếng ồn ban đêm", "nuôi chó thả rông", "đốt rơm rạ ngoài đồng"];

const answerer = answererForFile({ "khu-dan-cu.txt": TEXT, ...Object.fromEntries(OTHERS.map((text, i) => [`huong-dan-${i + 1}.txt`, text])) });

describe("a list written inline after the question's own words", () => {
  it("is quoted rather than the first sentence of every task of the wider list", async () => {
    const result = await answerer.answer("nguoi dan trong thon phai thuc hien nghiem cac quy dinh ve nhung mat nao?");
    expect(INLINE.filter((item) => result.answer.includes(item))).toEqual(INLINE);
  });

  it("leaves the wider list to a question that asks for the tasks", async () => {
    const result = await answerer.answer("các chi bộ, thôn phải thực hiện tốt những nhiệm vụ chủ yếu nào để xây dựng khu dân cư văn minh?");
    expect(result.answer).toContain("Tăng cường tuyên truyền cho nhân dân về hương ước");
    expect(result.answer).toContain("Đẩy mạnh phong trào thi đua xây dựng gia đình văn hóa");
  });
});
