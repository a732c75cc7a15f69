import { describe, expect, it } from "vitest";
import { listSubject } from "../../src/structure/blocks.ts";

describe("whose list it is, read from its lead-in and headings", () => {
  it.each([
    ["Thủ trưởng cơ quan có trách nhiệm:", [], "Thủ trưởng cơ quan"],
    ["Để thực hiện mục tiêu trên, Ban Bí thư yêu cầu cấp ủy, tổ chức đảng, cơ quan nhà nước các cấp thực hiện tốt một số nhiệm vụ chủ yếu sau:", [], "cấp ủy, tổ chức đảng, cơ quan nhà nước các cấp"],
    ["Đồng thời, Bí thư Đảng ủy Khối đề nghị cấp ủy các cấp và đội ngũ cán bộ trong thời gian tới cần tiếp tục thực hiện một số nội dung trọng tâm sau:", [], "cấp ủy các cấp và đội ngũ cán bộ"],
    ["", ["II. TRÁCH NHIỆM", "3. Ban Chấp hành Công đoàn cơ quan"], "Ban Chấp hành Công đoàn cơ quan"],
  ] as const)("«%s» → «%s»", (lead, headings, subject) => {
    expect(listSubject(headings, lead)).toBe(subject);
  });

  it("does not read the noun «yêu cầu» as asking someone", () => {
    expect(listSubject([], "Nhằm đáp ứng yêu cầu nhiệm vụ trong tình hình mới, Đảng ủy Khối tập trung thực hiện một số nội dung sau:")).not.toMatch(/^nhiệm vụ/);
  });

  it("names a list introduced by a sentence that asks nobody by that sentence's end", () => {
    expect(listSubject([], "Năm 2014, các cấp ủy trong Đảng bộ Khối tập trung thực hiện tốt một số nội dung chủ yếu sau:")).toMatch(/một số nội dung chủ yếu sau$/);
  });
});
