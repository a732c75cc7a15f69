import { describe, expect, it } from "vitest";
import { amountNotStated, countsNotStated, frequencyNotStated } from "../../src/answer/counted.ts";
import { fold } from "../../src/text/normalize.ts";
import { withAnswererOver } from "../helpers/index.ts";
import { answererForFile } from "../helpers/suite.ts";

/**
 * A count the question asks for ("mấy người", "bao nhiêu năm") that no passage states is not in the
 * documents: the reply says so instead of quoting a sentence that holds some other number. People are
 * counted as "thành viên" too. Made-up regulation.
 */
const RULES = [
  "QUY CHẾ",
  "Tổ chức và hoạt động của Ban Thanh tra nhân dân cơ quan",
  "",
  "Điều 3. Thành phần",
  "",
  "Ban Thanh tra nhân dân cơ quan có từ 03 đến 05 thành viên do hội nghị cán bộ, công chức bầu.",
  "",
  "Điều 4. Hoạt động",
  "",
  "Định kỳ 6 tháng một lần, Ban Thanh tra nhân dân báo cáo kết quả hoạt động với Ban Chấp hành Công đoàn cơ quan.",
  "",
  "Điều 5. Hội thi",
  "",
  "Định kỳ tổ chức Hội thi tìm hiểu quy chế dân chủ trong cán bộ, công chức cơ quan. Hội thi tìm hiểu quy chế dân chủ gồm phần thi kiến thức và phần thi xử lý tình huống. Công đoàn cơ quan tổ chức Hội thi và trao giải cho các tổ công đoàn.",
].join("\n");

const answerer = answererForFile({ "quy-che-ttnd.txt": RULES });

/** A question as the rules read it: folded words. */
const words = (question: string) => fold(question).toLowerCase().split(/\s+/);
/** A question as the count check reads it: its clauses, folded, split at punctuation. */
const clauses = (question: string) => question.split(",").map((clause) => fold(clause).toLowerCase().trim());

describe("a count the question asks for", () => {
  it("is not asked by 'mấy … ấy' (those few things, named): the passage answers", async () => {
    const result = await answerer.answer("Hội thi tìm hiểu quy chế dân chủ là gì, mấy phần thi ấy ạ");
    expect(result.grade).not.toBe("none");
    expect(result.explain?.notStated).toBeUndefined();
    expect(result.answer).toContain("gồm phần thi kiến thức và phần thi xử lý tình huống");
  });


  it("is stated by a number of that unit, people counted as members too", () => {
    const sentence = [{ text: "Ban Thanh tra nhân dân cơ quan có từ 03 đến 05 thành viên do hội nghị cán bộ, công chức bầu." }];
    expect(countsNotStated(clauses("ban thanh tra co bao nhieu nguoi"), sentence)).toEqual([]);
    expect(countsNotStated(clauses("ban thanh tra nhiem ky may nam"), sentence)).toEqual(["năm"]);
    // "mấy tháng một lần" asks how often, not for a count of months.
    expect(countsNotStated(clauses("bao cao may thang mot lan"), sentence)).toEqual([]);
    // How often, written without a count of times, answers "bao nhiêu lần".
    expect(countsNotStated(clauses("ban chap hanh hop bao nhieu lan"), [{ text: "Ban Chấp hành họp thường lệ hằng quý." }])).toEqual([]);
    // "từ năm 2020" is a year, not a number of years.
    expect(countsNotStated(clauses("nhiem ky may nam"), [{ text: "Ban được thành lập từ năm 2020." }])).toEqual(["năm"]);
    // A share of a body answers how many people ("hội nghị cần bao nhiêu người dự": a quorum).
    const quorum = [{ text: "Hội nghị được tiến hành khi có ít nhất hai phần ba tổng số cán bộ, công chức tham dự." }];
    expect(countsNotStated(clauses("hoi nghi can toi thieu bao nhieu nguoi du"), quorum, true)).toEqual([]);
    // …a threshold only: "có bao nhiêu người dự" asks a head count, which a share does not give.
    expect(countsNotStated(clauses("hoi nghi co bao nhieu nguoi du"), quorum)).toEqual(["người"]);
    // "số mấy, ngày tháng năm nào": "mấy" and "ngày" are in two clauses, no count of days is asked.
    expect(countsNotStated(clauses("bai bao dang tren bao nao, so may, ngay thang nam nao"), [{ text: "Bài đăng trên báo Sự thật." }])).toEqual([]);
  });

  it("is not what a clause asking to confirm it turns on ('chỉ mấy người … thôi hả')", async () => {
    await withAnswererOver({ "huong-dan.txt": ["HƯỚNG DẪN CÔNG TÁC VẬN ĐỘNG", "", "Tất cả cán bộ, công chức và đoàn viên công đoàn đều phải phụ trách công tác vận động quần chúng, không riêng cán bộ của Ban Vận động."].join("\n") }, async (guide) => {
      const result = await guide.answer("Ai phải phụ trách công tác vận động quần chúng? chỉ mấy người trong Ban Vận động thôi hả");
      expect(result.answer).not.toContain("không nêu số người");
      expect(result.answer).toContain("Tất cả cán bộ, công chức và đoàn viên công đoàn");
    });
  });

  it("is said not to be in the documents when no passage states it", async () => {
    const result = await answerer.answer("Ban thanh tra nhân dân cơ quan có nhiệm kỳ mấy năm?");
    expect(result.grade).toBe("none");
    expect(result.answer).toContain("không nêu số năm");
  });
});

