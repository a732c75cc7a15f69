/**
 * The state store's tables, as numbered migrations: each runs once per database, in order, recorded in
 * `schema_migrations` (src/state/migrate.ts). Written in the SQL both SQLite and Postgres take. Never edit
 * a migration that has shipped: add the next one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; statements: string[] }> = [
  {
    version: 1,
    name: "answers, feedback, quizzes, checklist runs, curated answers, audit log, user settings",
    statements: [
      `CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL,
    question TEXT NOT NULL, answer TEXT NOT NULL, abstained INTEGER NOT NULL, confidence DOUBLE PRECISION NOT NULL,
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
],
  },
  {
    version: 2,
    name: "updates seen (webhook retries answered once), rate-limit events shared by replicas",
    statements: [
      `CREATE TABLE IF NOT EXISTS seen_updates (channel TEXT NOT NULL, update_id TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (channel, update_id))`,
      `CREATE INDEX IF NOT EXISTS seen_updates_at ON seen_updates (at)`,
      `CREATE TABLE IF NOT EXISTS rate_events (key TEXT NOT NULL, at BIGINT NOT NULL)`,
      `CREATE INDEX IF NOT EXISTS rate_events_key ON rate_events (key, at)`,
    ],
  },
  {
    version: 3,
    name: "quiz steps: which replica moves a group quiz on from each question",
    statements: [
      `CREATE TABLE IF NOT EXISTS quiz_steps (session_id TEXT NOT NULL, step INTEGER NOT NULL, holder TEXT NOT NULL, claimed_at BIGINT NOT NULL, PRIMARY KEY (session_id, step))`,
    ],
  },
  {
    version: 4,
    name: "quiz sessions carry a version: answers recorded on several replicas at once are all kept",
    statements: [`ALTER TABLE quiz_sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0`],
  },
];
