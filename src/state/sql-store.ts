import { z } from "zod";
import { vietnamDate } from "../text/dates.ts";
import type { ChecklistRunRow, DayUsage, FeedbackRow, StateStore, StoredAnswer, Usage } from "./store.ts";
import type { QuizSession } from "../quiz/engine.ts";
import { quizSessionSchema } from "../quiz/engine.ts";
import { ISSUER_LEVELS } from "../documents/level.ts";
import { curatedAnswerSchema } from "../answer/curated.ts";


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

const runRow = z.object({
  run_id: z.string(), channel: z.string(), chat_id: z.string(), user_id: z.string(), checklist_id: z.string(),
  status: z.enum(["active", "done", "cancelled"]), updated_at: z.string(), reminded_at: z.string().nullable().optional(),
});

function toRun(row: unknown): ChecklistRunRow {
  const r = runRow.parse(row);
  return { runId: r.run_id, channel: r.channel, chatId: r.chat_id, userId: r.user_id, checklistId: r.checklist_id, status: r.status, updatedAt: r.updated_at, remindedAt: r.reminded_at ?? null };
}

function toQuiz(data: unknown): QuizSession {
  return quizSessionSchema.parse(JSON.parse(String(data)));
}

/**
 * The state store over SQL, written once for both engines: the embedded default (SQLite through LibSQL,
 * src/state/libsql.ts) and Postgres for several replicas (src/state/postgres.ts). Statements use `?`
 * placeholders and `INSERT … ON CONFLICT … DO UPDATE`, which both engines take; every row read back is
 * validated here, the same way for both.
 */

/** What the store needs of an engine: reads, writes (rows changed), and closing. */
export type SqlDb = {
  query(sql: string, args: unknown[]): Promise<Array<Record<string, unknown>>>;
  run(sql: string, args: unknown[]): Promise<number>;
  /** Statements run as one transaction: all or none. */
  transaction(statements: Array<{ sql: string; args: unknown[] }>): Promise<void>;
  /** Work run in a transaction that no other holder of `key` runs beside (any process on the database). */
  serialized<T>(key: string, work: (db: Pick<SqlDb, "query" | "run">) => Promise<T>): Promise<T>;
  close(): void | Promise<void>;
};

/** Tries of a quiz change that others keep overtaking before it gives up; between tries a short random wait, longer each time, spreads the writers. */
const UPDATE_ATTEMPTS = 25;
const UPDATE_BACKOFF_MS = 4;

/** Updates remembered this long (Telegram retries a webhook delivery for about a day at most). */
const SEEN_UPDATES_MS = 2 * 86_400_000;
/** Old seen updates are pruned once per this many claims. */
const PRUNE_EVERY = 500;