describe("how often something is done", () => {
  it("is stated by an interval, not by a word that says it recurs", () => {
    expect(frequencyNotStated(words("hoi thi may nam to chuc mot lan"), [{ text: "Định kỳ tổ chức Hội thi tìm hiểu quy chế." }])).toBe(true);
    expect(frequencyNotStated(words("bao lau thi bao cao mot lan"), [{ text: "Định kỳ 6 tháng một lần, Ban báo cáo kết quả." }])).toBe(false);
    expect(frequencyNotStated(words("bao lau thi bao cao mot lan"), [{ text: "Ban báo cáo kết quả hằng quý." }])).toBe(false);
    // Intervals written with a slash, and "một lần nữa" (again), which asks nothing about how often.
    expect(frequencyNotStated(words("bao lau thi sinh hoat chuyen de mot lan"), [{ text: "Chi bộ sinh hoạt chuyên đề 3 tháng/lần." }])).toBe(false);
    expect(frequencyNotStated(words("sau bao lau thi duoc ket nap lai mot lan nua"), [{ text: "Không có thời hạn." }])).toBe(false);
    // A question that does not ask how often.
    expect(frequencyNotStated(words("hoi thi gom nhung phan thi nao"), [{ text: "Định kỳ tổ chức Hội thi." }])).toBe(false);
  });

  it("is said not to be in the documents when no passage states it, and answered when one does", async () => {
    const contest = await answerer.answer("Hội thi tìm hiểu quy chế dân chủ ở cơ quan mấy năm tổ chức một lần?");
    expect(contest.grade).toBe("none");
    expect(contest.answer).toContain("bao lâu một lần");
    const report = await answerer.answer("Ban thanh tra nhân dân bao lâu thì báo cáo kết quả hoạt động với công đoàn một lần?");
    expect(report.grade).not.toBe("none");
    expect(report.answer).toContain("6 tháng một lần");
  });
});

