import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";
import { statedCounts } from "../../src/answer/question.ts";

/**
 * A question that says how many items it wants ("bốn việc", "2 nhiệm vụ") is answered with the list of
 * that many. Made-up text: one committee with two lists, and another actor's list of four.
 */
const TEXT = [
  "QUY CHẾ HOẠT ĐỘNG CỦA BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG XÃ AN PHÚ",
  "",
  "I. BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG",
  "",
  "Ban Chỉ đạo có hai nhóm việc, thường xuyên và khi có vụ việc phức tạp.",
  "",
  "* Việc thường xuyên của Ban Chỉ đạo:",
  "",
  "- Họp giao ban vào ngày mùng năm hằng tháng để nắm tình hình tư tưởng nhân dân.",
  "",
  "- Phân công thành viên phụ trách từng thôn, xóm.",
  "",
  "- Tổng hợp kiến nghị của cử tri gửi Đảng ủy xã.",
  "",
  "- Đôn đốc các đoàn thể thực hiện chương trình phối hợp.",
  "",
  "* Việc của Ban Chỉ đạo khi có vụ việc phức tạp:",
  "",
  "- Cử thành viên xuống địa bàn đối thoại với người dân trong vòng hai ngày.",
  "",
  "- Báo cáo ngay Thường trực Đảng ủy bằng văn bản.",
  "",
  "II. TỔ HÒA GIẢI THÔN",
  "",
  "Tổ hòa giải thôn có trách nhiệm:",
  "",
  "- Nắm các mâu thuẫn nhỏ trong cộng đồng dân cư.",
  "",
  "- Mời các bên đến nhà văn hóa để hòa giải.",
  "",
  "- Lập biên bản hòa giải thành.",
  "",
  "- Báo cáo Ban Chỉ đạo kết quả hằng quý.",
].join("\n");

const ROUTINE = ["Họp giao ban vào ngày mùng năm", "Phân công thành viên phụ trách", "Tổng hợp kiến nghị của cử tri", "Đôn đốc các đoàn thể"];
const URGENT = ["Cử thành viên xuống địa bàn", "Báo cáo ngay Thường trực Đảng ủy"];

const answerer = answererForFile({ "quy-che.txt": TEXT });

const carried = (text: string, items: string[]) => items.filter((item) => text.includes(item)).length;

describe("a list named by how many items it has", () => {
  it("reads the count a question or a lead-in states before a list noun", () => {
    expect(statedCounts("nq 25 co bay nhom nhiem vu cu the hoa thanh tam noi dung")).toEqual([7, 8]);
    expect(statedCounts("5 buoc xay dung mo hinh")).toEqual([5]);
    expect(statedCounts("nam 2014 co nhieu hoat dong")).toEqual([]);
  });

  it("the committee's two urgent tasks when the question says two, its four routine ones when it says four (the same question otherwise)", async () => {
    const two = await answerer.answer("Ban Chỉ đạo vận động quần chúng có 2 việc gì?");
    expect(carried(two.answer, URGENT)).toBe(URGENT.length);
    expect(carried(two.answer, ROUTINE)).toBe(0);
    const four = await answerer.answer("ban chi dao van dong quan chung co 4 viec gi");
    expect(carried(four.answer, ROUTINE)).toBe(ROUTINE.length);
    expect(carried(four.answer, URGENT)).toBe(0);
  });
});
