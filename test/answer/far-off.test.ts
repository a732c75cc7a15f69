import { describe, expect, it } from "vitest";
import { withAnswererOver } from "../helpers/index.ts";
import { answererForFile } from "../helpers/suite.ts";

/**
 * A question from another field altogether gets "not covered", not passages that share a word with it; a
 * question of the field worded without its common terms still gets its answer. Made-up texts.
 */
const TOPICS = ["trồng cây xanh", "khuyến học", "phòng cháy", "giao thông nông thôn", "nước sạch", "hiến máu", "chăm sóc người cao tuổi", "phòng chống ma túy", "an toàn thực phẩm", "dồn điền đổi thửa"];
/** Enough texts for some word pairs to be common (far-off questions are judged in a knowledge base of 30 passages or more). */
const PLACES = ["ở thôn", "ở xã", "ở tổ dân phố", "ở cơ quan"];
const GUIDES = TOPICS.flatMap((topic) => PLACES.map((place) => `${topic} ${place}`)).map((topic, i) => [
  `HƯỚNG DẪN SỐ ${i + 1} VỀ CÔNG TÁC VẬN ĐỘNG NHÂN DÂN ${topic.toUpperCase()}`,
  "",
  `Cán bộ, đảng viên làm công tác vận động nhân dân tham gia phong trào ${topic}; chi bộ giao nhiệm vụ cho từng đảng viên phụ trách hộ gia đình.`,
  "",
  `Trưởng thôn báo cáo kết quả công tác vận động ${topic} với Ủy ban nhân dân xã vào cuối năm.`,
].join("\n"));
const BAC = ["BÀI NÓI CHUYỆN VỀ NÊU GƯƠNG", "", "Một tấm gương sống còn có giá trị hơn một trăm bài diễn văn tuyên truyền.", "", "Công bộc của dân là người làm việc cho dân, phục vụ nhân dân."].join("\n");

const answerer = answererForFile({ ...Object.fromEntries(GUIDES.map((text, i) => [`huong-dan-${i + 1}.txt`, text])), "neu-guong.txt": BAC });

describe("a question from another field", () => {
  it("is not covered, though a passage shares a word with it", async () => {
    const result = await answerer.answer("Máy lọc nước sạch loại nào tốt, giá bán hiện nay thế nào?");
    expect(result.grade).toBe("none");
    expect(result.explain?.otherField).toBe(true);
  });

  it("is not covered though it opens with a kind of document common in the texts ('Hướng dẫn …')", async () => {
    const result = await answerer.answer("Hướng dẫn cài đặt phần mềm diệt virus cho máy tính xách tay");
    expect(result.grade).toBe("none");
    expect(result.explain?.otherField).toBe(true);
    // "quyết định" (QĐ, like "quy định") is as everyday.
    const car = await answerer.answer("Quyết định mua máy giặt loại nào bền nhất, giá bao nhiêu?");
    expect(car.explain?.otherField).toBe(true);
  });

  it("is not judged in a handful of passages, where no word pair can be common", async () => {
    await withAnswererOver({ "huong-dan.txt": GUIDES.slice(0, 3).join("\n\n") }, async (small) => {
      const result = await small.answer("Máy lọc nước sạch loại nào tốt, giá bán hiện nay thế nào?");
      expect(result.explain?.otherField).toBeUndefined();
    });
  });

  it("leaves a question of one word pair to the model ('Công bộc của dân là gì?')", async () => {
    const result = await answerer.answer("Công bộc của dân là gì?");
    expect(result.explain?.otherField).toBeUndefined();
    expect(result.answer).toContain("Công bộc của dân là người làm việc cho dân");
  });

  it("leaves a question of the field in its own words alone", async () => {
    const result = await answerer.answer("một tấm gương sống có giá trị hơn bao nhiêu bài diễn văn?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("một trăm bài diễn văn");
  });
});
