import { describe, expect, it } from "vitest";
import { holdsAnswerType } from "../../src/answer/evidence.ts";
import { analyseQuestionIntent } from "../../src/answer/question.ts";
import { documentMatch, scopeMatch } from "../../src/answer/scope.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { analyseQuery } from "../../src/query.ts";
import { LEXICON_FILE } from "../helpers/index.ts";

const { lexicon } = await loadLexicon(LEXICON_FILE);
const read = (question: string) => analyseQuestionIntent(question, analyseQuery(question, lexicon), lexicon);

describe("reading what a question asks", () => {
  it.each([
    ["Dân vận là gì?", "definition"],
    ["Nói nôm na thì dân vận là làm việc gì, Bác giải thích thế nào?", "definition"],
    ["nhiem vu cua thu truong co quan trong qcdc", "list"],
    ["Mục tiêu của nghị quyết là gì?", "list"],
    ["Chi bộ muốn xây dựng mô hình thì làm theo trình tự mấy bước?", "steps"],
    ["Bước thứ hai khi xây dựng mô hình là gì", "item"],
    // A procedure asked for in other words: how it goes, in order, from start to finish.
    ["Bác dặn làm dân vận phải tiến hành thế nào, từ lúc giải thích cho dân đến lúc làm xong việc?", "steps"],
    // …but not every "tiến hành ra sao", nor "trước sau như một".
    ["Việc công khai thông tin trong cơ quan tiến hành ra sao?", "howwhy"],
    ["van dong dan lam 1 viec thi lam tuan tu ntn, truoc sau ra sao", "steps"],
    ["Ai chịu trách nhiệm tạo điều kiện cho Ban Thanh tra nhân dân?", "who"],
    ["Ban Thanh tra nhân dân có bao nhiêu thành viên?", "number"],
    ["Nghị quyết 25 ban hành năm nào?", "date"],
    ["bao lâu thì họp một lần", "date"],
    ["cap uy co phai kiem tra viec thuc hien qcdc khong", "yesno"],
    ["Vì sao công tác dân vận quan trọng", "howwhy"],
    ["3 viec quan trong trong phuong phap dan van cua Bac la gi", "list"],
    ["phuong phap van dong gom nhung viec nao, ai nho ko chi minh voi", "list"],
    ["các nhóm giải pháp lớn trong nghị quyết của tỉnh là gì", "list"],
    // "Bí thư năm 2015" names a year, not "the fifth" item.
    ["Kết luận của Ban Bí thư năm 2015 yêu cầu những gì về tiếp dân?", "list"],
    ["Bước thứ năm khi xây dựng mô hình là gì", "item"],
    // "giải pháp số 4" asks for the fourth solution; "Nghị quyết số 25" names a text.
    ["Giải pháp số 4 trong NQ dân vận của tỉnh nói về việc gì?", "item"],
    ["Nghị quyết số 25 có những giải pháp gì?", "list"],
    // "bộ máy" is not "mấy": a yes/no question, not a number.
    ["Có phải cắt giảm người hưởng lương trong bộ máy nhà nước không?", "yesno"],
    ["Chi bộ họp mấy lần một tháng", "number"],
    // "mấy … ấy" names those few things; it asks for no count.
    ["phong cách làm việc cấp trên yêu cầu là gì, mấy câu khẩu hiệu ấy ạ", "definition"],
    // A list asked first, then a check of one item: the list answers both; a check alone stays yes/no.
    ["thủ trưởng có thể công khai bằng những cách nào, dán bảng tin có được không?", "list"],
    ["Thủ trưởng có được công khai trên bảng tin không?", "yesno"],
    // "Nếu các …" (folded like "nêu các") asks yes or no under a condition.
    ["Nếu các hộ dân không đồng ý thì chính quyền có được cưỡng chế không?", "yesno"],
    ["Nếu những người có uy tín từ chối tham gia thì có phải báo cáo không?", "yesno"],
    ["Khi nêu các ý kiến góp ý thì có cần ghi tên không?", "yesno"],
    ["Ai chịu trách nhiệm báo cáo, mọi người biết thì giúp em", "who"],
    ["Ở cơ sở ai biết rõ tình hình nhân dân nhất?", "who"],
    ["Trong thôn, ai hiểu dân nhất?", "who"],
    // A plain request for several things is a list, whatever else the question reads as.
    ["Năm dân vận 2014 có mấy khâu đột phá, là gì vậy?", "list"],
    ["vi sao noi bi thu cap uy la nguoi lam dan van hieu qua nhat, neu cac ly do", "list"],
    ["Kết luận ghi nhận những kết quả gì ạ?", "list"],
    ["có những chuyển biến tích cực nào", "list"],
    ["những sai lầm, khuyết điểm phổ biến mà bài báo phê phán là gì", "list"],
    // "văn bản nào" asks for documents, not for a "ban" (a board) as "ban nào" does.
    ["cán bộ phải học tập, quán triệt những văn bản nào? kể hết giúp em", "list"],
    ["Ban nào tham mưu cho Tỉnh ủy về công tác dân vận?", "who"],
    ["Chi bộ có bao nhiêu đảng viên?", "number"],
    ["Cách làm dân vận là gì?", "definition"],
  ])("«%s» is a %s question", (question, type) => {
    expect(read(question).type).toBe(type);
  });

  it("finds the actor named, with abbreviations written out, in the clause that asks", () => {
    expect(read("BCH CĐ cơ quan có trách nhiệm gì trong thực hiện QCDC?").focus.join(" ")).toBe("ban chap hanh cong doan co quan");
    expect(read("Trong cơ chế 'chính quyền tổ chức thực hiện', lãnh đạo đơn vị phải làm những việc gì?").focus.join(" ")).toBe("lanh dao don vi");
    expect(read("nhiệm vụ của Mặt trận Tổ quốc trong công tác dân vận là gì").focus.join(" ")).toBe("mat tran to quoc");
  });

  it("reads the actor after 'thì', the clause before it setting the scene", () => {
    expect(read("Trong thuc hien QCDC o co quan TW thi BCH cong doan co quan co trach nhiem gi?").focus.join(" ")).toBe("ban chap hanh cong doan co quan");
    expect(read("Trong thực hiện QCDC ở cơ quan thì Công đoàn cơ quan có trách nhiệm gì?").focus.join(" ")).toBe("cong doan co quan");
    expect(read("Khi thực hiện QCDC ở cơ quan TW thì Thủ trưởng cơ quan có trách nhiệm gì?").focus.join(" ")).toBe("thu truong co quan");
    expect(read("Trong thuc hien QCDC thi thu truong co quan co trach nhiem gi").focus.join(" ")).toBe("thu truong co quan");
    expect(read("Công đoàn cơ quan thì có trách nhiệm gì?").focus.join(" ")).toBe("cong doan co quan");
    // "Thị ủy" and "thị trường", typed with their marks, are no "thì".
    expect(read("Ban Dân vận Thị ủy có trách nhiệm gì?").focus.join(" ")).toBe("ban dan van thi uy");
    // …unless what follows names the list: the actor is then before it.
    expect(read("Cấp ủy, tổ chức đảng ở các bộ ngành TW làm dân vận thì nội dung công việc gồm những gì").focus.join(" ")).toContain("to chuc dang");
    // "chỉ thị" folds to "chi thi": not a "thì".
    expect(read("Chỉ thị số 18 của Thủ tướng về công tác dân vận gồm những nhiệm vụ nào?").focus).toEqual([]);
    // A situation ("nếu … thì …") asks what the text says of it, not for an actor's whole list.
    expect(read("neu chinh sach dung ma nguoi dan chua hieu thi chinh quyen phai lam gi").focus).toEqual([]);
    // "Các bước …, trình tự …, quy trình … là gì" names a procedure, not an actor; "HN" is a hội nghị.
    expect(read("Các bước chuẩn bị và tiến hành HN CBCC cơ quan theo quy chế của tỉnh TB là gì ạ?")).toMatchObject({ type: "steps", focus: [] });
    expect(read("Trình tự tổ chức hội nghị thôn là gì?").focus).toEqual([]);
    expect(read("Các bước chuẩn bị và tiến hành HN CBCC cơ quan là gì ạ?").words.join(" ")).toContain("hoi nghi can bo cong chuc");
    // …but "HN" alone is as often Hà Nội; "Buộc thôi việc" is a sanction, not a step.
    expect(read("Ban Dân vận Thành ủy HN có nhiệm vụ gì?").words.join(" ")).not.toContain("hoi nghi");
    expect(read("Buộc thôi việc là gì?").type).toBe("definition");
    // "phải có bao nhiêu người … thì … mới …" asks a threshold; the size of a body is a plain count.
    expect(read("phai co bao nhieu nguoi cung de nghi thi thu truong moi phai doi thoai?").share).toBe(true);
    expect(read("Ban Thanh tra nhân dân của xã phải có bao nhiêu thành viên?").share).toBeUndefined();
    // "những mảng việc nào" is work of any kind; "những ưu điểm nào" still names a kind.
    expect(read("CBCC được quyền giám sát những mảng việc nào?").itemKind).toBeUndefined();
    expect(read("Năm Dân vận 2014 có những ưu điểm nào?").itemKind).toContain("uu diem");
  });

  it("finds the term a definition question asks about, however it is put", () => {
    expect(read("công tác dân vận hiểu thế nào trong giai đoạn hiện nay").focus.join(" ")).toBe("cong tac dan van");
    expect(read("Ở khối cơ quan TW ko có dân cư thì chữ dân trong dân vận hiểu là gì?").focus.join(" ")).toBe("dan");
    expect(read("hội thi dân vận khéo là gì").focus.join(" ")).toBe("hoi thi dan van kheo");
    expect(analyseQuery("cho tôi hỏi dân vận là gì", lexicon).definitionOf?.join(" ")).toBe("dan van");
    // Folded words that are not connectors: "chỉ thị", "thí điểm", "tôn trọng", "trọng điểm", "tài chính", "danh hiệu".
    expect(read("Chỉ thị 33 là gì?").focus.join(" ")).toBe("chi thi 33");
    expect(read("chi thi 33 la gi").focus.join(" ")).toBe("chi thi 33");
    expect(read("Mô hình thí điểm là gì?").focus.join(" ")).toBe("mo hinh thi diem");
    expect(read("ton trong nhan dan nghia la gi").focus.join(" ")).toBe("ton trong nhan dan");
    expect(read("Địa bàn trọng điểm là gì").focus.join(" ")).toBe("dia ban trong diem");
    expect(read("Quản lý tài chính là gì").focus.join(" ")).toBe("quan ly tai chinh");
    expect(analyseQuery("Mô hình được tặng danh hiệu gì", lexicon).definitionOf).toBeUndefined();
    // Read once, abbreviations written out, for retrieval and the answer alike.
    expect(analyseQuery("QCDC là gì?", lexicon).definitionOf?.join(" ")).toBe("quy che dan chu");
    expect(read("QCDC là gì?").focus.join(" ")).toBe("quy che dan chu");
  });

  it("reads the actor of 'X tiến hành … bằng những cách thức nào'", () => {
    expect(read("Cấp ủy cơ sở tiến hành dân vận bằng những cách thức, phương thức nào?").focus.join(" ")).toBe("cap uy co so");
    expect(read("lanh dao co quan thuc hien dan van theo nhung phuong thuc nao").focus.join(" ")).toBe("lanh dao co quan");
  });

  it("takes a document named where an actor would be for no actor", () => {
    expect(read("NQ Bắc Giang về dân vận đưa ra mấy nhóm nhiệm vụ, giải pháp? kể tên từng nhóm").focus).toEqual([]);
    expect(read("Kế hoạch năm dân vận có những nhiệm vụ gì").focus).toEqual([]);
    expect(read("Ban Chấp hành Công đoàn có trách nhiệm gì").focus.join(" ")).toBe("ban chap hanh cong doan");
  });

  it("reads the actor before 'đóng vai trò'", () => {
    expect(read("doan the dong vai tro nong cot thi phai lam nhung viec gi").focus.join(" ")).toBe("doan the");
  });

  it("offers the lexicon's other names for the actor", () => {
    expect(read("sếp cơ quan phải làm gì").focusVariants.map((v) => v.join(" "))).toContain("thu truong co quan");
  });

  it("reads an abbreviation as written before folding it: TU is Tỉnh ủy, TƯ is Trung ương", () => {
    expect(read("Ban Dân vận TU có nhiệm vụ gì").words.join(" ")).toContain("ban dan van tinh uy");
    expect(read("Ban chỉ đạo TƯ có nhiệm vụ gì").words.join(" ")).toContain("ban chi dao trung uong");
    expect(read("nghị quyết của HU về dân vận").words.join(" ")).toContain("huyen uy");
  });

  it("reads the shorthand cadres type, in capitals or not: pp, HCM, BCS, CCVC", () => {
    expect(read("pp cong tac dan van theo tu tuong HCM gom nhung viec gi").words.join(" ")).toContain("phuong phap cong tac dan van theo tu tuong ho chi minh");
    expect(read("to trinh cua BCS dang bo noi vu").words.join(" ")).toContain("ban can su dang");
    expect(read("ccvc trong co quan lam dan van the nao").words.join(" ")).toContain("cong chuc vien chuc");
  });

  it("reads an abbreviation that looks like a word only when typed in capitals", () => {
    expect(read("Ban chỉ đạo TƯ có nhiệm vụ gì").words).toContain("trung");
    expect(read("từ nay có nhiệm vụ gì").words).not.toContain("trung");
  });

  it("keeps what 'who is responsible for Y' asks about", () => {
    expect(read("Ai chịu trách nhiệm tạo điều kiện cho Ban Thanh tra nhân dân hoạt động?").duty).toEqual(["tao", "dieu", "kien", "ban", "thanh", "tra", "nhan", "dan", "hoat", "dong"]);
  });

  it("says what a number, a date or a person question needs", () => {
    expect(read("Ban Thanh tra nhân dân có bao nhiêu thành viên?").unit).toBe("thanh");
    expect(read("đảng phí đóng bao nhiêu %").unit).toBe("%");
    // "%" before the noun it counts is still a percentage, typed with or without marks.
    expect(read("năm 2014 Khối phấn đấu bao nhiêu % chi bộ sinh hoạt chuyên đề").unit).toBe("%");
    expect(read("phan dau bao nhieu % chi bo sinh hoat chuyen de").unit).toBe("%");
    expect(read("Nghị quyết ban hành năm nào?").dateKind).toBe("year");
    expect(read("Hội nghị tổ chức bao lâu một lần?").dateKind).toBe("period");
    expect(read("Quyết định có hiệu lực từ ngày nào?").dateKind).toBe("day");
    expect(read("Hạn chót nộp báo cáo là khi nào?").dateKind).toBe("when");
    expect(read("Kết luận do đồng chí nào ký?").person).toBe(true);
    // A threshold ("cần tối thiểu bao nhiêu người") is stated by a share of a body; a head count is not.
    expect(read("Hội nghị cần tối thiểu bao nhiêu người dự thì mới được tiến hành?").share).toBe(true);
    expect(read("Hội nghị có bao nhiêu đại biểu tham dự?").share).toBeFalsy();
    // Who signs a text named by number is a person; who signs the resolution of an office's meeting is an office.
    expect(read("NQ 25 do ai ký?").person).toBe(true);
    expect(read("Nghị quyết hội nghị cán bộ công chức ở cơ quan thì ai ký ạ?").person).toBeFalsy();
    expect(read("Ai phụ trách dân vận?").person).toBeUndefined();
  });

  it("reads the actor of 'X làm dân vận với những nội dung gì'", () => {
    expect(read("Đoàn thể trong cơ quan làm dân vận với những nội dung gì?").focus.slice(0, 2).join(" ")).toBe("doan the");
  });

  it("tries an actor's name without the setting it is asked in, beside the name as written", () => {
    const intent = read("Cấp ủy cơ sở ở khối TW tiến hành dân vận bằng những cách thức, phương thức nào?");
    expect(intent.focusVariants.map((v) => v.join(" "))).toEqual(expect.arrayContaining(["cap uy co so"]));
    expect(intent.focus.join(" ")).toContain("cap uy co so");
  });

  it("reads a province named as a name or after its unit, not words that sound like one", () => {
    const [first] = lexicon.places;
    expect(read(`Ban Dân vận Tỉnh ủy ${first!.name} được giao việc gì?`).scope.place).toBe(first!.name);
    expect(read("Chống diễn biến hòa bình là gì?").scope.place).toBeUndefined();
    expect(read("Hội nghị cán bộ công chức mỗi năm định kỳ tổ chức mấy lần?").scope.place).toBeUndefined();
    // A question about a province does not name one of its texts.
    const about = read(`Ở ${first!.name} công tác dân vận có những hạn chế gì?`);
    const text = { docNumber: "12-KH/TU", docDate: "2016", docTitle: "Kế hoạch", docIssuer: `Tỉnh ủy ${first!.name}` };
    expect(scopeMatch(about, text)).toBe(1);
    expect(documentMatch(about.scope, text)).toBe(0.5);
  });

  it("reads the document a question names, by number or year", () => {
    const named = read("NQ 25 đề ra những nhóm nhiệm vụ nào?");
    expect(named.scope.documentNumber).toBe("25");
    const year = read("Nghị quyết tỉnh năm 2016 nêu mục tiêu gì");
    expect(year.scope.year).toBe("2016");
    expect(scopeMatch(year, { docNumber: "", docDate: "2016", docTitle: "Nghị quyết" })).toBe(1);
    expect(scopeMatch(year, { docNumber: "", docDate: "2014", docTitle: "Kế hoạch" })).toBe(0);
    expect(scopeMatch(read("Dân vận là gì"), { docNumber: "", docDate: "2014", docTitle: "Kế hoạch" })).toBe(0.5);
  });

  it("reads the text a question opens with, its number followed by its year or not, a count not", () => {
    expect(read("Chỉ thị số 18 năm 2000 của Thủ tướng về công tác dân vận gồm những nhiệm vụ nào?").scope.opensWith).toEqual({ kind: "chi thi", number: "18" });
    expect(read("CT 16/CT-TTg giao cho các bộ những nhiệm vụ nào?").scope.opensWith).toEqual({ kind: "chi thi", number: "16" });
    expect(read("Kế hoạch 5 năm tới của huyện có những mục tiêu nào?").scope.opensWith).toBeUndefined();
  });

  it("a news report without a number is the one named by its year and the resolution it reports on, not a resolution of that year", () => {
    const named = read("hoi nghi tong ket 10 nam NQ 25 thang 9/2023, bi thu de nghi tap trung nhung noi dung nao");
    const report = { docNumber: "", docDate: "2023-09-07", docTitle: "Công tác dân vận đã góp phần quan trọng", docKind: "Tin bài" };
    expect(scopeMatch(named, { ...report, clean: "Hội nghị tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương." })).toBe(1);
    // A passage that does not cite the resolution, a report of another year, a resolution of that year that cites it: not named.
    expect(scopeMatch(named, { ...report, clean: "Nhân dịp này, 26 tập thể được khen thưởng." })).toBe(0);
    expect(scopeMatch(named, { ...report, docDate: "2014", clean: "Thực hiện Nghị quyết số 25-NQ/TW." })).toBe(0);
    expect(scopeMatch(named, { ...report, docKind: "Nghị quyết", clean: "Thực hiện Nghị quyết số 25-NQ/TW." })).toBe(0);
    // A date or a count is not the resolution: "25/9", "25/30".
    expect(scopeMatch(named, { ...report, clean: "Sáng 25/9/2023, Ban Dân vận tổ chức hội nghị; có 25/30 chi bộ hoàn thành." })).toBe(0);
    expect(scopeMatch(named, { ...report, clean: "Tiếp tục thực hiện Nghị quyết 25 của Trung ương." })).toBe(1);
  });
});

