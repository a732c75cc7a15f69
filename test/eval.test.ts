import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../src/answer/types.ts";
import { evaluate } from "../src/eval.ts";

/**
 * A reply that cites a passage retrieval did not return (a list the responsibilities table brought in)
 * quotes the right passage when that passage holds the expected text: the evaluation reads it.
 */
const reply = (citedId: string): AnswerResult => ({
  answer: "Ban Dân vận Huyện ủy:\n- tham mưu tổ chức hội nghị sơ kết [1]", abstained: false, confidence: 0.9, mode: "list", grade: "answer", suggestions: [],
  citations: [{ n: 1, chunkId: citedId, docTitle: "Kế hoạch", docNumber: "", section: "II", quote: "tham mưu tổ chức hội nghị sơ kết", label: "Kế hoạch › II", alsoIn: [] }],
  passages: [{ rank: 1, chunkId: "other", docTitle: "Kế hoạch", docNumber: "", section: "I", text: "Mục đích, yêu cầu của kế hoạch.", score: 1 }],
});
const questions = [{ id: "q1", question: "Ban Dân vận Huyện ủy được giao việc gì?", expect: ["Ban Dân vận Huyện ủy tham mưu tổ chức hội nghị sơ kết"] }];
const texts: Record<string, string> = { table: "3- Ban Dân vận Huyện ủy tham mưu tổ chức hội nghị sơ kết; hướng dẫn các xã." };

describe("evaluate", () => {
  it("counts a citation of a passage outside the retrieved ones when that passage holds the expected text", async () => {
    const read = async (id: string) => texts[id];
    expect((await evaluate(async () => reply("table"), questions, 5, read)).outcomes[0]!.citationHit).toBe(true);
    expect((await evaluate(async () => reply("missing"), questions, 5, read)).outcomes[0]!.citationHit).toBe(false);
    // Without a way to read passages, only the retrieved ones count.
    expect((await evaluate(async () => reply("table"), questions, 5)).outcomes[0]!.citationHit).toBe(false);
  });
});
