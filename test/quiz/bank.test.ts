import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.ts";
import { loadQuizBank, readQuizFile } from "../../src/quiz/bank.ts";
import { advance, createSession, leaderboard, recordAnswer } from "../../src/quiz/engine.ts";
import { mostMissed } from "../../src/quiz/results.ts";
import { tempDir, writeFiles } from "../helpers/index.ts";
import { TEST_BANK } from "./fixtures.ts";

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

describe("quiz bank files", () => {
  it("reads a valid bank, with the answer as a number or a letter", async () => {
    await writeFiles(dir, { "ok/bank.yaml": TEST_BANK });
    const bank = await loadQuizBank(path.join(dir, "ok"));
    expect(bank.map((q) => [q.id, q.correct])).toEqual([["buoc-hai", 1], ["dan-van-kheo", 0], ["thanh-tra", 1]]);
    expect(bank[0]!.bank).toBe("bank");
  });

  it("names the file, the question and the field of every error", async () => {
    const broken = TEST_BANK.replace("answer: 2\n    explanation: \"Bước thứ hai", "answer: 7\n    explanation: \"Bước thứ hai").replace('options: ["Thủ trưởng cơ quan", "Ban Chấp hành Công đoàn cơ quan", "Cấp ủy"]', 'options: ["Thủ trưởng cơ quan"]');
    await writeFiles(dir, { "bad/loi.yaml": broken });
    const error = await readQuizFile(path.join(dir, "bad/loi.yaml")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const message = (error as AppError).message;
    expect(message).toMatch(/^loi\.yaml: /);
    expect(message).toMatch(/câu 1 \(buoc-hai\), trường answer: đáp án phải là số từ 1 đến 3/);
    expect(message).toMatch(/câu 3 \(thanh-tra\), trường options: cần ít nhất 2 phương án/);
  });

  it("refuses a file that is not YAML, and duplicate ids across files", async () => {
    await writeFiles(dir, { "x/a.yaml": "questions: [\n  - id: a" });
    await expect(readQuizFile(path.join(dir, "x/a.yaml"))).rejects.toThrow(/a\.yaml: không đọc được YAML/);
    await writeFiles(dir, { "dup/a.yaml": TEST_BANK, "dup/b.yaml": TEST_BANK });
    await expect(loadQuizBank(path.join(dir, "dup"))).rejects.toThrow(/bị trùng giữa a và b/);
  });
});

describe("quiz engine", () => {
  it("counts the first answer only, refuses late ones and ranks by correct answers then time", async () => {
    await writeFiles(dir, { "e/bank.yaml": TEST_BANK });
    const bank = await loadQuizBank(path.join(dir, "e"));
    const t0 = new Date("2026-11-24T08:00:00Z");
    let session = advance(createSession({ id: "s", channel: "t", chatId: "1", kind: "group", ownerId: "9", topic: "", bank, count: 3, openPeriod: 30, seed: 1, now: t0 }), t0);
    const q = bank.find((b) => b.id === session.questionIds[0])!;
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const answer = (userId: string, option: number, seconds: number) => {
      const result = recordAnswer(session, { questionIndex: 0, userId, name: userId, option, at: at(seconds), correctOption: q.correct });
      session = result.session;
      return result.outcome.kind === "accepted" ? (result.outcome.correct ? "right" : "wrong") : result.outcome.kind;
    };
    expect(answer("an", q.correct, 5)).toBe("right");
    expect(answer("binh", (q.correct + 1) % q.options.length, 3)).toBe("wrong");
    expect(answer("chi", q.correct, 2)).toBe("right");
    expect(answer("an", (q.correct + 1) % q.options.length, 6)).toBe("twice");
    expect(answer("dung", q.correct, 45)).toBe("late");
    expect(leaderboard(session).map((r) => r.userId)).toEqual(["chi", "an", "binh"]);
  });

  it("ranks a unit's most missed questions over its quizzes, lowest share right first", async () => {
    await writeFiles(dir, { "m/bank.yaml": TEST_BANK });
    const bank = await loadQuizBank(path.join(dir, "m"));
    const t0 = new Date("2026-11-24T08:00:00Z");
    const quiz = (id: string, answers: Array<[index: number, user: string, right: boolean]>) => {
      let session = createSession({ id, channel: "t", chatId: "1", kind: "group", ownerId: "9", topic: "", bank, count: 3, openPeriod: 30, seed: 1, now: t0 });
      for (let index = 0; index < 3; index++) {
        session = advance(session, t0);
        const q = bank.find((b) => b.id === session.questionIds[index])!;
        for (const [i, user, right] of answers) {
          if (i !== index) continue;
          session = recordAnswer(session, { questionIndex: index, userId: user, name: user, option: right ? q.correct : (q.correct + 1) % q.options.length, at: t0, correctOption: q.correct }).session;
        }
      }
      return session;
    };
    const first = quiz("a", [[0, "an", true], [0, "binh", true], [1, "an", false], [1, "binh", true]]);
    const second = quiz("b", [[1, "chi", false], [0, "chi", true]]);
    const missed = mostMissed([first, second], 10);
    // Nobody answered the third question: it is not listed.
    expect(missed.map((m) => m.id)).toEqual([first.questionIds[1], first.questionIds[0]]);
    expect(missed[0]).toMatchObject({ answered: 3, correct: 1 });
    expect(missed[1]).toMatchObject({ answered: 3, correct: 3, rate: 1 });
    expect(mostMissed([first, second], 1)).toHaveLength(1);
  });
});
