import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issuerLevel } from "../../src/index/representative.ts";
import { DuplicateGroups, numeralsAgree, signatureOf, similarity, NEAR_DUPLICATE_SIMILARITY } from "../../src/index/near-duplicates.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { openApp } from "../../bot/app.ts";
import { createWebApp } from "../../bot/web/server.ts";
import { LEXICON_FILE, openAnswerer, runIngest, tempDir, writeFiles } from "../helpers/index.ts";

/**
 * A guidance text re-issued by a province with one sentence added, and a commune's version that changes
 * how often the dialogue is held. Made-up texts.
 */
const DIALOGUE = [
  "Chi bộ tổ chức hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy với nhân dân trên địa bàn ít nhất hai lần trong một năm.",
  "Trước hội nghị, Ban Công tác Mặt trận thu thập ý kiến, kiến nghị của các hộ gia đình và tổng hợp thành văn bản gửi chi ủy.",
  "Tại hội nghị, người đứng đầu cấp ủy trả lời từng kiến nghị, nêu rõ việc nào giải quyết ngay, việc nào cần thời gian và ai chịu trách nhiệm.",
  "Sau hội nghị, chi ủy thông báo kết quả giải quyết kiến nghị trên loa truyền thanh và tại nhà văn hóa thôn.",
  "Những kiến nghị vượt thẩm quyền được chuyển lên Đảng ủy cấp trên kèm biên bản hội nghị trong thời hạn mười ngày làm việc.",
  "Biên bản hội nghị ghi đầy đủ họ tên người phát biểu, nội dung kiến nghị và ý kiến trả lời của người đứng đầu cấp ủy.",
  "Cuối năm, chi bộ đánh giá việc thực hiện các cam kết tại hội nghị đối thoại trong báo cáo tổng kết công tác dân vận.",
];
const OTHER = [
  "Đoàn viên thanh niên tham gia dọn vệ sinh đường làng vào sáng chủ nhật cuối tháng, mỗi chi đoàn nhận một đoạn đường do thôn phân công.",
  "Chi đoàn phối hợp với Hội Phụ nữ trồng hoa dọc các tuyến đường liên thôn và chăm sóc bồn hoa trước nhà văn hóa.",
  "Bí thư chi đoàn ghi sổ theo dõi ngày công của từng đoàn viên và báo cáo Đoàn xã vào cuối quý.",
  "Đoàn viên có nhiều ngày công được biểu dương tại hội nghị tổng kết của Đoàn xã và giới thiệu cho chi bộ bồi dưỡng.",
  "Những đoạn đường sạch đẹp được chụp ảnh, đăng trên trang thông tin của xã để nhân dân cùng giữ gìn.",
  "Kinh phí mua dụng cụ lao động do thôn hỗ trợ từ quỹ vì người nghèo và đóng góp tự nguyện của các hộ gia đình.",
  "Vào dịp hè, chi đoàn tổ chức cho thiếu nhi trong thôn cùng tham gia nhặt rác ở bờ kênh và sân chơi chung.",
  "Các gia đình có con em là đoàn viên được vận động phân loại rác tại nguồn và để rác đúng giờ quy định.",
  "Ban chấp hành chi đoàn kiểm tra kết quả hằng tháng, nhắc nhở những đoạn đường còn rác và đề xuất cách làm mới.",
].join(" ");

