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

/** A list written as prose that runs well past one short answer (about 1,000 characters). */
const LONG_ITEMS = [
  "việc thu gom rác thải sinh hoạt ở các thôn vùng đồi còn chậm, nhiều điểm tập kết rác tự phát chưa được xóa bỏ",
  "nhiều hộ chăn nuôi lợn quy mô vừa chưa xây dựng hầm biogas, nước thải chảy thẳng ra mương tưới tiêu của hợp tác xã",
  "kinh phí hỗ trợ đội tự quản môi trường của các thôn còn thấp, chưa đủ trả công cho người thu gom hằng tuần",
  "việc tuyên truyền trên loa truyền thanh của xã còn khô cứng, chưa gắn với những việc làm cụ thể của từng gia đình",
  "công tác kiểm tra, đôn đốc của các đoàn thể đối với những hộ vi phạm hương ước về vệ sinh chưa thường xuyên",
  "việc sơ kết, biểu dương những gia đình, dòng họ làm tốt phong trào xanh, sạch, đẹp còn chậm và chưa kịp thời",
];
const LONG = [
  "BÁO CÁO SƠ KẾT PHONG TRÀO XANH SẠCH ĐẸP Ở XÃ TÂY SƠN",
  "",
  "II. NHỮNG TỒN TẠI",
  "",
  `Bên cạnh kết quả đạt được, phong trào xanh, sạch, đẹp ở xã Tây Sơn còn một số tồn tại. ${LONG_ITEMS.map((item, i) => `${["Một là", "Hai là", "Ba là", "Bốn là", "Năm là", "Sáu là"][i]}, ${item}.`).join(" ")}`,
  "",
  "III. PHƯƠNG HƯỚNG",
  "",
  "Năm tới, Ủy ban nhân dân xã tiếp tục chỉ đạo các thôn duy trì phong trào.",
].join("\n");

const ITEMS = ["thu gom rác ở các thôn xa", "chưa xây hầm biogas", "kinh phí cho đội tự quản", "biểu dương gia đình sạch đẹp"];

const answerer = answererForFile({ "ve-sinh.txt": TEXT, "thon.txt": BEFORE, "tay-son.txt": LONG });

describe("a list written as prose", () => {
  it("is quoted on through its paragraph when the question asks for several things", async () => {
    const result = await answerer.answer("vận động vệ sinh môi trường ở xã Đông Hòa còn những hạn chế nào, kể hết giúp em");
    expect(ITEMS.filter((item) => result.answer.includes(item))).toEqual(ITEMS);
    expect(result.citations).toHaveLength(1);
  });

  it("is quoted to its last item when it runs past one short answer", async () => {
    const result = await answerer.answer("phong trào xanh sạch đẹp ở xã Tây Sơn còn những tồn tại gì, kể hết giúp em");
    expect(LONG.length).toBeGreaterThan(900);
    // The reply (an answer or related passages) carries every item, the last one whole.
    expect(LONG_ITEMS.filter((item) => result.answer.includes(item))).toEqual(LONG_ITEMS);
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
