import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isRecipientsLead } from "../../src/structure/blocks.ts";
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
    expect(isRecipientsLead("Nơi nhận hồ sơ gồm các giấy tờ sau:")).toBe(false);
    expect(isRecipientsLead("Thủ trưởng cơ quan có trách nhiệm công khai các nội dung sau đây:")).toBe(false);
    expect(isRecipientsLead("Nơi nhậnxyz")).toBe(false);
  });
});
