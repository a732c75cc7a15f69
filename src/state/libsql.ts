import { mkdir } from "node:fs/promises";
import path from "node:path";
import { createClient } from "@libsql/client";
import type { Client } from "@libsql/client";
import { z } from "zod";
import type { ChecklistRunRow, DayUsage, FeedbackRow, StateStore, StoredAnswer, Usage } from "./store.ts";
import type { QuizSession } from "../quiz/engine.ts";
import { quizSessionSchema } from "../quiz/engine.ts";
import { ISSUER_LEVELS } from "../documents/level.ts";
import { curatedAnswerSchema } from "../answer/curated.ts";

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL,
    question TEXT NOT NULL, answer TEXT NOT NULL, abstained INTEGER NOT NULL, confidence REAL NOT NULL,
    chunk_ids TEXT NOT NULL, suggestions TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS answers_chat ON answers (channel, chat_id, created_at)`,
  `CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT NOT NULL, user_id TEXT NOT NULL, vote INTEGER NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user_id))`,
  `CREATE TABLE IF NOT EXISTS quiz_sessions (
    id TEXT PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
    data TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS quiz_sessions_chat ON quiz_sessions (channel, chat_id, status, updated_at)`,
  `CREATE TABLE IF NOT EXISTS checklist_runs (
    run_id TEXT PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL, checklist_id TEXT NOT NULL,
    status TEXT NOT NULL, updated_at TEXT NOT NULL, reminded_at TEXT)`,
  `CREATE TABLE IF NOT EXISTS quiz_polls (poll_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, question_index INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS curated_answers (id TEXT PRIMARY KEY, data TEXT NOT NULL, hits INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS audit_log (
    at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS user_settings (
    channel TEXT NOT NULL, user_id TEXT NOT NULL, level TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (channel, user_id))`,
];

const auditRow = z.object({ at: z.string(), actor: z.string(), action: z.string(), target: z.string(), detail: z.string() });

const answerRow = z.object({
  id: z.string(), channel: z.string(), chat_id: z.string(), user_id: z.string(), question: z.string(), answer: z.string(),
  abstained: z.coerce.number(), confidence: z.coerce.number(), chunk_ids: z.string(), suggestions: z.string(), created_at: z.string(),
});

function toAnswer(row: unknown): StoredAnswer {
  const r = answerRow.parse(row);
  return {
    id: r.id, channel: r.channel, chatId: r.chat_id, userId: r.user_id, question: r.question, answer: r.answer,
    abstained: r.abstained === 1, confidence: r.confidence,
    chunkIds: z.array(z.string()).parse(JSON.parse(r.chunk_ids)), suggestions: z.array(z.string()).parse(JSON.parse(r.suggestions)),
    createdAt: r.created_at,
  };
}

function toRun(row: Record<string, unknown>): ChecklistRunRow {
  return {
    runId: String(row.run_id), channel: String(row.channel), chatId: String(row.chat_id), userId: String(row.user_id),
    checklistId: String(row.checklist_id), status: String(row.status) as ChecklistRunRow["status"], updatedAt: String(row.updated_at),
    remindedAt: row.reminded_at === null || row.reminded_at === undefined ? null : String(row.reminded_at),
  };
}

function toQuiz(data: unknown): QuizSession {
  return quizSessionSchema.parse(JSON.parse(String(data)));
}

/** The default state store: a SQLite file through LibSQL (the engine Mastra's storage uses too). */
export async function openLibsqlStore(url: string): Promise<StateStore> {
  if (url.startsWith("file:")) await mkdir(path.dirname(url.slice("file:".length)), { recursive: true });
  const client: Client = createClient({ url });
  // WAL lets readers run during a write; a store that cannot switch (a remote LibSQL server) works without it.
  await client.execute("PRAGMA journal_mode = WAL").catch(() => "not available");
  for (const statement of SCHEMA) await client.execute(statement);

  return {
    async saveAnswer(a) {
      await client.execute({
        sql: `INSERT OR REPLACE INTO answers (id, channel, chat_id, user_id, question, answer, abstained, confidence, chunk_ids, suggestions, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [a.id, a.channel, a.chatId, a.userId, a.question, a.answer, a.abstained ? 1 : 0, a.confidence, JSON.stringify(a.chunkIds), JSON.stringify(a.suggestions), a.createdAt],
      });
    },
    async getAnswer(id) {
      const { rows } = await client.execute({ sql: "SELECT * FROM answers WHERE id = ?", args: [id] });
      return rows[0] ? toAnswer(rows[0]) : undefined;
    },
    async lastAnswer(channel, chatId) {
      const { rows } = await client.execute({
        sql: "SELECT * FROM answers WHERE channel = ? AND chat_id = ? AND chunk_ids <> '[]' ORDER BY created_at DESC, rowid DESC LIMIT 1",
        args: [channel, chatId],
      });
      return rows[0] ? toAnswer(rows[0]) : undefined;
    },
    async saveFeedback(answerId, userId, vote) {
      await client.execute({
        sql: "INSERT OR REPLACE INTO feedback (answer_id, user_id, vote, created_at) VALUES (?, ?, ?, ?)",
        args: [answerId, userId, vote, new Date().toISOString()],
      });
    },
    async weakAnswers(limit) {
      const { rows } = await client.execute({
        sql: `SELECT f.answer_id, a.question, a.answer, f.vote, f.user_id, f.created_at FROM feedback f JOIN answers a ON a.id = f.answer_id
              WHERE f.vote < 0 ORDER BY f.created_at DESC LIMIT ?`,
        args: [limit],
      });
      return rows.map((row): FeedbackRow => ({
        answerId: String(row.answer_id), question: String(row.question), answer: String(row.answer),
        vote: Number(row.vote) < 0 ? -1 : 1, userId: String(row.user_id), createdAt: String(row.created_at),
      }));
    },
    async usage(now = new Date()): Promise<Usage> {
      const today = now.toISOString().slice(0, 10);
      const { rows } = await client.execute({
        sql: `SELECT
          (SELECT COUNT(*) FROM answers) AS questions,
          (SELECT COUNT(*) FROM answers WHERE substr(created_at, 1, 10) = ?) AS today,
          (SELECT COUNT(*) FROM answers WHERE abstained = 1) AS abstained,
          (SELECT COUNT(DISTINCT channel || ':' || user_id) FROM answers) AS users,
          (SELECT COUNT(*) FROM feedback WHERE vote > 0) AS up,
          (SELECT COUNT(*) FROM feedback WHERE vote < 0) AS down`,
        args: [today],
      });
      const r = rows[0]!;
      return {
        questions: Number(r.questions), questionsToday: Number(r.today), abstained: Number(r.abstained),
        users: Number(r.users), feedbackUp: Number(r.up), feedbackDown: Number(r.down),
      };
    },
    async saveQuiz(session) {
      await client.execute({
        sql: `INSERT OR REPLACE INTO quiz_sessions (id, channel, chat_id, kind, status, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        args: [session.id, session.channel, session.chatId, session.kind, session.status, JSON.stringify(session), new Date().toISOString()],
      });
    },
    async getQuiz(id) {
      const { rows } = await client.execute({ sql: "SELECT data FROM quiz_sessions WHERE id = ?", args: [id] });
      return rows[0] ? toQuiz(rows[0].data) : undefined;
    },
    async runningQuiz(channel, chatId) {
      const { rows } = await client.execute({
        sql: "SELECT data FROM quiz_sessions WHERE channel = ? AND chat_id = ? AND status = 'running' ORDER BY updated_at DESC LIMIT 1",
        args: [channel, chatId],
      });
      return rows[0] ? toQuiz(rows[0].data) : undefined;
    },
    async runningQuizzes(channel) {
      const { rows } = await client.execute({ sql: "SELECT data FROM quiz_sessions WHERE channel = ? AND status = 'running'", args: [channel] });
      return rows.map((row) => toQuiz(row.data));
    },
    async endedQuizzes(channel, chatId, limit) {
      const { rows } = await client.execute({
        sql: "SELECT data FROM quiz_sessions WHERE channel = ? AND chat_id = ? AND status != 'running' ORDER BY updated_at DESC LIMIT ?",
        args: [channel, chatId, limit],
      });
      return rows.map((row) => toQuiz(row.data));
    },
    async mapPoll(pollId, sessionId, questionIndex) {
      await client.execute({ sql: "INSERT OR REPLACE INTO quiz_polls (poll_id, session_id, question_index) VALUES (?, ?, ?)", args: [pollId, sessionId, questionIndex] });
    },
    async pollTarget(pollId) {
      const { rows } = await client.execute({ sql: "SELECT session_id, question_index FROM quiz_polls WHERE poll_id = ?", args: [pollId] });
      return rows[0] ? { sessionId: String(rows[0].session_id), questionIndex: Number(rows[0].question_index) } : undefined;
    },
    async saveChecklistRun(run) {
      await client.execute({
        sql: "INSERT OR REPLACE INTO checklist_runs (run_id, channel, chat_id, user_id, checklist_id, status, updated_at, reminded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        args: [run.runId, run.channel, run.chatId, run.userId, run.checklistId, run.status, run.updatedAt, run.remindedAt],
      });
    },
    async activeChecklistRun(channel, chatId) {
      const { rows } = await client.execute({
        sql: "SELECT * FROM checklist_runs WHERE channel = ? AND chat_id = ? AND status = 'active' ORDER BY updated_at DESC LIMIT 1",
        args: [channel, chatId],
      });
      return rows[0] ? toRun(rows[0]) : undefined;
    },
    async lastChecklistRun(channel, chatId) {
      const { rows } = await client.execute({
        sql: "SELECT * FROM checklist_runs WHERE channel = ? AND chat_id = ? ORDER BY updated_at DESC LIMIT 1",
        args: [channel, chatId],
      });
      return rows[0] ? toRun(rows[0]) : undefined;
    },
    async idleChecklistRuns(before) {
      const { rows } = await client.execute({ sql: "SELECT * FROM checklist_runs WHERE status = 'active' AND reminded_at IS NULL AND updated_at < ?", args: [before] });
      return rows.map(toRun);
    },
    async saveCurated(entry) {
      const { hits, ...data } = curatedAnswerSchema.parse(entry);
      await client.execute({ sql: "INSERT OR REPLACE INTO curated_answers (id, data, hits, updated_at) VALUES (?, ?, ?, ?)", args: [entry.id, JSON.stringify(data), hits, entry.updatedAt] });
    },
    async curatedAnswers() {
      const { rows } = await client.execute("SELECT data, hits FROM curated_answers ORDER BY updated_at DESC");
      return rows.map((row) => curatedAnswerSchema.parse({ ...JSON.parse(String(row.data)), hits: Number(row.hits) }));
    },
    async removeCurated(id) {
      const result = await client.execute({ sql: "DELETE FROM curated_answers WHERE id = ?", args: [id] });
      return result.rowsAffected > 0;
    },
    async curatedHit(id) {
      await client.execute({ sql: "UPDATE curated_answers SET hits = hits + 1 WHERE id = ?", args: [id] });
    },
    async usageByDay(days, now = new Date()) {
      // Days as in Vietnam (UTC+7, no daylight saving): answers are stored with UTC timestamps.
      const day = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      const since = new Date(now.getTime() - days * 86_400_000).toISOString();
      const answers = await client.execute({ sql: "SELECT created_at, abstained, chunk_ids FROM answers WHERE created_at >= ?", args: [since] });
      const votes = await client.execute({ sql: "SELECT created_at, vote FROM feedback WHERE created_at >= ?", args: [since] });
      const out = new Map<string, DayUsage>();
      for (let i = days - 1; i >= 0; i--) {
        const d = day(new Date(now.getTime() - i * 86_400_000).toISOString());
        out.set(d, { day: d, questions: 0, refused: 0, up: 0, down: 0 });
      }
      for (const row of answers.rows) {
        const entry = out.get(day(String(row.created_at)));
        if (!entry) continue;
        entry.questions += 1;
        if (Number(row.abstained) === 1 && String(row.chunk_ids) === "[]") entry.refused += 1;
      }
      for (const row of votes.rows) {
        const entry = out.get(day(String(row.created_at)));
        if (entry) Number(row.vote) > 0 ? (entry.up += 1) : (entry.down += 1);
      }
      return [...out.values()];
    },
    async endedGroupQuizzes(limit) {
      const { rows } = await client.execute({ sql: "SELECT data FROM quiz_sessions WHERE kind = 'group' AND status <> 'running' ORDER BY updated_at DESC LIMIT ?", args: [limit] });
      return rows.map((row) => toQuiz(row.data));
    },
    async refusedQuestions(limit) {
      const { rows } = await client.execute({ sql: "SELECT question, channel, created_at FROM answers WHERE abstained = 1 AND chunk_ids = '[]' ORDER BY created_at DESC LIMIT ?", args: [limit] });
      return rows.map((row) => ({ question: String(row.question), channel: String(row.channel), createdAt: String(row.created_at) }));
    },
    async audit(entry) {
      await client.execute({ sql: "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)", args: [entry.at, entry.actor, entry.action, entry.target, entry.detail] });
    },
    async auditLog(limit) {
      const { rows } = await client.execute({ sql: "SELECT at, actor, action, target, detail FROM audit_log ORDER BY at DESC, rowid DESC LIMIT ?", args: [limit] });
      return rows.map((row) => auditRow.parse(row));
    },
    async userLevel(channel, userId) {
      const { rows } = await client.execute({ sql: "SELECT level FROM user_settings WHERE channel = ? AND user_id = ?", args: [channel, userId] });
      const level = z.enum(ISSUER_LEVELS).safeParse(rows[0]?.level);
      return level.success ? level.data : undefined;
    },
    async setUserLevel(channel, userId, level) {
      if (!level) await client.execute({ sql: "DELETE FROM user_settings WHERE channel = ? AND user_id = ?", args: [channel, userId] });
      else await client.execute({ sql: "INSERT OR REPLACE INTO user_settings (channel, user_id, level, updated_at) VALUES (?, ?, ?, ?)", args: [channel, userId, level, new Date().toISOString()] });
    },
    close() {
      client.close();
    },
  };
}
