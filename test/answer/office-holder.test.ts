import { describe, expect, it } from "vitest";
import { officeHolderNotStated } from "../../src/answer/office-holder.ts";
import { answererForFile } from "../helpers/suite.ts";

/** "Trưởng Ban … là ai": answered only by a sentence that names a person with that very office ("Phó Trưởng Ban" is another). */
const MEETING = [
  "THÔNG BÁO HỘI NGHỊ CÔNG TÁC VẬN ĐỘNG CỦA TỈNH AN PHÚ NĂM 2023",
  "",
  "Dự hội nghị có các đồng chí: Trần Văn Bình, Phó Trưởng Ban Dân vận Tỉnh ủy; Lê Thị Hoa, Bí thư Huyện ủy An Lạc.",
  "",
  "Hội nghị đánh giá công tác vận động của Ban Dân vận Tỉnh ủy trong năm 2023 và đề ra nhiệm vụ năm 2024.",
].join("\n");

const meeting = answererForFile({ "thong-bao.txt": MEETING });

describe("the holder of an office asked", () => {
  it("is named when a sentence names a person with that office", async () => {
    const result = await meeting.answer("Bí thư Huyện ủy An Lạc dự hội nghị năm 2023 là đồng chí nào?");
    expect(result.grade).not.toBe("none");
    expect(result.answer).toContain("Lê Thị Hoa");
  });

  it("is said not to be given when only the deputy is named", async () => {
    const result = await meeting.answer("Trưởng Ban Dân vận Tỉnh ủy An Phú năm 2023 là đồng chí nào?");
    expect(result.grade).toBe("none");
    expect(result.explain?.notStated?.reason).toBe("holder");
    expect(result.answer).not.toContain("Trần Văn Bình");
  });
});

describe("what is not an office asked", () => {
  const words = (text: string) => text.split(" ");
  it("leaves \"Ban Bí thư\" (a body) and a signature (\"ký thay mặt\") to the other rules", () => {
    const foot = [{ text: "T/M BAN BÍ THƯ" }];
    expect(officeHolderNotStated({ person: true, words: words("ket luan nay do dong chi nao ky thay mat ban bi thu") }, foot)).toBe(false);
    expect(officeHolderNotStated({ person: true, words: words("ban bi thu nam 2015 gom nhung dong chi nao") }, foot)).toBe(false);
    expect(officeHolderNotStated({ person: true, words: words("bi thu huyen uy nam 2015 la dong chi nao") }, foot)).toBe(true);
    // "nhiệm kỳ" folds to "ky" as "ký" does: still an office asked.
    const deputy = [{ text: "Đồng chí Trần Văn Bình, Phó Trưởng Ban Dân vận Tỉnh ủy, phát biểu." }];
    expect(officeHolderNotStated({ person: true, words: words("truong ban dan van tinh uy nhiem ky 2021 2026 la dong chi nao") }, deputy)).toBe(true);
  });

  it("takes an office given by role as stated", () => {
    const byRole = [{ text: "Ban Chỉ đạo do đồng chí Phó Bí thư Thường trực Huyện ủy làm Trưởng ban." }];
    expect(officeHolderNotStated({ person: true, words: "truong ban chi dao cua huyen la dong chi nao".split(" ") }, byRole)).toBe(false);
  });
});
