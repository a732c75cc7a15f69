import path from "node:path";
import { loadConfig } from "../../src/config.ts";
import { loadQuizBank } from "../../src/quiz/bank.ts";
import type { QuizQuestion } from "../../src/quiz/bank.ts";
import { createKnowledgeHolder } from "../../bot/knowledge-holder.ts";
import type { KnowledgeHolder } from "../../bot/knowledge-holder.ts";
import { copyTestKnowledgeIndex, tempDir, testKnowledgeDir, writeFiles } from "../helpers/index.ts";

/** A small quiz bank written for the tests: a poll-sized question, a question too long for a poll, and a third. */
export const TEST_BANK = `title: Bộ câu hỏi thử
questions:
  - id: buoc-hai
    question: "Bước thứ hai khi xây dựng mô hình dân vận là gì?"
    options:
      - "Chọn nội dung của mô hình"
      - "Tổ chức sinh hoạt chi bộ và họp cơ quan"
      - "Đánh giá kết quả"
    answer: 2
    explanation: "Bước thứ hai: tổ chức sinh hoạt chi bộ và họp cơ quan."
    source:
      document: "Công tác dân vận ở Đảng bộ Khối các cơ quan Trung ương (tài liệu hướng dẫn)"
      section: "III. Công tác dân vận ở Đảng bộ Khối các cơ quan Trung ương › 6. Xây dựng mô hình dân vận và lựa chọn mô hình dân vận khéo ở cơ quan Trung ương"
      quote: "Bước thứ hai: tổ chức sinh hoạt chi bộ và họp cơ quan"
    tags: [mô hình dân vận]
    difficulty: dễ
  - id: dan-van-kheo
    question: "${"Theo lời Chủ tịch Hồ Chí Minh được trích trong tài liệu hướng dẫn, vai trò của công tác dân vận rất quan trọng. ".repeat(3)}Câu nào đúng nguyên văn?"
    options:
      - "Dân vận khéo thì việc gì cũng thành công"
      - "Dân vận khéo thì việc gì cũng nhanh"
    answer: A
    explanation: "Dân vận kém thì việc gì cũng kém, dân vận khéo thì việc gì cũng thành công."
    source:
      document: "Công tác dân vận ở Đảng bộ Khối các cơ quan Trung ương (tài liệu hướng dẫn)"
      section: "I. Một số vấn đề chung về công tác dân vận › 3. Vai trò của công tác dân vận"
      quote: "dân vận khéo thì việc gì cũng thành công"
    tags: [Hồ Chí Minh]
  - id: thanh-tra
    question: "Ai chỉ đạo hoạt động của Ban Thanh tra nhân dân cơ quan?"
    options: ["Thủ trưởng cơ quan", "Ban Chấp hành Công đoàn cơ quan", "Cấp ủy"]
    answer: 2
    explanation: "Ban Chấp hành Công đoàn cơ quan chỉ đạo hoạt động của Ban Thanh tra nhân dân."
    source:
      document: "Công tác dân vận ở Đảng bộ Khối các cơ quan Trung ương (tài liệu hướng dẫn)"
      section: "IV. Nội dung thực hiện dân chủ ở cơ sở trong các cơ quan Trung ương › 3. Ban Chấp hành Công đoàn cơ quan"
      quote: "Chỉ đạo hoạt động của Ban Thanh tra nhân dân cơ quan"
    tags: [QCDC]
`;

/**
 * A data folder with the test knowledge index and TEST_BANK, its quiz bank loaded and a knowledge
 * holder open on it: what the Telegram quiz tests start from.
 */
export async function quizTestBed(): Promise<{ dir: string; bank: QuizQuestion[]; holder: KnowledgeHolder; cleanup: () => Promise<void> }> {
  const temp = await tempDir();
  await copyTestKnowledgeIndex(path.join(temp.dir, "index"));
  await writeFiles(temp.dir, { "quizzes/test.yaml": TEST_BANK });
  const bank = await loadQuizBank(path.join(temp.dir, "quizzes"));
  const holder = await createKnowledgeHolder(loadConfig({ DATA_DIR: temp.dir, KNOWLEDGE_DIR: await testKnowledgeDir() }));
  return { dir: temp.dir, bank, holder, cleanup: temp.cleanup };
}
