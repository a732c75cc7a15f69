import { stringify } from "csv-stringify/sync";
import type { QuizQuestion } from "./bank.ts";
import { LETTERS } from "./bank.ts";
import type { QuizSession } from "./engine.ts";
import { askedCount, leaderboard, questionStats } from "./engine.ts";


/**
 * Results as CSV for trainers: one row per participant and question asked, then a summary row per
 * participant. UTF-8 with BOM so Excel shows Vietnamese correctly.
 */
export function resultsCsv(session: QuizSession, questions: Map<string, QuizQuestion>): Buffer {
  const rows: Array<Array<string | number>> = [["Người tham gia", "Mã người dùng", "Câu", "Mã câu hỏi", "Câu hỏi", "Đã chọn", "Đáp án đúng", "Đúng", "Thời gian (giây)"]];
  const asked = askedCount(session);
  for (const row of leaderboard(session)) {
    for (let i = 0; i < asked; i++) {
      const question = questions.get(session.questionIds[i]!);
      const answer = session.answers[i]?.[row.userId];
      rows.push([
        row.name, row.userId, i + 1, session.questionIds[i]!, question?.question ?? "",
        answer ? LETTERS[answer.option] ?? String(answer.option + 1) : "", question ? LETTERS[question.correct]! : "",
        answer ? (answer.correct ? "có" : "không") : "không trả lời", answer ? (answer.ms / 1000).toFixed(1) : "",
      ]);
    }
  }
  rows.push([]);
  rows.push(["Xếp hạng", "Người tham gia", "Số câu đúng", "Số câu đã trả lời", "Tổng thời gian (giây)"]);
  leaderboard(session).forEach((row, i) => rows.push([i + 1, row.name, row.correct, row.answered, (row.totalMs / 1000).toFixed(1)]));
  rows.push([]);
  rows.push(["Câu", "Mã câu hỏi", "Số người trả lời", "Số người đúng"]);
  for (const stat of questionStats(session).slice(0, asked)) rows.push([stat.index + 1, stat.questionId, stat.answered, stat.correct]);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify(rows), "utf8")]);
}

/**
 * A unit's most missed questions over its ended quizzes: answers and right answers per question, the
 * lowest share right first (then the most answered); questions nobody answered are left out.
 */
export function mostMissed(sessions: QuizSession[], limit: number): Array<{ id: string; answered: number; correct: number; rate: number }> {
  const totals = new Map<string, { answered: number; correct: number }>();
  for (const session of sessions) {
    for (const stat of questionStats(session)) {
      if (stat.answered === 0) continue;
      const total = totals.get(stat.questionId) ?? { answered: 0, correct: 0 };
      total.answered += stat.answered;
      total.correct += stat.correct;
      totals.set(stat.questionId, total);
    }
  }
  return [...totals.entries()]
    .map(([id, t]) => ({ id, ...t, rate: t.correct / t.answered }))
    .sort((a, b) => a.rate - b.rate || b.answered - a.answered)
    .slice(0, limit);
}