const doc = (title: string, body: string[]) => [title, "", "I. ĐỐI THOẠI VỚI NHÂN DÂN", "", body.join(" "), "", "II. PHONG TRÀO THANH NIÊN", "", OTHER].join("\n");
const meta = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${k}: "${v}"`).join("\n");

const FILES = {
  "trung-uong.txt": doc("HƯỚNG DẪN ĐỐI THOẠI Ở CƠ SỞ", DIALOGUE),
  "trung-uong.txt.meta.yaml": meta({ title: "Hướng dẫn đối thoại ở cơ sở", kind: "huong-dan", number: "10-HD/BDVTW", issuer: "Ban Dân vận Trung ương", date: "2020-05-04" }),
  // The province's plan: the same paragraph with one sentence added; more recent, so it stands for the group.
  "tinh.txt": doc("KẾ HOẠCH ĐỐI THOẠI Ở CƠ SỞ", [...DIALOGUE, "Ban Dân vận Tỉnh ủy theo dõi, tổng hợp kết quả đối thoại của các chi bộ và báo cáo Thường trực Tỉnh ủy."]),
  "tinh.txt.meta.yaml": meta({ title: "Kế hoạch đối thoại ở cơ sở của tỉnh Đông Hòa", kind: "ke-hoach", number: "05-KH/TU", issuer: "Tỉnh ủy Đông Hòa", date: "2022-03-01" }),
  // The commune's version holds the dialogue three times a year: not the same rule.
  "xa.txt": doc("QUY ĐỊNH ĐỐI THOẠI CỦA XÃ", [DIALOGUE[0]!.replace("hai lần", "ba lần"), ...DIALOGUE.slice(1)]),
  "xa.txt.meta.yaml": meta({ title: "Quy định đối thoại của xã Hòa Bình", kind: "quy-dinh", number: "02-QĐ/ĐU", issuer: "Đảng ủy xã Hòa Bình", date: "2021-01-10" }),
};

const QUESTION = "Chi bộ tổ chức hội nghị đối thoại với nhân dân mấy lần một năm?";

/** The three texts ingested into a fresh folder (the lexicon beside them, as in a knowledge folder). */
async function knowledgeBase() {
  const temp = await tempDir();
  const docs = path.join(temp.dir, "knowledge");
  await writeFiles(path.join(docs, "documents"), FILES);
  await cp(LEXICON_FILE, path.join(docs, "lexicon.yaml"));
  await runIngest(docs, path.join(temp.dir, "index"));
  return { dir: temp.dir, docs, index: path.join(temp.dir, "index"), cleanup: temp.cleanup };
}

let shared: Awaited<ReturnType<typeof knowledgeBase>>;
beforeAll(async () => {
  shared = await knowledgeBase();
});
afterAll(async () => {
  await shared.cleanup();
});
const index = () => shared.index;
const dialogueOf = (passages: Array<{ path: string; clean: string; group: string }>, file: string) => passages.find((p) => p.path === `documents/${file}` && p.clean.includes("hội nghị đối thoại trực tiếp"))!;

describe("near-duplicate passages", () => {
  it("puts a copy with one sentence added in the same group, and a copy with another number in its own", async () => {
    const knowledge = await openAnswerer(index());
    try {
      const passages = await knowledge.index.allPassages();
      const [central, province, commune] = ["trung-uong.txt", "tinh.txt", "xa.txt"].map((f) => dialogueOf(passages, f));
      expect(province!.group).toBe(central!.group);
      expect(commune!.group).not.toBe(central!.group);
      // The other section of the three texts is word for word the same: one group.
      const others = passages.filter((p) => p.clean.includes("dọn vệ sinh đường làng"));
      expect(others).toHaveLength(3);
      expect(new Set(others.map((p) => p.group)).size).toBe(1);
    } finally {
      knowledge.close();
    }
  });

  it("answers from one member of the group and lists the other as 'also in'; never two members as two sources", async () => {
    const knowledge = await openAnswerer(index());
    try {
      const { ranked } = await knowledge.retriever.retrieve(QUESTION, { k: 5 });
      expect(new Set(ranked.map((r) => r.passage.group)).size).toBe(ranked.length);
      const result = await knowledge.answer(QUESTION);
      const cited = await knowledge.index.passages(result.citations.map((c) => c.chunkId));
      expect(new Set(cited.map((p) => p.group)).size).toBe(cited.length);
      // The province's plan is the most recent: it stands for the group; the central guidance is "also in".
      const plan = result.citations.find((c) => c.docNumber === "05-KH/TU");
      expect(plan).toBeDefined();
      expect(plan!.alsoIn).toEqual([expect.objectContaining({ docNumber: "10-HD/BDVTW", docTitle: "Hướng dẫn đối thoại ở cơ sở" })]);
      expect(result.citations.some((c) => c.docNumber === "10-HD/BDVTW")).toBe(false);
    } finally {
      knowledge.close();
    }
  });

  it("the web chat shows where else a source's words stand", async () => {
    const app = await openApp(loadConfig({ DATA_DIR: shared.dir, KNOWLEDGE_DIR: shared.docs }), silentLogger);
    try {
      const web = createWebApp({ conversation: app.conversation, passage: (id) => app.holder.current().index.passage(id), logger: silentLogger, perMinute: 100, trustProxy: { kind: "none" } });
      const response = await web.request("/api/message", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: "abcdefgh12", text: QUESTION }) });
      const body = (await response.json()) as { replies: Array<{ citations?: Array<{ label: string; also?: string }> }> };
      const plan = body.replies[0]!.citations!.find((c) => c.label.includes("Kế hoạch đối thoại"));
      expect(plan?.also).toBe("Cũng có trong: Hướng dẫn đối thoại ở cơ sở (số 10-HD/BDVTW, 4/5/2020)");
    } finally {
      app.close();
    }
  });

  it("when the representative's file is removed, an incremental ingest lets another member stand for the group", async () => {
    const own = await knowledgeBase();
    try {
      await rm(path.join(own.docs, "documents", "tinh.txt"));
      await rm(path.join(own.docs, "documents", "tinh.txt.meta.yaml"));
      const report = await runIngest(own.docs, own.index);
      expect(report.files.filter((f) => f.status === "removed").map((f) => f.path)).toContain("documents/tinh.txt");
      const knowledge = await openAnswerer(own.index);
      try {
        const result = await knowledge.answer(QUESTION);
        const central = result.citations.find((c) => c.docNumber === "10-HD/BDVTW");
        expect(central).toBeDefined();
        expect(central!.alsoIn).toEqual([]);
        const { ranked } = await knowledge.retriever.retrieve("dọn vệ sinh đường làng chủ nhật", { k: 5 });
        expect(ranked.filter((r) => r.passage.clean.includes("dọn vệ sinh đường làng"))).toHaveLength(1);
      } finally {
        knowledge.close();
      }
    } finally {
      await own.cleanup();
    }
  });
});

describe("the rules behind the groups", () => {
  it("keeps two wordings apart when a number differs, and together when a copy only adds one", () => {
    expect(numeralsAgree("hai", "ba")).toBe(false);
    expect(numeralsAgree("2013 hai", "hai")).toBe(true);
    const a = signatureOf(DIALOGUE.join(" "));
    const b = signatureOf(DIALOGUE.join(" ").replace("hai lần", "ba lần"));
    expect(similarity(a.minhash, b.minhash)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    expect(numeralsAgree(a.numerals, b.numerals)).toBe(false);
  });

  it("reads as numbers the whole words that are numbers: number words and words that open with a digit", () => {
    expect(signatureOf("Hội nghị họp Hai lần, MƯỜI người, năm 2013; mục 3a.").numerals).toBe("2013 3a hai mười năm");
    // Inside a word ("x2", "bà", "Khai") or after a letter of another script, no number is read.
    expect(signatureOf("Mẫu x2 của bà Khai, ký hiệu 𝐀hai.").numerals).toBe("");
  });

  it("a passage rewritten into other words founds its own group, not the one it used to name", () => {
    const groups = new DuplicateGroups();
    const text = DIALOGUE.join(" ");
    expect(groups.assign("a1", signatureOf(text))).toBe("a1");
    expect(groups.assign("b1", signatureOf(text))).toBe("a1");
    groups.remove("a1");
    const rewritten = groups.assign("a1", signatureOf(OTHER));
    expect(rewritten).not.toBe("a1");
    expect(groups.groupOf("b1")).toBe("a1");
    expect([...groups.membersOf("a1")]).toEqual(["b1"]);
  });

  it("passages without words group only with the very same text", () => {
    expect(similarity(signatureOf("* * *").minhash, signatureOf("---").minhash)).toBeLessThan(NEAR_DUPLICATE_SIMILARITY);
    expect(similarity(signatureOf("* * *").minhash, signatureOf("* * *").minhash)).toBe(1);
  });

  it("reads the issuing level from the issuer's name", () => {
    expect(issuerLevel("Ban Chấp hành Trung ương")).toBe("trung-uong");
    expect(issuerLevel("Đảng ủy Khối các cơ quan Trung ương")).toBe("trung-uong");
    expect(issuerLevel("Tỉnh ủy Bắc Giang")).toBe("tinh");
    expect(issuerLevel("Huyện ủy Yên Dũng")).toBe("huyen");
    expect(issuerLevel("Thị ủy Sơn Tây")).toBe("huyen");
    expect(issuerLevel("Đảng ủy xã Hòa Bình, huyện Yên Dũng")).toBe("xa");
    expect(issuerLevel("Ban Chấp hành Đảng bộ phường Cửa Nam")).toBe("xa");
    expect(issuerLevel("")).toBe("");
  });
});
