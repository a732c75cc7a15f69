import path from "node:path";
import { createOpenAI } from "@ai-sdk/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalEmbedder } from "../../src/embed/local.ts";
import type { Passage } from "../../src/index/schema.ts";
import { openIndex } from "../../src/index/store.ts";
import type { KnowledgeIndex } from "../../src/index/store.ts";
import { loadQuizBank } from "../../src/quiz/bank.ts";
import { checkSources, findSourcePassage } from "../../src/quiz/check.ts";
import { generateFromStructure, generateWithModel } from "../../src/quiz/generate.ts";
import { normalizeForMatch } from "../../src/text/normalize.ts";
import { KNOWLEDGE, copyKnowledgeIndex, runIngest, tempDir } from "../helpers/index.ts";
import { startFakeOpenAI } from "../helpers/fake-openai.ts";

let index: KnowledgeIndex;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  await copyKnowledgeIndex(path.join(temp.dir, "index"));
  index = await openIndex(path.join(temp.dir, "index"), new LocalEmbedder().info);
});
afterAll(async () => {
  index.close();
  await cleanup();
});

describe("question bank and generated questions", () => {
  it("ships a starter bank of at least 30 questions whose sources are all in the index", async () => {
    const bank = await loadQuizBank(path.join(KNOWLEDGE, "quizzes"));
    expect(bank.length).toBeGreaterThanOrEqual(30);
    expect(await checkSources(bank, index, () => index.allPassages())).toEqual([]);
  });

  it("reports a question whose source is not in the index", async () => {
    const [first] = await loadQuizBank(path.join(KNOWLEDGE, "quizzes"));
    const wrong = { ...first!, id: "sai-nguon", source: { ...first!.source, quote: "một câu không hề có trong tài liệu nào" } };
    const problems = await checkSources([wrong], index, () => index.allPassages());
    expect(problems[0]).toMatchObject({ id: "sai-nguon" });
    expect(problems[0]!.problem).toMatch(/không thấy trích dẫn/);
  });

  it("never makes a question of the list of those a decision is sent to ('Nơi nhận:')", () => {
    const passage = (id: string, clean: string) => ({ id, clean, text: clean, search: "", section: "Quyết định về Tổ công tác dân vận", docTitle: "Quyết định về Tổ công tác dân vận" }) as unknown as Passage;
    const passages = [
      passage("duties", "Tổ công tác có nhiệm vụ sau:\n\n- Nắm tình hình nhân dân trên địa bàn;\n\n- Tham mưu tổ chức đối thoại với nhân dân;\n\n- Báo cáo kết quả hoạt động hằng quý."),
      passage("ways", "Tổ công tác làm việc theo phương thức sau:\n\n- Đối thoại trực tiếp với nhân dân tại thôn;\n\n- Phối hợp với Mặt trận Tổ quốc xã;\n\n- Lắng nghe ý kiến qua hộp thư góp ý."),
      passage("foot", "Điều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này.\n\nNơi nhận:\n\n- Như Điều 3;\n\n- Thường trực Tỉnh ủy;\n\n- Chủ tịch UBND tỉnh;\n\n- Lưu: VT, NC."),
    ];
    const drafts = Array.from({ length: 20 }, (_, seed) => generateFromStructure(passages, { count: 10, seed })).flat();
    expect(drafts.length).toBeGreaterThan(0);
    const options = drafts.flatMap((draft) => draft.options).join(" | ");
    expect(options).not.toMatch(/Như Điều 3|Lưu: VT|Thường trực Tỉnh ủy/);
  });

  it("generates well-formed questions whose correct option is in the cited passage, without a model", async () => {
    const passages = await index.allPassages();
    const drafts = generateFromStructure(passages, { count: 15, seed: 7 });
    expect(drafts.length).toBeGreaterThanOrEqual(10);
    for (const draft of drafts) {
      const source = findSourcePassage(passages, draft.source);
      expect(source, draft.id).toBeDefined();
      const correct = draft.options[draft.answer - 1]!.replace(/…$/, "");
      expect(normalizeForMatch(source!.clean)).toContain(normalizeForMatch(correct));
      expect(new Set(draft.options.map(normalizeForMatch)).size).toBe(draft.options.length);
      for (const option of draft.options) expect(option.length).toBeLessThanOrEqual(100);
      expect(draft.question.length).toBeLessThanOrEqual(300);
    }
    const steps = generateFromStructure(passages, { count: 40, topic: "mô hình dân vận", seed: 2 });
    expect(steps.some((d) => /bước thứ/.test(d.question))).toBe(true);
  });

  it("keeps a model's draft only when its correct option is backed by the passage (fake OpenAI-compatible server)", async () => {
    let call = 0;
    const server = await startFakeOpenAI({
      reply: (request) => {
        call += 1;
        const prompt = request.messages.map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
        const passage = prompt.match(/<doan[^>]*>\n([\s\S]*?)\n<\/doan>/)?.[1] ?? "";
        const firstSentence = passage.split(/\n|(?<=\.)\s/)[0]!;
        const right = firstSentence.length > 90 ? firstSentence.slice(0, firstSentence.lastIndexOf(" ", 90)) : firstSentence;
        // Odd calls: an honest draft from the passage; even calls: an answer the passage does not hold.
        return JSON.stringify(call % 2 === 1
          ? { question: "Theo đoạn tài liệu, ý nào đúng?", options: ["Một phương án sai hẳn", right, "Phương án nhiễu khác", "Phương án thứ tư"], correct: 2, explanation: "Theo đoạn nguồn." }
          : { question: "Câu hỏi bịa đặt?", options: ["Giá vàng tăng mạnh trong tuần", "Xổ số miền Bắc", "Thời tiết Hà Nội", "Tỷ giá đô la"], correct: 1, explanation: "Sai nguồn." });
      },
    });
    const passages = (await index.allPassages()).filter((p) => p.clean.length > 200).slice(0, 6);
    const model = createOpenAI({ apiKey: "sk-test", baseURL: server.baseURL }).chat("fake-model");
    const { kept, rejected } = await generateWithModel(model, passages, { count: 2, seed: 1 });
    await server.close();
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(kept).toHaveLength(2);
    expect(rejected.some((r) => /không có trong đoạn nguồn/.test(r.reason))).toBe(true);
    for (const draft of kept) {
      const passage = passages.find((p) => p.docTitle === draft.source.document && p.section === draft.source.section)!;
      expect(normalizeForMatch(passage.clean)).toContain(normalizeForMatch(draft.options[draft.answer - 1]!));
    }
  });
});
