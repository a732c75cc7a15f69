/**
 * A small corpus written for the answer tests, so they depend on no bundled document: a guidance text
 * with the duties of three neighbouring actors (each list mentions the others), five steps, and
 * sentences that carry a number, a period, a date and a person; plus an unrelated second document.
 * The names, numbers and dates are made up.
 */
export const GUIDANCE = [
  "HƯỚNG DẪN",
  "Thực hiện quy chế dân chủ tại cơ quan Sở Văn hóa tỉnh Đông Hòa",
  "",
  "I. TRÁCH NHIỆM THỰC HIỆN",
  "",
  "1. Cấp ủy cơ quan",
  "",
  "- Lãnh đạo việc xây dựng kế hoạch thực hiện quy chế dân chủ hằng năm của cơ quan.",
  "",
  "- Kiểm tra, giám sát việc thực hiện quy chế dân chủ của các phòng, đơn vị trực thuộc.",
  "",
  "- Chỉ đạo Thủ trưởng cơ quan phối hợp với Ban Chấp hành Công đoàn chuẩn bị hội nghị cán bộ, công chức.",
  "",
  "2. Thủ trưởng cơ quan",
  "",
  "- Ban hành quy chế làm việc, quy chế chi tiêu nội bộ và công khai cho cán bộ, công chức biết.",
  "",
  "- Tổ chức đối thoại với cán bộ, công chức ít nhất mỗi năm một lần.",
  "",
  "- Tạo điều kiện để Ban Thanh tra nhân dân của cơ quan hoạt động theo pháp luật.",
  "",
  "- Phối hợp với Ban Chấp hành Công đoàn cơ quan tổ chức hội nghị cán bộ, công chức.",
  "",
  "3. Ban Chấp hành Công đoàn cơ quan",
  "",
  "- Vận động đoàn viên tham gia góp ý dự thảo quy chế của cơ quan.",
  "",
  "- Chỉ đạo hoạt động của Ban Thanh tra nhân dân và tổng hợp kiến nghị của đoàn viên.",
  "",
  "- Phối hợp với Thủ trưởng cơ quan kiểm tra việc thực hiện nghị quyết hội nghị cán bộ, công chức.",
  "",
  "II. XÂY DỰNG MÔ HÌNH DÂN VẬN KHÉO",
  "",
  "Việc xây dựng mô hình dân vận khéo ở chi bộ được tiến hành theo các bước sau:",
  "",
  "Bước thứ nhất: chi ủy chọn nội dung mô hình gắn với việc khó của đơn vị.",
  "",
  "Bước thứ hai: đưa nội dung ra sinh hoạt chi bộ để đảng viên bàn bạc, thống nhất.",
  "",
  "Bước thứ ba: ban hành kế hoạch, phân công người phụ trách và mốc thời gian.",
  "",
  "Bước thứ tư: hết thời hạn thì đánh giá kết quả thực hiện mô hình.",
  "",
  "Bước thứ năm: đề nghị cấp ủy cấp trên công nhận mô hình và nhân rộng.",
  "",
  "III. TỔ CHỨC THỰC HIỆN",
  "",
  "Ban Thanh tra nhân dân của cơ quan gồm 5 thành viên do hội nghị cán bộ, công chức bầu ra.",
  "",
  "Hội nghị cán bộ, công chức được tổ chức định kỳ mỗi năm một lần vào tháng Giêng.",
  "",
  "Hướng dẫn này có hiệu lực từ ngày 15 tháng 3 năm 2025.",
  "",
  "Hướng dẫn do đồng chí Trần Văn Bình, Bí thư Đảng ủy Sở, ký ban hành.",
  "",
  "IV. VÌ SAO PHẢI CÔNG KHAI?",
  "",
  "Khi mọi người được biết việc chung, họ tin tưởng và cùng góp sức; đơn vị tránh được nghi ngờ kéo dài.",
].join("\n");

export const OTHER = [
  "THÔNG BÁO",
  "Về lịch trực lễ Tết của cơ quan",
  "",
  "Cơ quan bố trí lịch trực bảo vệ trong các ngày nghỉ lễ, Tết theo phân công của Văn phòng.",
  "",
  "Người trực phải ghi sổ giao ca đầy đủ và báo cáo ngay khi có sự việc bất thường.",
].join("\n");

/**
 * A made-up primer in the style of the bundled texts: what dân vận is, who does it best, "dân vận khéo",
 * how the unions work. With GUIDANCE and OTHER it is the channel tests' knowledge folder
 * (`testKnowledgeDir()`), so adding or rewording a bundled document changes none of their answers.
 */
export const PRIMER = [
  "TÀI LIỆU BỒI DƯỠNG",
  "Công tác vận động quần chúng ở cơ quan Sở Văn hóa tỉnh Đông Hòa",
  "",
  "I - DÂN VẬN LÀ GÌ ?",
  "",
  "Dân vận là vận động tất cả lực lượng của mỗi người trong cơ quan, không để sót một ai, cùng làm những việc chung đã được giao.",
  "",
  "II - AI LÀM DÂN VẬN HIỆU QUẢ NHẤT ?",
  "",
  "Người làm công tác dân vận hiệu quả nhất là người đứng đầu cấp ủy hoặc thủ trưởng cơ quan, vì họ nêu gương và quyết định công việc chung.",
  "",
  "III - DÂN VẬN KHÉO",
  "",
  "Cán bộ phải nhớ: dân vận khéo thì việc gì cũng thành công, dân vận vụng thì việc gì cũng khó.",
  "",
  "IV - PHƯƠNG THỨC VẬN ĐỘNG CỦA CÁC ĐOÀN THỂ",
  "",
  "Các đoàn thể trong cơ quan vận động đoàn viên, hội viên bằng sinh hoạt định kỳ, phong trào thi đua và biểu dương kịp thời người tốt việc tốt.",
].join("\n");

/** Items of each actor's list in the guidance, as the reply must carry them. */
export const DUTIES = {
  party: ["Lãnh đạo việc xây dựng kế hoạch thực hiện quy chế dân chủ", "Kiểm tra, giám sát việc thực hiện quy chế dân chủ", "Chỉ đạo Thủ trưởng cơ quan phối hợp"],
  head: ["Ban hành quy chế làm việc", "Tổ chức đối thoại với cán bộ", "Tạo điều kiện để Ban Thanh tra nhân dân", "Phối hợp với Ban Chấp hành Công đoàn cơ quan tổ chức"],
  union: ["Vận động đoàn viên tham gia góp ý", "Chỉ đạo hoạt động của Ban Thanh tra nhân dân", "Phối hợp với Thủ trưởng cơ quan kiểm tra"],
};
