import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * A question about steps, worded the way people talk ("bắt đầu từ đâu, rồi lần lượt làm những bước
 * nào"), is answered with the procedure's own steps. Made-up text: a guidance with a heading that asks a
 * question ("VẬN ĐỘNG LÀ GÌ ?") over a prose list, and a procedure of four numbered steps.
 */
const TEXT = [
  "HƯỚNG DẪN CÔNG TÁC VẬN ĐỘNG Ở THÔN BẢN XÃ AN PHÚ",
  "",
  "I - VẬN ĐỘNG LÀ GÌ ?",
  "",
  "Vận động là làm cho mọi người trong thôn hiểu và cùng làm.",
  "",
  "Trước nhất là phải giải thích cho từng hộ hiểu lợi ích của việc chung.",
  "",
  "Điểm thứ hai là việc gì cũng bàn với bà con trước khi làm.",
  "",
  "Khi làm xong phải cùng bà con rút kinh nghiệm.",
  "",
  "II - LẬP TỔ TỰ QUẢN AN NINH TRẬT TỰ",
  "",
  "Việc lập tổ tự quản an ninh trật tự ở thôn tiến hành như sau:",
  "",
  "Bước thứ nhất: chi bộ thôn họp, chọn địa bàn và số hộ tham gia tổ.",
  "",
  "Bước thứ hai: họp dân để bầu tổ trưởng và thống nhất nội quy của tổ.",
  "",
  "Bước thứ ba: trình Ủy ban nhân dân xã ra quyết định công nhận tổ.",
  "",
  "Bước thứ tư: sau sáu tháng, tổ báo cáo kết quả để chi bộ đánh giá.",
].join("\n");

const STEPS = ["chọn địa bàn và số hộ", "bầu tổ trưởng", "ra quyết định công nhận tổ", "báo cáo kết quả để chi bộ đánh giá"];

/** Two guidances on the same procedure, of different years: a question that names the year means that one's steps. */
const guidance = (year: string, intro: string, steps: string[]) =>
  [
    `HƯỚNG DẪN CỦA BAN DÂN VẬN HUYỆN AN PHÚ NĂM ${year}`,
    "",
    `Ngày 10 tháng 3 năm ${year}`,
    "",
    "I. TRÌNH TỰ HÒA GIẢI Ở CƠ SỞ",
    "",
    intro,
    "",
    ...steps.flatMap((step, i) => [`Bước thứ ${["nhất", "hai", "ba"][i]}: ${step}`, ""]),
  ].join("\n");
const OLD_STEPS = ["tổ hòa giải nhận đơn của các bên", "gặp riêng từng bên để nghe trình bày", "lập biên bản hòa giải thành"];
const NEW_STEPS = ["trưởng thôn phân công hòa giải viên", "mời các bên đến nhà văn hóa cùng trao đổi trình tự hòa giải", "ghi sổ theo dõi hòa giải ở cơ sở"];

const answerer = answererForFile({ "huong-dan.txt": TEXT, "hoa-giai-2015.txt": guidance("2015", "Khi trong thôn có mâu thuẫn giữa các hộ, việc hòa giải tiến hành theo trình tự sau:", OLD_STEPS), "hoa-giai-2022.txt": guidance("2022", "Từ năm nay, tổ dân phố và thôn thực hiện hòa giải theo các bước dưới đây:", NEW_STEPS) });

describe("a question about steps in everyday wording", () => {
  it("gets the procedure's own steps, not the prose list under a heading that asks a question", async () => {
    const result = await answerer.answer("Thôn em muốn lập tổ tự quản mà chưa rõ bắt đầu từ đâu, rồi lần lượt làm những bước nào ạ?");
    expect(result.grade).toBe("answer");
    for (const step of STEPS) expect(result.answer).toContain(step);
    expect(result.answer).not.toContain("Trước nhất");
  });

  it("gets the steps of the document the question names by its year, not those of another year", async () => {
    for (const [year, mine, other] of [["2015", OLD_STEPS, NEW_STEPS], ["2022", NEW_STEPS, OLD_STEPS]] as const) {
      const result = await answerer.answer(`theo huong dan nam ${year} thi trinh tu hoa giai o co so gom nhung buoc nao`);
      for (const step of mine) expect(result.answer).toContain(step);
      for (const step of other) expect(result.answer).not.toContain(step);
    }
  });
});