export function sqlStore(db: SqlDb): StateStore {
  let claims = 0;
  let hits = 0;
  return {
    async saveAnswer(a) {
      await db.run(`INSERT INTO answers (id, channel, chat_id, user_id, question, answer, abstained, confidence, chunk_ids, suggestions, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET answer = excluded.answer, abstained = excluded.abstained, confidence = excluded.confidence, chunk_ids = excluded.chunk_ids, suggestions = excluded.suggestions`, [a.id, a.channel, a.chatId, a.userId, a.question, a.answer, a.abstained ? 1 : 0, a.confidence, JSON.stringify(a.chunkIds), JSON.stringify(a.suggestions), a.createdAt]);
    },
    async getAnswer(id) {
      const rows = await db.query("SELECT * FROM answers WHERE id = ?", [id]);
      return rows[0] ? toAnswer(rows[0]) : undefined;
    },
    async lastAnswer(channel, chatId) {
      const rows = await db.query("SELECT * FROM answers WHERE channel = ? AND chat_id = ? AND chunk_ids <> '[]' ORDER BY created_at DESC, id DESC LIMIT 1", [channel, chatId]);
      return rows[0] ? toAnswer(rows[0]) : undefined;
    },
    async saveFeedback(answerId, userId, vote) {
      await db.run("INSERT INTO feedback (answer_id, user_id, vote, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at", [answerId, userId, vote, new Date().toISOString()]);
    },
    async weakAnswers(limit) {
      const rows = await db.query(`SELECT f.answer_id, a.question, a.answer, f.vote, f.user_id, f.created_at FROM feedback f JOIN answers a ON a.id = f.answer_id
              WHERE f.vote < 0 ORDER BY f.created_at DESC LIMIT ?`, [limit]);
      return rows.map((row): FeedbackRow => ({
        answerId: String(row.answer_id), question: String(row.question), answer: String(row.answer),
        vote: Number(row.vote) < 0 ? -1 : 1, userId: String(row.user_id), createdAt: String(row.created_at),
      }));
    },
    async usage(now = new Date()): Promise<Usage> {
      const today = now.toISOString().slice(0, 10);
      const rows = await db.query(`SELECT
          (SELECT COUNT(*) FROM answers) AS questions,
          (SELECT COUNT(*) FROM answers WHERE substr(created_at, 1, 10) = ?) AS today,
          (SELECT COUNT(*) FROM answers WHERE abstained = 1) AS abstained,
          (SELECT COUNT(DISTINCT channel || ':' || user_id) FROM answers) AS users,
          (SELECT COUNT(*) FROM feedback WHERE vote > 0) AS up,
          (SELECT COUNT(*) FROM feedback WHERE vote < 0) AS down`, [today]);
      const r = rows[0]!;
      return {
        questions: Number(r.questions), questionsToday: Number(r.today), abstained: Number(r.abstained),
        users: Number(r.users), feedbackUp: Number(r.up), feedbackDown: Number(r.down),
      };
    },
    async saveQuiz(session) {
      await db.run(`INSERT INTO quiz_sessions (id, channel, chat_id, kind, status, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at, version = quiz_sessions.version + 1`, [session.id, session.channel, session.chatId, session.kind, session.status, JSON.stringify(session), new Date().toISOString()]);
    },
    async getQuiz(id) {
      const rows = await db.query("SELECT data FROM quiz_sessions WHERE id = ?", [id]);
      return rows[0] ? toQuiz(rows[0].data) : undefined;
    },
    async updateQuiz(id, change) {
      for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
        const [row] = await db.query("SELECT data, version FROM quiz_sessions WHERE id = ?", [id]);
        if (!row) return undefined;
        const { session, result } = change(toQuiz(row.data));
        if (!session) return result;
        const written = await db.run("UPDATE quiz_sessions SET status = ?, data = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
          [session.status, JSON.stringify(session), new Date().toISOString(), id, Number(row.version)]);
        if (written > 0) return result;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * UPDATE_BACKOFF_MS * (attempt + 1)));
      }
      throw new Error(`quiz ${id}: changed by others ${UPDATE_ATTEMPTS} times in a row`);
    },
    async runningQuiz(channel, chatId) {
      const rows = await db.query("SELECT data FROM quiz_sessions WHERE channel = ? AND chat_id = ? AND status = 'running' ORDER BY updated_at DESC LIMIT 1", [channel, chatId]);
      return rows[0] ? toQuiz(rows[0].data) : undefined;
    },
    async runningQuizzes(channel) {
      const rows = await db.query("SELECT data FROM quiz_sessions WHERE channel = ? AND status = 'running'", [channel]);
      return rows.map((row) => toQuiz(row.data));
    },
    async endedQuizzes(channel, chatId, limit) {
      const rows = await db.query("SELECT data FROM quiz_sessions WHERE channel = ? AND chat_id = ? AND status != 'running' ORDER BY updated_at DESC LIMIT ?", [channel, chatId, limit]);
      return rows.map((row) => toQuiz(row.data));
    },
    async mapPoll(pollId, sessionId, questionIndex) {
      await db.run("INSERT INTO quiz_polls (poll_id, session_id, question_index) VALUES (?, ?, ?) ON CONFLICT (poll_id) DO UPDATE SET session_id = excluded.session_id, question_index = excluded.question_index", [pollId, sessionId, questionIndex]);
    },
    async pollTarget(pollId) {
      const rows = await db.query("SELECT session_id, question_index FROM quiz_polls WHERE poll_id = ?", [pollId]);
      return rows[0] ? { sessionId: String(rows[0].session_id), questionIndex: Number(rows[0].question_index) } : undefined;
    },
    async saveChecklistRun(run) {
      await db.run("INSERT INTO checklist_runs (run_id, channel, chat_id, user_id, checklist_id, status, updated_at, reminded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, reminded_at = excluded.reminded_at", [run.runId, run.channel, run.chatId, run.userId, run.checklistId, run.status, run.updatedAt, run.remindedAt]);
    },
    async activeChecklistRun(channel, chatId) {
      const rows = await db.query("SELECT * FROM checklist_runs WHERE channel = ? AND chat_id = ? AND status = 'active' ORDER BY updated_at DESC LIMIT 1", [channel, chatId]);
      return rows[0] ? toRun(rows[0]) : undefined;
    },
    async lastChecklistRun(channel, chatId) {
      const rows = await db.query("SELECT * FROM checklist_runs WHERE channel = ? AND chat_id = ? ORDER BY updated_at DESC LIMIT 1", [channel, chatId]);
      return rows[0] ? toRun(rows[0]) : undefined;
    },
    async idleChecklistRuns(before) {
      const rows = await db.query("SELECT * FROM checklist_runs WHERE status = 'active' AND reminded_at IS NULL AND updated_at < ?", [before]);
      return rows.map(toRun);
    },
    async claimReminder(runId, at) {
      return (await db.run("UPDATE checklist_runs SET reminded_at = ? WHERE run_id = ? AND reminded_at IS NULL", [at, runId])) > 0;
    },
    async saveCurated(entry) {
      const { hits, ...data } = curatedAnswerSchema.parse(entry);
      await db.run("INSERT INTO curated_answers (id, data, hits, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, hits = excluded.hits, updated_at = excluded.updated_at", [entry.id, JSON.stringify(data), hits, entry.updatedAt]);
    },
    async curatedAnswers() {
      const rows = await db.query("SELECT data, hits FROM curated_answers ORDER BY updated_at DESC", []);
      return rows.map((row) => curatedAnswerSchema.parse({ ...JSON.parse(String(row.data)), hits: Number(row.hits) }));
    },
    async removeCurated(id) {
      return (await db.run("DELETE FROM curated_answers WHERE id = ?", [id])) > 0;
    },
    async curatedHit(id) {
      await db.run("UPDATE curated_answers SET hits = hits + 1 WHERE id = ?", [id]);
    },
    async usageByDay(days, now = new Date()) {
      // Days as in Vietnam: answers are stored with UTC timestamps.
      const day = (iso: string) => vietnamDate(new Date(iso));
      const since = new Date(now.getTime() - days * 86_400_000).toISOString();
      const answers = { rows: await db.query("SELECT created_at, abstained, chunk_ids FROM answers WHERE created_at >= ?", [since]) };
      const votes = { rows: await db.query("SELECT created_at, vote FROM feedback WHERE created_at >= ?", [since]) };
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
      const rows = await db.query("SELECT data FROM quiz_sessions WHERE kind = 'group' AND status <> 'running' ORDER BY updated_at DESC LIMIT ?", [limit]);
      return rows.map((row) => toQuiz(row.data));
    },
    async refusedQuestions(limit) {
      const rows = await db.query("SELECT question, channel, created_at FROM answers WHERE abstained = 1 AND chunk_ids = '[]' ORDER BY created_at DESC LIMIT ?", [limit]);
      return rows.map((row) => ({ question: String(row.question), channel: String(row.channel), createdAt: String(row.created_at) }));
    },
    async audit(entry) {
      await db.run("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)", [entry.at, entry.actor, entry.action, entry.target, entry.detail]);
    },
    async auditLog(limit) {
      const rows = await db.query("SELECT at, actor, action, target, detail FROM audit_log ORDER BY at DESC LIMIT ?", [limit]);
      return rows.map((row) => auditRow.parse(row));
    },
    async claimUpdate(channel, updateId) {
      if (++claims % PRUNE_EVERY === 0) await db.run("DELETE FROM seen_updates WHERE at < ?", [new Date(Date.now() - SEEN_UPDATES_MS).toISOString()]);
      return (await db.run("INSERT INTO seen_updates (channel, update_id, at) VALUES (?, ?, ?) ON CONFLICT (channel, update_id) DO NOTHING", [channel, updateId, new Date().toISOString()])) > 0;
    },
    async releaseUpdate(channel, updateId) {
      await db.run("DELETE FROM seen_updates WHERE channel = ? AND update_id = ?", [channel, updateId]);
    },
    async rateHit(key, limit, windowMs, now = Date.now()) {
      // Old events of every key go now and then; this key's at every hit.
      if (++hits % PRUNE_EVERY === 0) await db.run("DELETE FROM rate_events WHERE at <= ?", [now - windowMs]);
      await db.run("DELETE FROM rate_events WHERE key = ? AND at <= ?", [key, now - windowMs]);
      // Counted and recorded as one step per key, whichever replica hits: never more than `limit` go ahead.
      return db.serialized(`rate:${key}`, async (tx) => {
        const [row] = await tx.query("SELECT COUNT(*) AS n, MIN(at) AS first FROM rate_events WHERE key = ? AND at > ?", [key, now - windowMs]);
        if (Number(row?.n ?? 0) >= limit) return Math.max(1, Math.ceil((Number(row!.first) + windowMs - now) / 1000));
        await tx.run("INSERT INTO rate_events (key, at) VALUES (?, ?)", [key, now]);
        return 0;
      });
    },
    async claimQuizStep(sessionId, step, holder, takeoverMs, now = Date.now()) {
      return (await db.run(
        `INSERT INTO quiz_steps (session_id, step, holder, claimed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, step) DO UPDATE SET holder = excluded.holder, claimed_at = excluded.claimed_at WHERE quiz_steps.claimed_at < ?`,
        [sessionId, step, holder, now, now - takeoverMs],
      )) > 0;
    },
    async userLevel(channel, userId) {
      const rows = await db.query("SELECT level FROM user_settings WHERE channel = ? AND user_id = ?", [channel, userId]);
      const level = z.enum(ISSUER_LEVELS).safeParse(rows[0]?.level);
      return level.success ? level.data : undefined;
    },
    async setUserLevel(channel, userId, level) {
      if (!level) await db.run("DELETE FROM user_settings WHERE channel = ? AND user_id = ?", [channel, userId]);
      else await db.run("INSERT INTO user_settings (channel, user_id, level, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel, user_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at", [channel, userId, level, new Date().toISOString()]);
    },
    close() {
      db.close();
    },
  };
}
