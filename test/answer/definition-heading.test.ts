import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * A question asking what a term means, where one section is headed with that very question and
 * another section, headed with the question's other words, says much the same. Made-up text.
 */
const filler = (topic: string) => Array.from({ length: 6 }, (_, i) => `Ghi chú ${i + 1} về ${topic}: các đội công tác về từng thôn, từng bản, ghi chép cách làm của cán bộ cơ sở và kinh nghiệm của các địa phương trong tỉnh.`).flatMap((line) => [line, ""]);
const GUIDE = [
  "TÀI LIỆU BỒI DƯỠNG VỀ VẬN ĐỘNG QUẦN CHÚNG",
  "",
  "I. MỘT SỐ VẤN ĐỀ CHUNG",
  "",
  "1. Nguồn gốc",
  "",
  ...filler("nguồn gốc"),
  "2. Thế nào là công tác vận động quần chúng",
  "",
  "Trong thời kỳ mới, thì công tác vận động quần chúng là công việc của cả hệ thống chính trị nhằm tập hợp, đoàn kết nhân dân.",
  "",
  ...filler("khái niệm"),
  "3. Công tác vận động quần chúng ở cơ sở",
  "",
  "Ở cơ sở, công tác vận động quần chúng cần đổi mới nội dung, phương thức, sát với đời sống của nhân dân; công tác vận động quần chúng gắn với từng khu dân cư, vì công tác vận động quần chúng là việc của mọi cán bộ.",
  "",
  ...filler("đổi mới"),
].join("\n");

const answerer = answererForFile({ "tai-lieu.txt": GUIDE });

describe("a question about what a term means", () => {
  it("finds first the section whose heading asks that question, over one headed with the question's other words", async () => {
    const result = await answerer.answer("công tác vận động quần chúng nghĩa là gì?", { k: 5 });
    expect(result.passages[0]!.section).toContain("Thế nào là công tác vận động quần chúng");
  });
});
