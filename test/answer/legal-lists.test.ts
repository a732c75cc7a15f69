import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * Lists in legal drafting: an article's steps against the chapter's list of articles, and a clause that
 * introduces points a), b), c) against the article's list of clauses. Made-up regulation.
 */
const STEPS = ["Chuẩn bị nội dung và tài liệu của buổi tiếp xúc", "Gửi giấy mời đến các hộ gia đình", "Tổ chức buổi tiếp xúc tại nhà văn hóa", "Tổng hợp ý kiến và gửi cơ quan có thẩm quyền"];
const WRITTEN = ["Trưởng thôn gửi dự thảo quy ước đến từng hộ gia đình", "Các hộ gia đình ghi ý kiến vào phiếu góp ý", "Tổ giám sát tổng hợp ý kiến và báo cáo xã"];
const DUTIES = ["Giám sát việc thực hiện quy chế tiếp xúc", "Tiếp nhận kiến nghị của nhân dân", "Báo cáo kết quả giám sát với Ủy ban nhân dân xã"];

const TEXT = [
  "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN",
  "Số: 03/2025/QĐ-UBND",
  "",
  "QUY CHẾ",
  "Tiếp xúc giữa chính quyền xã với nhân dân huyện Đông Sơn",
  "",
  "CHƯƠNG I",
  "QUY ĐỊNH CHUNG",
  "",
  "Điều 1. Phạm vi điều chỉnh",
  "Quy chế này quy định việc tiếp xúc giữa chính quyền xã với nhân dân trên địa bàn huyện.",
  "",
  "CHƯƠNG II",
  "TIẾP XÚC VỚI NHÂN DÂN Ở THÔN",
  "",
  "Điều 5. Thời gian và thành phần buổi tiếp xúc",
  "1. Buổi tiếp xúc với nhân dân ở thôn được tổ chức mỗi quý một lần.",
  "2. Chủ tịch Ủy ban nhân dân xã chủ trì buổi tiếp xúc.",
  "",
  "Điều 6. Trình tự tổ chức buổi tiếp xúc",
  "Buổi tiếp xúc được tổ chức theo trình tự sau đây:",
  ...STEPS.map((step, i) => `Bước ${i + 1}: ${step}.`),
  "",
  "Điều 7. Trách nhiệm của Tổ giám sát tiếp xúc",
  "1. Tổ giám sát tiếp xúc của xã có từ 03 đến 05 thành viên do Ban công tác Mặt trận cử.",
  "2. Tổ giám sát tiếp xúc có các trách nhiệm sau đây:",
  ...DUTIES.map((duty, i) => `${"abc"[i]}) ${duty};`),
  "",
  "Điều 7a. Góp ý bằng văn bản",
  "1. Nhân dân góp ý vào dự thảo quy ước của thôn trực tiếp tại buổi tiếp xúc hoặc bằng văn bản.",
  "2. Việc góp ý bằng văn bản được thực hiện theo trình tự sau đây:",
  ...WRITTEN.map((step, i) => `${"abc"[i]}) ${step};`),
  "",
  "CHƯƠNG III",
  "TỔ CHỨC THỰC HIỆN",
  "",
  "Điều 8. Trách nhiệm thi hành",
  "Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quy chế này.",
].join("\n");

const answerer = answererForFile({ "quy-che-tiep-xuc.txt": TEXT });
const carried = (text: string, items: string[]) => items.filter((item) => text.includes(item)).length;

describe("lists in legal drafting", () => {
  it("a question about steps gets the article's steps, not the chapter's articles whose heading it repeats", async () => {
    const result = await answerer.answer("xã em sắp tổ chức tiếp xúc với nhân dân ở thôn theo quy chế huyện Đông Sơn, phải đi qua những bước nào?");
    expect(carried(result.answer, STEPS)).toBe(STEPS.length);
  });

  it("a procedure under a clause ('… theo trình tự sau đây:' over points a), b), c)) answers a question about steps", async () => {
    const result = await answerer.answer("góp ý dự thảo quy ước bằng văn bản theo quy chế Đông Sơn thì làm lần lượt ra sao");
    expect(carried(result.answer, WRITTEN)).toBe(WRITTEN.length);
  });

  it("a chapter's articles are listed under the chapter's title, not under its bare number", async () => {
    const result = await answerer.answer("chương tiếp xúc với nhân dân ở thôn của quy chế Đông Sơn gồm những điều gì");
    expect(result.answer).toContain("TIẾP XÚC VỚI NHÂN DÂN Ở THÔN:");
    expect(result.answer).not.toMatch(/^\W*:/m);
  });

  it("a body's duties are the points its clause introduces, not the article's two clauses", async () => {
    const result = await answerer.answer("to giam sat tiep xuc chiu trach nhiem nhung viec gi");
    expect(carried(result.answer, DUTIES)).toBe(DUTIES.length);
  });
});
