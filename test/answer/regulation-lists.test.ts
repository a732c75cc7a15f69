import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isRecipientsLead } from "../../src/structure/blocks.ts";
import { withAnswererOver } from "../helpers/index.ts";
import { answererForFile } from "../helpers/suite.ts";

/** The made-up regulation of the legal fixture: articles with clauses and points a), b), c), and a decision's "Nơi nhận". */
const REGULATION = readFileSync(path.join(import.meta.dirname, "../fixtures/legal/quy-che-dan-chu-thanh-binh.txt"), "utf8");
const answerer = answererForFile({ "quy-che.txt": REGULATION });

describe("lists of a regulation", () => {
  it("answers 'bằng những cách nào' with the article's list of forms, not with the same actor's list of contents", async () => {
    const result = await answerer.answer("thủ trưởng cơ quan công khai thông tin cho công chức bằng những cách nào?");
    expect(result.answer).toContain("Niêm yết tại trụ sở cơ quan");
    expect(result.answer).toContain("Gửi văn bản, tài liệu đến từng cán bộ, công chức");
    expect(result.answer).not.toContain("Dự toán ngân sách được giao");
  });

  it("knows the list of those a text is sent to ('Nơi nhận:'), which never answers a question about duties or contents", () => {
    expect(isRecipientsLead("Nơi nhận:")).toBe(true);
    expect(isRecipientsLead("* Nơi nhận")).toBe(true);
    expect(isRecipientsLead("Nơi nhận: - Như Điều 3;")).toBe(true);
    expect(isRecipientsLead("Nơi nhận hồ sơ gồm các giấy tờ sau:")).toBe(false);
    expect(isRecipientsLead("Thủ trưởng cơ quan có trách nhiệm công khai các nội dung sau đây:")).toBe(false);
    expect(isRecipientsLead("Nơi nhậnxyz")).toBe(false);
  });

  it("keeps the recipients out of the table of lists, whether extraction left 'Nơi nhận:' alone or joined the first recipient to it", async () => {
    const decision = (foot: string) => [
      "QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác dân vận", "",
      "Điều 1. Thành lập Tổ công tác dân vận của Sở Nội vụ tỉnh Hòa Sơn.", "",
      "Điều 2. Tổ công tác có nhiệm vụ sau:", "- Nắm tình hình nhân dân;", "- Tham mưu tổ chức đối thoại;", "- Báo cáo kết quả hằng quý.", "",
      "Điều 3. Chánh Văn phòng, Thủ trưởng các phòng chịu trách nhiệm thi hành Quyết định này.", "",
      foot,
    ].join("\n");
    for (const foot of ["Nơi nhận:\n- Như Điều 3;\n- Giám đốc Sở;\n- Lưu: VT.", "Nơi nhận: - Như Điều 3;\n- Giám đốc Sở;\n- Lưu: VT."]) {
      await withAnswererOver({ "qd.txt": decision(foot) }, async (one) => {
        const leads = one.index.facts.facts.map((fact) => fact.lead);
        expect(leads.some((lead) => /nhiệm vụ sau/.test(lead))).toBe(true);
        expect(leads.some((lead) => /nơi nhận/iu.test(lead))).toBe(false);
      });
    }
  });
});
