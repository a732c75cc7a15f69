import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";
import { withAnswererOver } from "../helpers/index.ts";

/**
 * A question about a text the knowledge base does not hold, which its documents only cite in passing,
 * is told so by name; a question about a text it holds, or about when a cited text was issued and what
 * it is about, is answered as usual. Made-up plan of a district that cites a directive once.
 */
const PLAN = [
  "KẾ HOẠCH",
  "Triển khai công tác dân vận chính quyền năm 2026",
  "",
  "I- CĂN CỨ",
  "",
  "Thực hiện Chỉ thị số 27/CT-TTg ngày 05/3/2019 của Thủ tướng Chính phủ về tăng cường công tác dân vận của cơ quan hành chính nhà nước, Ban Thường vụ Huyện ủy ban hành Kế hoạch này.",
  "",
  "Các xã tiếp tục thực hiện dân chủ ở cơ sở theo tinh thần Chỉ thị số 45-CT/TW của Bộ Chính trị và Quy định số 215 ngày 05-12-2013 của Ban Bí thư về đảng ủy cấp trên cơ sở.",
  "",
  "Đồng chí Lê Văn Hòa, Trưởng Ban Dân vận Huyện ủy, chủ trì hội nghị triển khai kế hoạch.",
  "",
  "Quán triệt Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương về công tác dân vận.",
  "",
  "Mặt trận Tổ quốc và các đoàn thể là lực lượng nòng cốt trong công tác dân vận hiện nay.",
  "",
  "II- NHIỆM VỤ",
  "",
  "Ủy ban nhân dân các xã có trách nhiệm:",
  "- Tổ chức đối thoại với nhân dân mỗi quý một lần.",
  "- Công khai thủ tục hành chính tại bộ phận một cửa.",
  "- Báo cáo kết quả thực hiện về Ban Dân vận Huyện ủy trước ngày 15 tháng 12.",
].join("\n");

const answerer = answererForFile({
  "ke-hoach-12.txt": PLAN,
  "ke-hoach-12.txt.meta.yaml": 'number: 12-KH/HU\nkind: Kế hoạch\nissuer: Ban Thường vụ Huyện ủy\ndate: "2026-01-10"\n',
});

/** The reply to `question` refuses ("not covered", nothing asserted) and says each of `words`. */
async function refusedSaying(question: string, ...words: string[]) {
  const result = await answerer.answer(question);
  expect(result.grade).toBe("none");
  expect(result.abstained).toBe(true);
  for (const word of words) expect(result.answer).toContain(word);
  return result;
}

describe("a text the knowledge base does not hold", () => {
  it("is named when a question asks what it says", async () => {
    await refusedSaying("Chỉ thị 27/CT-TTg giao cho Ủy ban nhân dân các xã những nhiệm vụ cụ thể nào?", "Chỉ thị số 27");
  });

  it("is not in the way of when it was issued, or what it is about", async () => {
    const when = await answerer.answer("Chỉ thị 27/CT-TTg ban hành ngày nào?");
    expect(when.answer).toContain("Chỉ thị số 27/CT-TTg ngày 05/3/2019");
    const about = await answerer.answer("Chỉ thị 27/CT-TTg quy định về nội dung gì?");
    expect(about.answer).not.toContain("Kho tài liệu chưa có");
    expect(about.grade).not.toBe("none");
  });

  it("is said to be undated when no sentence gives its date where it is cited", async () => {
    await refusedSaying("Chỉ thị 45-CT/TW của Bộ Chính trị ban hành năm nào?", "Chỉ thị số 45", "không ghi ngày ban hành");
  });

  it("is said not to name its signer", async () => {
    await refusedSaying("Chỉ thị 45-CT/TW của Bộ Chính trị do đồng chí nào ký?", "không ghi người ký");
  });

  it("does not stand for a text the knowledge base holds", async () => {
    const result = await answerer.answer("Kế hoạch 12 của Huyện ủy giao cho Ủy ban nhân dân các xã những nhiệm vụ gì?");
    expect(result.answer).not.toContain("Kho tài liệu chưa có");
    expect(result.answer).toContain("Tổ chức đối thoại với nhân dân mỗi quý một lần");
  });
});

describe("who holds an office now", () => {
  it("is not said from dated documents", async () => {
    const result = await refusedSaying("Trưởng Ban Dân vận Huyện ủy hiện nay là ai?", "không cho biết ai đang giữ chức vụ này hiện nay");
    expect(result.answer).not.toContain("Lê Văn Hòa");
  });
});

