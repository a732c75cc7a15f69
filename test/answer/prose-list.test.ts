import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answererOver } from "../helpers/index.ts";

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

const ITEMS = ["thu gom rác ở các thôn xa", "chưa xây hầm biogas", "kinh phí cho đội tự quản", "biểu dương gia đình sạch đẹp"];

let answerer: Awaited<ReturnType<typeof answererOver>>;
beforeAll(async () => {
  answerer = await answererOver({ "ve-sinh.txt": TEXT });
});
afterAll(async () => {
  await answerer.close();
});

describe("a list written as prose", () => {
  it("is quoted on through its paragraph when the question asks for several things", async () => {
    const result = await answerer.answer("vận động vệ sinh môi trường ở xã Đông Hòa còn những hạn chế nào, kể hết giúp em");
    expect(ITEMS.filter((item) => result.answer.includes(item))).toEqual(ITEMS);
    expect(result.citations).toHaveLength(1);
  });

  it("is not read on when one thing is asked", async () => {
    const result = await answerer.answer("kinh phí cho đội tự quản môi trường ở xã Đông Hòa thế nào?");
    expect(result.answer).toContain("kinh phí cho đội tự quản");
    expect(result.answer).not.toContain("hầm biogas");
  });
});
