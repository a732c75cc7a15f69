import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../ingest/document.ts";
import { detectHeading } from "../../ingest/outline.ts";

const REGULATION = `QUY CHẾ
làm việc của Sở Nội vụ tỉnh

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định nguyên tắc, chế độ trách nhiệm và quan hệ công tác của Sở.

Chương II
TRÁCH NHIỆM VÀ QUYỀN HẠN

Điều 4. Trách nhiệm của Giám đốc Sở
1. Lãnh đạo, chỉ đạo, điều hành toàn diện các hoạt động của Sở theo quy định của pháp luật.
2. Thực hiện dân chủ ở cơ sở, tiếp công dân theo quy định:
a) Tiếp công dân định kỳ ít nhất một ngày trong tháng;
b) Đối thoại với cán bộ, công chức ít nhất một lần trong năm.

Điều 5. Trách nhiệm của Phó Giám đốc Sở
Phó Giám đốc giúp Giám đốc phụ trách một số lĩnh vực công tác theo phân công.
`;

describe("outline detection", () => {
  it.each([
    ["Chương II", "chapter"],
    ["Điều 4. Trách nhiệm của Giám đốc Sở", "article"],
    ["II. Nhiệm vụ và giải pháp", "roman"],
    ["I - NƯỚC TA LÀ NƯỚC DÂN CHỦ", "roman"],
    ["1- Mục tiêu", "arabic"],
    ["6. Xây dựng mô hình dân vận", "arabic"],
    ["a. Nội dung và phương thức", "letter"],
    ["b) Đối thoại với cán bộ", "letter"],
    ["* Phương thức:", "label"],
    ["Bước thứ hai: tổ chức sinh hoạt chi bộ", "item"],
    ["Tám là, tăng cường lãnh đạo, chỉ đạo", "item"],
    ["- Thứ nhất là tuyên truyền cho dân", "item"],
  ])("%s is a heading of kind %s", (text, kind) => {
    expect(detectHeading(text)?.kind).toBe(kind);
  });

  it.each(["Dân vận là vận động tất cả lực lượng.", "15-10-1949 là ngày đăng báo", "- tuyên truyền cho dân"])("%s is body text", (text) => {
    expect(detectHeading(text)).toBeUndefined();
  });

  it("gives Điều and Khoản passages their legal heading path", () => {
    const [document] = buildDocuments(REGULATION, "quy-che.txt", []);
    expect(document!.meta.kind).toBe("Quy chế");
    expect(document!.meta.title).toBe("Quy chế làm việc của Sở Nội vụ tỉnh");
    const article4 = document!.chunks.find((c) => c.clean.includes("Lãnh đạo, chỉ đạo, điều hành toàn diện"))!;
    expect(article4.headings).toEqual(["Chương II. TRÁCH NHIỆM VÀ QUYỀN HẠN", "Điều 4. Trách nhiệm của Giám đốc Sở"]);
    expect(article4.citation).toContain("Chương II. TRÁCH NHIỆM VÀ QUYỀN HẠN › Điều 4. Trách nhiệm của Giám đốc Sở");
    expect(article4.clean).not.toContain("Điều 5");
    const article5 = document!.chunks.find((c) => c.clean.includes("Phó Giám đốc giúp Giám đốc"))!;
    expect(article5.headings).toEqual(["Chương II. TRÁCH NHIỆM VÀ QUYỀN HẠN", "Điều 5. Trách nhiệm của Phó Giám đốc Sở"]);
  });

  it("names numbered points inside a long Điều as Khoản and Điểm", () => {
    const long = REGULATION.replace("1. Lãnh đạo, chỉ đạo", `1. ${"Lãnh đạo, chỉ đạo, điều hành các mặt công tác của Sở. ".repeat(40)}Lãnh đạo, chỉ đạo`);
    const [document] = buildDocuments(long, "quy-che.txt", []);
    const point = document!.chunks.find((c) => c.clean.includes("Tiếp công dân định kỳ"))!;
    expect(point.section).toMatch(/^Chương II\. TRÁCH NHIỆM VÀ QUYỀN HẠN › Điều 4\. Trách nhiệm của Giám đốc Sở › Khoản 2/);
  });
});