describe("does a sentence hold what the question asks (a date, an actor)", () => {
  it("a day for 'ngày nào', any time for 'khi nào'", () => {
    const day = read("Hội nghị tổng kết tổ chức ngày nào?");
    const when = read("Các sở phải ban hành quy chế khi nào?");
    expect(holdsAnswerType(day, "Hội nghị được tổ chức ngày 7-9-2023 tại Hà Nội.")).toBe(true);
    expect(holdsAnswerType(day, "Năm 2023, Đảng ủy Khối tổ chức nhiều hội nghị.")).toBe(false);
    expect(holdsAnswerType(when, "Các sở ban hành quy chế trong quý I năm 2017.")).toBe(true);
    expect(holdsAnswerType(when, "Các sở ban hành quy chế dân vận của đơn vị mình.")).toBe(false);
  });

  it("'những ai' is answered by people of standing as well as by offices, not by a sentence naming no one", () => {
    const who = read("Cần phát huy vai trò của những ai trong vận động nhân dân ở địa phương?");
    expect(who.type).toBe("who");
    expect(holdsAnswerType(who, "Phát huy vai trò của già làng, người có uy tín, chức sắc tôn giáo trong vận động nhân dân.")).toBe(true);
    expect(holdsAnswerType(who, "Đoàn viên, hội viên tích cực tham gia phong trào thi đua.")).toBe(true);
    expect(holdsAnswerType(who, "Phát huy vai trò của các phong trào thi đua trong vận động nhân dân ở địa phương.")).toBe(false);
  });

  it("does not take words that only look like people once folded, nor the people the question names itself, for who does it", () => {
    const keep = read("Ai phải kiên trì thực hiện nghị quyết về xây dựng Đảng?");
    expect(holdsAnswerType(keep, "Kiên trì thực hiện Nghị quyết Trung ương 4 khóa XI về xây dựng Đảng.")).toBe(false);
    expect(holdsAnswerType(keep, "Xây dựng trường bán trú cho con em đồng bào.")).toBe(false);
    expect(holdsAnswerType(keep, "Đội ngũ trí thức, doanh nhân kiên trì thực hiện nghị quyết.")).toBe(true);
    const recruit = read("Ai có trách nhiệm bảo đảm minh bạch trong việc tuyển dụng công chức, viên chức?");
    expect(holdsAnswerType(recruit, "Bảo đảm dân chủ, minh bạch trong tuyển dụng công chức, viên chức.")).toBe(false);
    expect(holdsAnswerType(recruit, "Hội đồng tuyển dụng bảo đảm minh bạch trong tuyển dụng công chức, viên chức.")).toBe(true);
  });
});
