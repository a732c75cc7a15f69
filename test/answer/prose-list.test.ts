import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/** A list written as prose inside one paragraph: the parser sees no list, the reply must still carry it. Made-up text. */
const TEXT = [
  "HƯỚNG DẪN VẬN ĐỘNG NHÂN DÂN GIỮ GÌN VỆ SINH MÔI TRƯỜNG Ở XÃ ĐÔNG HÒA",
  "",
  "I. NHỮNG HẠN CHẾ CẦN KHẮC PHỤC",
  "",
  "Công tác vận động giữ gìn vệ sinh môi trường ở xã Đông Hòa còn một số hạn chế. Trước hết, việc thu gom rác ở các thôn xa chưa đều đặn. Thứ hai, nhiều hộ chăn nuôi chưa xây hầm biogas. Thứ ba, kinh phí cho đội tự quản môi trường còn thiếu. Cuối cùng, việc biểu dương gia đình sạch đẹp chưa kịp thời.",
  "",
  "II. TỔ CHỨC THỰC HIỆN",
  "",
  "Ủy ban nhân dân xã chỉ đạo trưởng thôn phổ biến hướng dẫn này tới từng hộ gia đình trong quý I.",
].join("\n");

/** A list that comes before the sentence a question matches best, in the same paragraph. */
const BEFORE = [
  "HƯỚNG DẪN VẬN ĐỘNG Ở THÔN",
  "",
  "III. NGƯỜI LÀM VẬN ĐỘNG",
  "",
  "Người phụ trách vận động ở thôn cần phải đến từng nhà, nghe dân nói, ghi chép ý kiến, báo cáo chi bộ. Không được chỉ ngồi ở hội trường ra thông báo. Họ phải thật thà cùng dân dọn vệ sinh.",
  "",
  "IV. CÁCH LÀM",
  "",
  "Thí dụ trong phong trào trồng cây xanh ở thôn.",
  "",
  "Cán bộ thôn và cán bộ đoàn thể phải cùng nhau bàn kỹ, cùng nhau chia việc, rồi đi vận động từng hộ góp cây giống.",
  "",
  "V. KHEN THƯỞNG",
  "",
  "Cuối năm, Ủy ban nhân dân xã biểu dương những thôn làm tốt.",
].join("\n");

const ITEMS = ["thu gom rác ở các thôn xa", "chưa xây hầm biogas", "kinh phí cho đội tự quản", "biểu dương gia đình sạch đẹp"];

const answerer = answererForFile({ "ve-sinh.txt": TEXT, "thon.txt": BEFORE });

describe("a list written as prose", () => {
  it("is quoted on through its paragraph when the question asks for several things", async () => {
    const result = await answerer.answer("vận động vệ sinh môi trường ở xã Đông Hòa còn những hạn chế nào, kể hết giúp em");
    expect(ITEMS.filter((item) => result.answer.includes(item))).toEqual(ITEMS);
    expect(result.citations).toHaveLength(1);
  });

  it("is quoted whole when the list comes before the sentence the question matches best", async () => {
    const result = await answerer.answer("phải thật thà cùng dân dọn vệ sinh thì người vận động còn phải làm những việc gì");
    expect(result.answer).toContain("đến từng nhà, nghe dân nói, ghi chép ý kiến");
    expect(result.answer).toContain("thật thà cùng dân dọn vệ sinh");
  });

  it("reads on from a short sentence that only sets the scene into the paragraph after it", async () => {
    const result = await answerer.answer("trong phong trào trồng cây xanh ở thôn thì cán bộ phải làm những việc gì");
    expect(result.answer).toContain("cùng nhau chia việc");
  });

  it("is not read on when one thing is asked", async () => {
    const result = await answerer.answer("kinh phí cho đội tự quản môi trường ở xã Đông Hòa thế nào?");
    expect(result.answer).toContain("kinh phí cho đội tự quản");
    expect(result.answer).not.toContain("hầm biogas");
  });
});
