import { describe, expect, it } from "vitest";
import { assignedActor, assignedDuties } from "../../src/structure/assignment.ts";
import { answererForFile } from "../helpers/suite.ts";

/**
 * The "Tổ chức thực hiện" part of a plan tasks each body in a numbered clause ("3- Ban Tuyên giáo Huyện ủy
 * chỉ đạo …; …"): asked what one body must do, the reply is that body's clause, cut into its duties, not
 * a neighbouring body's; asked who does a task, the reply names the body. Made-up plan of a district.
 */
const PLAN = [
  "KẾ HOẠCH",
  "Thực hiện phong trào thi đua Dân vận khéo giai đoạn 2025-2030 của huyện Đông Sơn",
  "",
  "I- MỤC ĐÍCH, YÊU CẦU",
  "",
  "Phát huy vai trò của cả hệ thống chính trị trong vận động nhân dân xây dựng nông thôn mới kiểu mẫu.",
  "",
  "II- TỔ CHỨC THỰC HIỆN",
  "",
  "1- Ủy ban nhân dân huyện xây dựng kế hoạch triển khai phong trào trong các xã; bố trí kinh phí khen thưởng hằng năm.",
  "",
  "2- Ban Tổ chức Huyện ủy chủ trì, phối hợp với Ban Dân vận Huyện ủy đưa kết quả phong trào vào tiêu chí đánh giá cán bộ; rà soát đội ngũ cán bộ dân vận ở cơ sở.",
  "",
  "3- Ban Dân vận Huyện ủy tham mưu tổ chức hội nghị sơ kết phong trào vào tháng 6 hằng năm; hướng dẫn các xã đăng ký mô hình dân vận khéo; theo dõi, tổng hợp và báo cáo Ban Thường vụ Huyện ủy mỗi quý.",
  "",
  "Chủ trì tổ chức Hội thi tuyên truyền viên giỏi cấp huyện vào năm 2027.",
  "",
  "Kế hoạch này được phổ biến đến chi bộ./.",
].join("\n");

const answerer = answererForFile({ "ke-hoach-dan-van-kheo.txt": PLAN });

describe("assignment clauses", () => {
  it("name their actor up to the verb that tasks it", () => {
    expect(assignedActor("3- Ban Dân vận Huyện ủy tham mưu tổ chức hội nghị")).toBe("Ban Dân vận Huyện ủy");
    // "Tổ chức" inside a name is not the verb.
    expect(assignedActor("2- Ban Tổ chức Huyện ủy chủ trì, phối hợp với Ban Dân vận Huyện ủy")).toBe("Ban Tổ chức Huyện ủy");
    expect(assignedActor("1. Cấp ủy và tổ chức đảng cần nhận thức đầy đủ vai trò của công tác dân vận")).toBe("Cấp ủy và tổ chức đảng");
    // A clause about something else names no actor; nor do words that begin like a body's name.
    expect(assignedActor("2. Dân vận là vận động tất cả lực lượng của mỗi người dân")).toBeUndefined();
    for (const text of ["Đoàn kết, tập hợp nhân dân tham gia xây dựng nông thôn mới", "Báo cáo kết quả thực hiện với Ban Thường vụ", "Ban hành Quy chế làm việc và chỉ đạo thực hiện", "Hội nghị Trung ương 7 khóa XI đã ban hành Nghị quyết", "Lãnh đạo, chỉ đạo thực hiện tốt kế hoạch"]) {
      expect(assignedActor(text)).toBeUndefined();
    }
    expect(assignedDuties("3- Ban Dân vận Huyện ủy tham mưu tổ chức hội nghị sơ kết; hướng dẫn các xã đăng ký mô hình.", "Ban Dân vận Huyện ủy")).toEqual([
      "tham mưu tổ chức hội nghị sơ kết", "hướng dẫn các xã đăng ký mô hình",
    ]);
  });

  it("answer what a named body must do with its own duties, the paragraph after its clause included", async () => {
    const result = await answerer.answer("Ban Dân vận Huyện ủy Đông Sơn được giao những việc gì để triển khai kế hoạch phong trào trong các xã? liệt kê giúp");
    for (const duty of ["tổ chức hội nghị sơ kết phong trào", "đăng ký mô hình dân vận khéo", "báo cáo Ban Thường vụ Huyện ủy mỗi quý", "Hội thi tuyên truyền viên giỏi"]) {
      expect(result.answer).toContain(duty);
    }
    // The named body's own list is asserted, not offered as a related passage.
    expect(result.grade).toBe("answer");
    // Not the neighbouring bodies' duties.
    expect(result.answer).not.toContain("bố trí kinh phí khen thưởng");
    expect(result.answer).not.toContain("rà soát đội ngũ cán bộ dân vận");
  });

  it("name the body that does a task", async () => {
    const result = await answerer.answer("cơ quan nào phải rà soát đội ngũ cán bộ dân vận ở cơ sở?");
    expect(result.answer).toContain("Ban Tổ chức Huyện ủy");
  });
});
