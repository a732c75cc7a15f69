import { randomBytes } from "node:crypto";
import type { QuizQuestion } from "../../src/quiz/bank.ts";
import { LETTERS } from "../../src/quiz/bank.ts";
import type { QuizSession } from "../../src/quiz/engine.ts";
import { advance, createSession, leaderboard, questionsForTopic, recordAnswer, stop } from "../../src/quiz/engine.ts";
import type { StateStore } from "../../src/state/store.ts";
import { coreText as t } from "../messages.ts";
import type { Incoming, Reply } from "./replies.ts";
import { textReply } from "./replies.ts";

/** Practice alone: one question at a time, answered by letter or number, with the source after each. */


/** Parses "1", "2" or "A", "B" (any case) into a 0-based option index. */
export function optionIndex(text: string, count: number): number | undefined {
  const trimmed = text.trim().replace(/[.)]$/, "");
  const index = /^\d{1,2}$/.test(trimmed) ? Number(trimmed) - 1 : /^[a-jA-J]$/.test(trimmed) ? LETTERS.indexOf(trimmed.toUpperCase()) : -1;
  return index >= 0 && index < count ? index : undefined;
}

export type PracticeDeps = { store: StateStore; bank: () => QuizQuestion[]; practiceCount: number; random?: () => number };

export function createPractice(deps: PracticeDeps) {
  const { store } = deps;
  const byId = () => new Map(deps.bank().map((q) => [q.id, q]));

  function questionReply(session: QuizSession): Reply {
    const q = byId().get(session.questionIds[session.current]!)!;
    const options = q.options.map((o, i) => `${LETTERS[i]}. ${o}`);
    return textReply(t.practiceQuestion(session.current + 1, session.questionIds.length, q.question, options), options.map((label, i) => ({ label, intent: { kind: "text", text: LETTERS[i]! } })));
  }

  async function start(message: Incoming, topic: string): Promise<Reply[]> {
    const old = await store.runningQuiz(message.channel, message.chatId);
    if (old) await store.saveQuiz(stop(old, new Date()));
    if (questionsForTopic(deps.bank(), topic).length === 0) return [textReply(topic ? t.noQuestionsOn(topic) : t.bankEmpty)];
    let session = createSession({
      id: randomBytes(6).toString("base64url"), channel: message.channel, chatId: message.chatId, kind: "practice", ownerId: message.userId,
      topic, bank: deps.bank(), count: deps.practiceCount, openPeriod: 30, seed: Math.floor((deps.random ?? Math.random)() * 2 ** 31), now: new Date(),
    });
    session = advance(session, new Date());
    await store.saveQuiz(session);
    return [textReply(t.practiceStarted(session.questionIds.length, topic)), questionReply(session)];
  }

  /** The reply to an option typed or pressed; undefined when the text is not an option of the question. */
  async function answer(message: Incoming, session: QuizSession, text: string): Promise<Reply[] | undefined> {
    const q = byId().get(session.questionIds[session.current]!);
    if (!q) return undefined;
    const option = optionIndex(text, q.options.length);
    if (option === undefined) return undefined;
    const result = recordAnswer(session, { questionIndex: session.current, userId: message.userId, name: message.userName, option, at: new Date(), correctOption: q.correct });
    if (result.outcome.kind !== "accepted") return [textReply(t.alreadyAnswered)];
    const score = leaderboard(result.session)[0]?.correct ?? 0;
    const feedback = [
      result.outcome.correct ? t.right : t.wrong(LETTERS[q.correct]!, q.options[q.correct]!),
      q.explanation,
      ...(q.source.quote ? [`«${q.source.quote}»`] : []),
      t.sourceLine([q.source.document, q.source.section].filter(Boolean).join(" › ")),
      t.scoreLine(score, session.current + 1),
    ].join("\n");
    const moved = advance(result.session, new Date());
    await store.saveQuiz(moved);
    if (moved.status === "running") return [textReply(feedback), questionReply(moved)];
    return [textReply(feedback), textReply(t.practiceDone(score, moved.questionIds.length))];
  }

  async function halt(session: QuizSession): Promise<Reply[]> {
    await store.saveQuiz(stop(session, new Date()));
    return [textReply(t.practiceStopped)];
  }

  return { start, answer, halt };
}

export type Practice = ReturnType<typeof createPractice>;
