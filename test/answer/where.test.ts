import { describe, expect, it } from "vitest";
import { placeNotStated } from "../../src/answer/where.ts";
import { answererForFile } from "../helpers/suite.ts";

/**
 * "… ở đâu", "tại địa điểm nào": answered only by a sentence that names a place; when the best sentences name none, the
 * reply says the documents do not give the place rather than quoting a section that merely shares the question's words.
 */
const REPORT = [
  "BÁO CÁO HỘI NGHỊ TỔNG KẾT CÔNG TÁC VẬN ĐỘNG CỦA HUYỆN AN PHÚ",
  "",
  "Ngày 06/9/2023, tại Nhà văn hóa huyện An Phú, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết 10 năm công tác vận động.",
  "",
  "I. BÀI VIẾT VỀ VẬN ĐỘNG",
  "",
  "Bài viết Vận động quần chúng của đồng chí Bí thư Huyện ủy ra đời năm 1995, nói rõ vận động là làm cho dân hiểu và cùng làm.",
  "",
  "Bài viết nhấn mạnh cán bộ phải óc nghĩ, mắt trông, tai nghe, chân đi, miệng nói, tay làm.",
  "",
  "Bài viết Vận động quần chúng được viết để các chi bộ học tập và làm theo.",
  "",
  "Từ năm 1995, bài viết Vận động quần chúng được in lại nhiều lần cho cán bộ cơ sở.",
].join("\n");

const answerer = answererForFile({ "bao-cao.txt": REPORT });

describe("a place asked", () => {
  it("is answered by the sentence that names it", async () => {
    const result = await answerer.answer("Hội nghị tổng kết 10 năm công tác vận động của huyện tổ chức ngày nào, ở đâu?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("tại Nhà văn hóa huyện An Phú");
  });

  it("is read from the question as typed: \"ở đầu tháng\" asks no place, \"ngày nào, ở đâu\" is answered by its date", async () => {
    expect(placeNotStated({ type: "fact", words: "chi bo sinh hoat o dau thang hay cuoi thang".split(" ") }, [{ text: "Chi bộ sinh hoạt vào ngày mùng 3." }], "Chi bộ sinh hoạt ở đầu tháng hay cuối tháng?")).toBe(false);
    expect(placeNotStated({ type: "fact", words: "noi dung nay duoc quy dinh cu the o dau".split(" ") }, [{ text: "Chi bộ sinh hoạt vào ngày mùng 3." }])).toBe(false);
    expect(placeNotStated({ type: "date", words: "hoi nghi to chuc ngay nao o dau".split(" ") }, [{ text: "Ngày 06/9/2023, hội nghị được tổ chức." }])).toBe(false);
  });

  it("knows a place however the sentence puts it", () => {
    const asked = { type: "fact" as const, words: "hoi nghi to chuc o dau".split(" ") };
    for (const text of ["Tại Hà Nội, Ban Dân vận tổ chức hội nghị.", "Quyền hành và lực lượng đều ở nơi dân.", "Hội nghị họp tại cơ quan Huyện ủy."]) {
      expect(placeNotStated(asked, [{ text }])).toBe(false);
    }
    expect(placeNotStated(asked, [{ text: "Hội nghị đánh giá kết quả công tác vận động." }])).toBe(true);
  });

  it("is said not to be given when the best sentences name no place", async () => {
    const result = await answerer.answer("Bài viết Vận động quần chúng năm 1995 được viết tại địa điểm nào?");
    expect(result.grade).toBe("none");
    expect(result.answer).toContain("không nêu địa điểm");
    expect(result.explain?.notStated?.reason).toBe("place");
  });
});