describe("questions the rules above must not refuse", () => {
  it("a count after the kind of text is not its number", async () => {
    const result = await answerer.answer("Kế hoạch 5 năm tới giao Ủy ban nhân dân các xã những nhiệm vụ gì?");
    expect(result.answer).not.toContain("Kho tài liệu chưa có");
  });

  it("'định kỳ' does not ask who signed", async () => {
    const result = await answerer.answer("Chỉ thị 27/CT-TTg giao ai kiểm tra định kỳ việc đối thoại?");
    expect(result.answer).not.toContain("người ký");
  });

  it("'hiện nay' in a who question that asks no one's name", async () => {
    const result = await answerer.answer("Ai là lực lượng nòng cốt trong công tác dân vận hiện nay?");
    expect(result.answer).not.toContain("đang giữ chức vụ");
  });
});

describe("a text not held, in more ways", () => {
  it("is named without saying the documents cite it when they do not", async () => {
    const result = await refusedSaying("Chỉ thị 99/CT-TTg giao Ủy ban nhân dân các xã những nhiệm vụ gì?", "Kho tài liệu chưa có Chỉ thị số 99");
    expect(result.answer).not.toContain("chỉ nhắc đến");
  });

  it("is named when the question opens with 'Trong …' or 'Theo …'", async () => {
    for (const question of ["Trong Chỉ thị 27/CT-TTg, Ủy ban nhân dân các xã được giao những nhiệm vụ gì?", "Theo Chỉ thị 27/CT-TTg thì Ủy ban nhân dân các xã phải làm gì?"]) {
      await refusedSaying(question, "Kho tài liệu chưa có Chỉ thị số 27");
    }
  });

  it("is named when asked 'cụ thể là gì' of its contents", async () => {
    await refusedSaying("Chỉ thị 27/CT-TTg gồm mấy nhiệm vụ, cụ thể là gì?", "Kho tài liệu chưa có Chỉ thị số 27");
  });

  it("is named when asked which body it tasks", async () => {
    await refusedSaying("Chỉ thị 27/CT-TTg giao cơ quan nào chủ trì đối thoại với nhân dân?", "Kho tài liệu chưa có Chỉ thị số 27");
  });

  it("is not dated by another kind of text with the same number", async () => {
    await refusedSaying("Chương trình hành động số 27 của Huyện ủy về dân vận ban hành ngày nào?", "Chương trình hành động số 27", "không ghi ngày ban hành");
  });

  it("is dated where it is cited under a kind its abbreviation also stands for (QĐ: Quy định, Quyết định)", async () => {
    const result = await answerer.answer("QĐ 215 của Ban Bí thư về đảng ủy cấp trên cơ sở ban hành ngày nào?");
    expect(result.answer).not.toContain("không ghi ngày ban hành");
    expect(result.answer).toContain("05-12-2013");
  });

  it("is not dated by another text whose number begins with its own (2 is not 25)", async () => {
    await refusedSaying("Nghị quyết 2 của Trung ương ban hành năm nào?", "không ghi ngày ban hành");
  });

  it("a law asked about by its title is named, whether or not a held regulation shares its title's words, and answered when it is held", async () => {
    const rules = ["QUY CHẾ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ CỦA XÃ AN PHÚ", "", "Điều 3. Đối thoại", "Ủy ban nhân dân xã tổ chức đối thoại với nhân dân mỗi quý một lần."].join("\n");
    const law = ["LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ", "", "Điều 11. Đối thoại", "Ủy ban nhân dân cấp xã tổ chức đối thoại với Nhân dân ít nhất mỗi năm một lần."].join("\n");
    const asked = "Luật Thực hiện dân chủ ở cơ sở quy định UBND xã phải đối thoại với dân mấy lần?";
    await withAnswererOver({ "quy-che.txt": rules, "quy-che.txt.meta.yaml": "kind: Quy chế\nissuer: Ủy ban nhân dân xã An Phú\n" }, async (over) => {
      const result = await over.answer(asked);
      expect(result.grade).toBe("none");
      expect(result.answer).toContain("Kho tài liệu chưa có Luật Thực hiện dân chủ ở cơ sở");
      // Typed without marks, the title is not echoed.
      expect((await over.answer("luat thuc hien dan chu o co so nam 2022 co hieu luc tu ngay nao")).answer).toContain("chưa có luật mà bạn hỏi");
    });
    await withAnswererOver({ "luat.txt": law, "luat.txt.meta.yaml": "kind: Luật\nnumber: 10/2022/QH15\nissuer: Quốc hội\n" }, async (over) => {
      expect((await over.answer(asked)).answer).toContain("ít nhất mỗi năm một lần");
    });
  });

  it("'Luật quy định …' names no law: what the documents say is answered", async () => {
    const rules = ["QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN XÃ AN PHÚ", "", "Điều 7. Nghỉ phép", "Cán bộ, công chức xã được nghỉ phép 12 ngày mỗi năm theo quy định của pháp luật."].join("\n");
    await withAnswererOver({ "quy-che.txt": rules }, async (over) => {
      const result = await over.answer("Luật quy định cán bộ công chức xã được nghỉ phép bao nhiêu ngày?");
      expect(result.answer).not.toContain("Kho tài liệu chưa có");
      expect(result.answer).toContain("nghỉ phép 12 ngày");
    });
  });
});
