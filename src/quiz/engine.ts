import { z } from "zod";
import { fold } from "../text/normalize.ts";
import type { QuizQuestion } from "./bank.ts";

/**
 * The quiz engine: a pure state machine over a session, with no knowledge of Telegram, Zalo or the
 * web. Channels deliver questions and feed answers in; the engine decides what counts.
 */

export const answerSchema = z.object({
  option: z.number().int(),
  correct: z.boolean(),
  /** Milliseconds from the question being sent to the answer. */
  ms: z.number().int().nonnegative(),
});

export const quizSessionSchema = z.object({
  id: z.string(),
  channel: z.string(),
  chatId: z.string(),
  kind: z.enum(["group", "practice"]),
  /** Who started it: only they (or an admin) may advance or stop a group quiz. */
  ownerId: z.string(),
  topic: z.string(),
  questionIds: z.array(z.string()),
  /** Index of the question on screen; -1 before the first. */
  current: z.number().int(),
  status: z.enum(["running", "finished", "stopped"]),
  startedAt: z.string(),
  /** When the current question was sent (ISO). */
  askedAt: z.string().nullable(),
  /** Seconds a question stays open in a group quiz. */
  openPeriod: z.number().int().positive(),
  participants: z.record(z.string(), z.string()),
  /** answers[questionIndex][userId] */
  answers: z.array(z.record(z.string(), answerSchema)),
  endedAt: z.string().nullable(),
});
export type QuizSession = z.infer<typeof quizSessionSchema>;

export type AnswerOutcome =
  | { kind: "accepted"; correct: boolean }
  | { kind: "late" }
  | { kind: "twice" }
  | { kind: "not_current" }
  | { kind: "closed" };

/** Deterministic shuffle (mulberry32) so a seed reproduces a selection in tests. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Questions matching a topic: tags, bank name, question text or source, compared without diacritics. */
export function questionsForTopic(bank: QuizQuestion[], topic: string): QuizQuestion[] {
  const wanted = fold(topic).trim();
  if (!wanted) return bank;
  const haystack = (q: QuizQuestion) => fold([q.tags.join(" "), q.bank, q.question, q.source.document, q.source.section].join(" ")).replace(/\s+/g, " ");
  // The topic as a phrase first ("mô hình dân vận"); only if nothing has it, every word anywhere.
  const phrase = bank.filter((q) => haystack(q).includes(wanted.replace(/\s+/g, " ")));
  if (phrase.length > 0) return phrase;
  const words = wanted.split(/\s+/);
  return bank.filter((q) => words.every((w) => haystack(q).includes(w)));
}

export function createSession(options: {
  id: string; channel: string; chatId: string; kind: "group" | "practice"; ownerId: string; topic: string;
  bank: QuizQuestion[]; count: number; openPeriod: number; seed: number; now: Date;
}): QuizSession {
  const pool = questionsForTopic(options.bank, options.topic);
  const chosen = shuffled(pool, options.seed).slice(0, Math.max(1, options.count));
  return {
    id: options.id, channel: options.channel, chatId: options.chatId, kind: options.kind, ownerId: options.ownerId,
    topic: options.topic, questionIds: chosen.map((q) => q.id), current: -1, status: "running",
    startedAt: options.now.toISOString(), askedAt: null, openPeriod: options.openPeriod, participants: {},
    answers: chosen.map(() => ({})), endedAt: null,
  };
}

/** Moves to the next question, or finishes when there is none. Returns the new session. */
export function advance(session: QuizSession, now: Date): QuizSession {
  if (session.status !== "running") return session;
  const next = session.current + 1;
  if (next >= session.questionIds.length) return { ...session, status: "finished", endedAt: now.toISOString(), askedAt: null };
  return { ...session, current: next, askedAt: now.toISOString() };
}

export function stop(session: QuizSession, now: Date): QuizSession {
  if (session.status !== "running") return session;
  return { ...session, status: "stopped", endedAt: now.toISOString(), askedAt: null };
}

/** When the open question closes (group quizzes only have a time limit). */
export function closesAt(session: QuizSession): Date | undefined {
  if (session.kind !== "group" || !session.askedAt) return undefined;
  return new Date(Date.parse(session.askedAt) + session.openPeriod * 1000);
}

/**
 * Records an answer. Only the first answer of a user to the open question counts; answers to an
 * earlier question or after the time limit do not.
 */
export function recordAnswer(
  session: QuizSession,
  input: { questionIndex: number; userId: string; name: string; option: number; at: Date; correctOption: number; timeLimitEnforcedElsewhere?: boolean },
): { session: QuizSession; outcome: AnswerOutcome } {
  if (session.status !== "running") return { session, outcome: { kind: "closed" } };
  if (input.questionIndex !== session.current || !session.askedAt) return { session, outcome: { kind: "not_current" } };
  const deadline = closesAt(session);
  if (deadline && !input.timeLimitEnforcedElsewhere && input.at.getTime() > deadline.getTime() + 1000) return { session, outcome: { kind: "late" } };
  const forQuestion = session.answers[input.questionIndex] ?? {};
  if (forQuestion[input.userId]) return { session, outcome: { kind: "twice" } };
  const correct = input.option === input.correctOption;
  const ms = Math.min(Math.max(0, input.at.getTime() - Date.parse(session.askedAt)), session.openPeriod * 1000);
  const answers = session.answers.map((a, i) => (i === input.questionIndex ? { ...a, [input.userId]: { option: input.option, correct, ms } } : a));
  return {
    session: { ...session, answers, participants: { ...session.participants, [input.userId]: input.name } },
    outcome: { kind: "accepted", correct },
  };
}

export type LeaderboardRow = { userId: string; name: string; correct: number; answered: number; totalMs: number };

/** Correct answers first; among equals, the least total answer time. */
export function leaderboard(session: QuizSession): LeaderboardRow[] {
  const rows = Object.entries(session.participants).map(([userId, name]): LeaderboardRow => {
    const mine = session.answers.map((a) => a[userId]).filter((a) => a !== undefined);
    return { userId, name, correct: mine.filter((a) => a.correct).length, answered: mine.length, totalMs: mine.reduce((n, a) => n + a.ms, 0) };
  });
  return rows.sort((a, b) => b.correct - a.correct || a.totalMs - b.totalMs || a.name.localeCompare(b.name));
}

export type QuestionStat = { index: number; questionId: string; answered: number; correct: number };

export function questionStats(session: QuizSession): QuestionStat[] {
  return session.questionIds.map((questionId, index) => {
    const answers = Object.values(session.answers[index] ?? {});
    return { index, questionId, answered: answers.length, correct: answers.filter((a) => a.correct).length };
  });
}

/** Questions actually asked (a stopped quiz may end early). */
export function askedCount(session: QuizSession): number {
  return session.status === "running" ? session.current + 1 : Math.max(0, Math.min(session.questionIds.length, session.current + 1));
}
