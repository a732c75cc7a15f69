/** What the channels remember between messages and across restarts. */
import type { QuizSession } from "../quiz/engine.ts";
import type { IssuerLevel } from "../documents/level.ts";
import type { CuratedAnswer } from "../answer/curated.ts";

export type StoredAnswer = {
  id: string;
  channel: string;
  chatId: string;
  userId: string;
  question: string;
  answer: string;
  abstained: boolean;
  confidence: number;
  /** Chunk ids of the citations, in [n] order. */
  chunkIds: string[];
  /** Topics offered when the documents did not cover the question. */
  suggestions: string[];
  createdAt: string;
};

export type Usage = {
  questions: number;
  questionsToday: number;
  abstained: number;
  users: number;
  feedbackUp: number;
  feedbackDown: number;
};

export type ChecklistRunRow = {
  runId: string;
  channel: string;
  chatId: string;
  userId: string;
  checklistId: string;
  status: "active" | "done" | "cancelled";
  updatedAt: string;
  remindedAt: string | null;
};

export type DayUsage = { day: string; questions: number; refused: number; up: number; down: number };

/** One admin action: who ("web:<address>", "telegram:<id>", "api"), what, on what, when. */
export type AuditEntry = { at: string; actor: string; action: string; target: string; detail: string };

export type FeedbackRow = { answerId: string; question: string; answer: string; vote: 1 | -1; userId: string; createdAt: string };

/**
 * The state port. One store per deployment: LibSQL (SQLite file under DATA_DIR) by default; a
 * Postgres implementation of the same interface is what several bot replicas would share.
 */
export interface StateStore {
  saveAnswer(answer: StoredAnswer): Promise<void>;
  getAnswer(id: string): Promise<StoredAnswer | undefined>;
  /** The most recent answer in a chat, for `/nguon <n>`. */
  lastAnswer(channel: string, chatId: string): Promise<StoredAnswer | undefined>;
  /** Records a vote; a second vote by the same user on the same answer replaces the first. */
  saveFeedback(answerId: string, userId: string, vote: 1 | -1): Promise<void>;
  /** Answers voted down, newest first, for trainers to review. */
  weakAnswers(limit: number): Promise<FeedbackRow[]>;
  usage(now?: Date): Promise<Usage>;

  saveQuiz(session: QuizSession): Promise<void>;
  getQuiz(id: string): Promise<QuizSession | undefined>;
  /**
   * Changes a session as one step even when several replicas change it at once (answers to one poll
   * arriving at two replicas): `change` reads the session and returns the new one (or none to leave it)
   * with a result; when another write came in between, it runs again on the fresh session.
   */
  updateQuiz<T>(id: string, change: (session: QuizSession) => { session?: QuizSession; result: T }): Promise<T | undefined>;
  /** The running quiz of a chat (at most one). */
  runningQuiz(channel: string, chatId: string): Promise<QuizSession | undefined>;
  /** All running quizzes, to resume them after a restart. */
  runningQuizzes(channel: string): Promise<QuizSession[]>;
  /** Ended quizzes of a chat, newest first. */
  endedQuizzes(channel: string, chatId: string, limit: number): Promise<QuizSession[]>;
  /** Poll answers carry no chat: each poll id maps to its session and question. */
  mapPoll(pollId: string, sessionId: string, questionIndex: number): Promise<void>;
  pollTarget(pollId: string): Promise<{ sessionId: string; questionIndex: number } | undefined>;
  /** Checklist runs: the run itself lives in Mastra storage; this is who it belongs to and when it was last touched. */
  saveChecklistRun(run: ChecklistRunRow): Promise<void>;
  activeChecklistRun(channel: string, chatId: string): Promise<ChecklistRunRow | undefined>;
  /** The most recently touched run of a chat, whatever its status. */
  lastChecklistRun(channel: string, chatId: string): Promise<ChecklistRunRow | undefined>;
  /** Active runs untouched since `before` and not yet reminded. */
  idleChecklistRuns(before: string): Promise<ChecklistRunRow[]>;
  /** Marks a run reminded, if it is not yet: true for the one caller that did (with several replicas, one reminder is sent). */
  claimReminder(runId: string, at: string): Promise<boolean>;
  /** Curated answers (src/answer/curated.ts): saved whole, replaced by id. */
  saveCurated(entry: CuratedAnswer): Promise<void>;
  curatedAnswers(): Promise<CuratedAnswer[]>;
  removeCurated(id: string): Promise<boolean>;
  /** Counts one more question answered with it. */
  curatedHit(id: string): Promise<void>;
  /** Questions per day (Vietnam's dates) over the last `days` days, oldest first, with those told "not covered" and the votes. */
  usageByDay(days: number, now?: Date): Promise<DayUsage[]>;
  /** Ended group quizzes of every chat, newest first. */
  endedGroupQuizzes(limit: number): Promise<QuizSession[]>;
  /** Questions told "not covered", newest first: what the documents miss. */
  refusedQuestions(limit: number): Promise<Array<{ question: string; channel: string; createdAt: string }>>;
  /** Admin actions (uploads, removals, logins), who, what, when: kept for review. */
  audit(entry: AuditEntry): Promise<void>;
  /** The latest admin actions, newest first. */
  auditLog(limit: number): Promise<AuditEntry[]>;
  /**
   * Records an update (a Telegram update id) the first time it is seen: true then, false for a repeat —
   * a webhook delivery retried, or delivered to another replica — which is not handled again.
   */
  claimUpdate(channel: string, updateId: string): Promise<boolean>;
  /** Forgets a claimed update whose handling failed, so Telegram's retry is handled. */
  releaseUpdate(channel: string, updateId: string): Promise<void>;
  /**
   * One event for `key` if fewer than `limit` happened in the last `windowMs`; returns the seconds to wait
   * (0: recorded, go ahead). Shared by every replica using the store.
   */
  rateHit(key: string, limit: number, windowMs: number, now?: number): Promise<number>;
  /**
   * Claims the move of a group quiz on from question `step` for `holder` (a process): true for the one
   * claimant — with several replicas, each question is closed and the next sent exactly once. A claim
   * older than `takeoverMs` whose holder did not finish may be taken over (its holder died).
   */
  claimQuizStep(sessionId: string, step: number, holder: string, takeoverMs: number, now?: number): Promise<boolean>;
  /** The issuing level a user limits answers to (`/capdo`), remembered across restarts; undefined for all levels. */
  userLevel(channel: string, userId: string): Promise<IssuerLevel | undefined>;
  setUserLevel(channel: string, userId: string, level: IssuerLevel | undefined): Promise<void>;
  close(): void;
}
