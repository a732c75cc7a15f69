import { describe, expect, it } from "vitest";
import { answererForFile } from "../helpers/suite.ts";

/**
 * "NQ 07 đưa ra mấy nhóm nhiệm vụ, giải pháp? kể tên": the groups of a text the question names are its
 * numbered parts under "II- NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", though the question does not say "chủ yếu".
 * Made-up text.
 */
const GROUPS = [
  "Tăng cường sự lãnh đạo của các cấp ủy đối với công tác vận động quần chúng",
  "Nâng cao hiệu quả công tác vận động của chính quyền các cấp",
  "Phát huy vai trò của Mặt trận và các đoàn thể trong vận động quần chúng",
  "Đẩy mạnh phong trào thi đua vận động khéo ở cơ sở",
  "Củng cố tổ chức và cán bộ làm công tác vận động",
];

const TEXT = [
  "TỈNH ỦY ĐÔNG HÒA",
  "Số 07-NQ/TU",
  "",
  "NGHỊ QUYẾT",
  "về tăng cường công tác vận động quần chúng trong giai đoạn mới",
  "",
  "I- MỤC TIÊU, QUAN ĐIỂM",
  "",
  "1- Mục tiêu",
  "",
  "Tạo chuyển biến rõ nét về nhận thức của cán bộ, đảng viên đối với công tác vận động quần chúng; củng cố niềm tin của nhân dân.",
  "",
  "2- Quan điểm",
  "",
  "Công tác vận động quần chúng là nhiệm vụ của cả hệ thống chính trị, trước hết là của cấp ủy.",
  "",
  "II- NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
  "",
  ...GROUPS.flatMap((group, i) => [
    `${i + 1}- ${group}`,
    "",
    `Các cơ quan, đơn vị xây dựng kế hoạch cụ thể, phân công cán bộ theo dõi, định kỳ sơ kết việc thực hiện nội dung thứ ${i + 1} của nghị quyết.`,
    "",
  ]),
  "III- TỔ CHỨC THỰC HIỆN",
  "",
  "1- Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện nghị quyết trong quý đầu năm.",
  "",
  "2- Ban Vận động Tỉnh ủy theo dõi, đôn đốc và định kỳ báo cáo Ban Thường vụ Tỉnh ủy.",
].join("\n");

const OTHER = [
  "HƯỚNG DẪN VỀ SINH HOẠT CHI BỘ",
  "",
  "Chi bộ sinh hoạt thường kỳ mỗi tháng một lần; nội dung sinh hoạt gắn với nhiệm vụ chính trị của cơ quan, đơn vị.",
  "",
  "Bí thư chi bộ chuẩn bị nội dung, cấp ủy cấp trên dự sinh hoạt ít nhất mỗi năm một lần.",
].join("\n");

const answerer = answererForFile({ "nghi-quyet-07.txt": TEXT, "sinh-hoat-chi-bo.txt": OTHER });

describe("the groups of tasks of a text the question names", () => {
  it("are its numbered parts, all of them, though the question does not repeat their heading word for word", async () => {
    const result = await answerer.answer("NQ 07 của Tỉnh ủy về vận động quần chúng đưa ra mấy nhóm nhiệm vụ, giải pháp? kể tên từng nhóm");
    expect(result.grade).not.toBe("none");
    expect(GROUPS.filter((group) => result.answer.includes(group))).toEqual(GROUPS);
  });
});