describe("a sum of money the question asks for", () => {
  it("is stated only by an amount with its unit", () => {
    expect(amountNotStated(words("thanh vien ban thanh tra duoc phu cap bao nhieu mot thang"), [{ text: "Thành viên Ban Thanh tra nhân dân được hưởng phụ cấp theo quy định." }])).toBe(true);
    expect(amountNotStated(words("phu cap bao nhieu"), [{ text: "Mức phụ cấp là 500.000 đồng mỗi tháng." }])).toBe(false);
    expect(amountNotStated(words("dang phi bao nhieu phan tram"), [{ text: "Đảng viên đóng đảng phí bằng 1% tiền lương." }])).toBe(false);
    // A count of commended units is not money ("khen thưởng bao nhiêu tập thể"), nor are words that fold like money words.
    const none = [{ text: "Không có số liệu." }];
    for (const question of ["khen thuong bao nhieu tap the", "co bao nhieu tap the tien tien duoc khen thuong", "bao nhieu dang vien bi phat hien vi pham", "bao nhieu chi bo duoc thuong xuyen kiem tra", "hoi thi co bao nhieu giai thuong", "tinh ho tro bao nhieu ho ngheo"]) {
      expect(amountNotStated(words(question), none)).toBe(false);
    }
    // "5 đồng chí" is people, not money.
    expect(amountNotStated(words("phu cap bao nhieu"), [{ text: "Ban có 5 đồng chí được phụ cấp." }])).toBe(true);
  });

  it("'bao nhiêu chi bộ' is answered by a share of them ('100% chi bộ'), as by a count", async () => {
    const plan = ["KẾ HOẠCH NĂM VẬN ĐỘNG QUẦN CHÚNG 2025 CỦA ĐẢNG ỦY XÃ AN PHÚ", "", "Các cấp ủy đưa nội dung vận động quần chúng vào chương trình công tác; phấn đấu trong năm 2025, 100% chi bộ tổ chức sinh hoạt chuyên đề về vận động quần chúng."].join("\n");
    await withAnswererOver({ "ke-hoach.txt": plan }, async (over) => {
      const result = await over.answer("năm 2025 phấn đấu bao nhiêu chi bộ sinh hoạt chuyên đề vận động quần chúng?");
      expect(result.grade).not.toBe("none");
      expect(result.answer).toContain("100% chi bộ tổ chức sinh hoạt chuyên đề");
    });
  });

  it("a share answers a target only: 'có bao nhiêu đảng viên' is not answered by '95% đảng viên'", async () => {
    const report = ["BÁO CÁO CÔNG TÁC NĂM 2024 CỦA ĐẢNG BỘ XÃ AN PHÚ", "", "Năm 2024, 95% đảng viên của Đảng bộ được học tập nghị quyết."].join("\n");
    await withAnswererOver({ "bao-cao.txt": report }, async (over) => {
      const result = await over.answer("Đảng bộ xã An Phú có bao nhiêu đảng viên?");
      expect(result.answer).not.toMatch(/^Năm 2024, 95% đảng viên/);
    });
  });

  it("what was done ('thực tế … đã sinh hoạt') is not answered by a target ('phấn đấu … 100% chi bộ')", async () => {
    const plan = ["KẾ HOẠCH NĂM VẬN ĐỘNG QUẦN CHÚNG 2025 CỦA ĐẢNG ỦY XÃ AN PHÚ", "", "Các cấp ủy đưa nội dung vận động quần chúng vào chương trình công tác; phấn đấu trong năm 2025, 100% chi bộ tổ chức sinh hoạt chuyên đề về vận động quần chúng."].join("\n");
    await withAnswererOver({ "ke-hoach.txt": plan }, async (over) => {
      expect((await over.answer("Hết năm 2025 thực tế có bao nhiêu % chi bộ đã sinh hoạt chuyên đề vận động quần chúng?")).grade).not.toBe("answer");
    });
  });

  it("a term of office asked as 'bao lâu' is said not to be stated when no best sentence gives it ('định kỳ 6 tháng' is another thing), and a deadline that is stated is not said missing", async () => {
    const refused = await answerer.answer("Nhiệm kỳ của Ban Thanh tra nhân dân cơ quan là bao lâu?");
    expect(refused.grade).toBe("none");
    expect(refused.answer).toContain("không nêu thời hạn");
    const deadline = ["QUY CHẾ HỘI NGHỊ CÁN BỘ, CÔNG CHỨC CỦA XÃ AN PHÚ", "", "Điều 6. Chuẩn bị hội nghị", "Tài liệu trình hội nghị được gửi đến cán bộ, công chức chậm nhất 15 ngày trước ngày khai mạc hội nghị."].join("\n");
    await withAnswererOver({ "quy-che-hn.txt": deadline }, async (over) => {
      const result = await over.answer("Tài liệu hội nghị cán bộ công chức phải gửi trước hội nghị bao lâu?");
      // (Whether it is asserted is the answerability model's call; the length of time is stated, so nothing says otherwise.)
      expect(result.explain?.notStated).toBeUndefined();
    });
  });
});

