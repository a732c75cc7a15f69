import { randomBytes } from "node:crypto";
import type { AnswerResult } from "../../src/answer/types.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { ChecklistRunner } from "../../src/checklist/workflow.ts";
import type { Passage } from "../../src/index/schema.ts";
import type { RegisteredDocument } from "../../src/documents/registry.ts";
import type { Logger } from "../../src/log.ts";
import type { IssuerLevel } from "../../src/documents/level.ts";
import { silentLogger } from "../../src/log.ts";
import type { QuizQuestion } from "../../src/quiz/bank.ts";
import type { StateStore } from "../../src/state/store.ts";
import { coreText as t } from "../messages.ts";
import { createChecklistFlow } from "./checklist-flow.ts";
import type { Intent } from "./intent.ts";
import { parseText } from "./intent.ts";
import { createPractice, optionIndex } from "./practice.ts";
import { createRateLimiter } from "./rate-limit.ts";
import type { Incoming, Reply } from "./replies.ts";
import { textReply } from "./replies.ts";

/**
 * The conversation core, platform-free, and its one router: a message comes in as typed text (parsed
 * into an intent here, once) or as the intent of a pressed button, and replies come out as data that
 * each channel renders. Telegram, Zalo, the web chat and the terminal all go through `handle`, so the
 * same words do the same thing everywhere; the per-user question limit and the question checks live
 * here for the same reason.
 */

export type CoreDeps = {
  /** `level`: only texts of that issuing level (the user's `/capdo`). */
  answer: (question: string, filter?: { level?: IssuerLevel }) => Promise<AnswerResult>;
  passage: (id: string) => Promise<Passage | undefined>;
  documents: () => Promise<readonly RegisteredDocument[]>;
  store: StateStore;
  bank: () => QuizQuestion[];
  checklists: () => Checklist[];
  runner?: ChecklistRunner;
  practiceCount: number;
  maxQuestionChars: number;
  /** Questions a user may ask per minute on any channel (QUESTIONS_PER_MINUTE). */
  questionsPerMinute?: number;
  /** The limit kept where every replica sees it (the state store, with DATABASE_URL): seconds to wait for a key, 0 to go ahead. Left out: counted in this process. */
  rateLimit?: (key: string) => Promise<number>;
  logger?: Logger;
};

/** An answer limited to one level says so, with how to lift the limit. */
function withLevelNote(result: AnswerResult, level: IssuerLevel): AnswerResult {
  return { ...result, answer: `${result.answer}\n\n${t.levelNote(level)}` };
}

export function createConversation(deps: CoreDeps) {
  const { store } = deps;
  const logger = deps.logger ?? silentLogger;
  const practice = createPractice({ store, bank: deps.bank, practiceCount: deps.practiceCount });
  const checklist = deps.runner ? createChecklistFlow({ store, runner: deps.runner, checklists: deps.checklists, logger }) : undefined;
  const limited = createRateLimiter({ perMinute: deps.questionsPerMinute ?? 20 });

  /** A question for the documents: checked, counted against the user's limit, answered and kept for its source buttons. */
  async function ask(message: Incoming, question: string): Promise<Reply[]> {
    if (!question.trim()) return [textReply(t.emptyHoi)];
    if (question.length > deps.maxQuestionChars) return [textReply(t.tooLong(deps.maxQuestionChars))];
    const key = `${message.channel}:${message.userId}`;
    const wait = deps.rateLimit ? await deps.rateLimit(key) : limited(key);
    if (wait > 0) return [textReply(t.rateLimited(wait))];
    const level = await store.userLevel(message.channel, message.userId);
    const result = level ? withLevelNote(await deps.answer(question, { level }), level) : await deps.answer(question);
    const answerId = randomBytes(6).toString("base64url");
    await store.saveAnswer({
      id: answerId, channel: message.channel, chatId: message.chatId, userId: message.userId, question,
      answer: result.answer, abstained: result.abstained, confidence: result.confidence, chunkIds: result.citations.map((c) => c.chunkId),
      suggestions: result.suggestions, createdAt: new Date().toISOString(),
    });
    logger.info("answer", { channel: message.channel, grade: result.grade, confidence: result.confidence, citations: result.citations.length, mode: result.mode });
    return [{ kind: "answer", result, answerId }];
  }

  async function source(message: Incoming, n: number): Promise<Reply[]> {
    const last = await store.lastAnswer(message.channel, message.chatId);
    if (!last) return [textReply(t.noAnswerYet)];
    const id = last.chunkIds[n - 1];
    if (!id) return [textReply(t.noSuchSource(last.chunkIds.length, n))];
    const passage = await deps.passage(id);
    return passage ? [{ kind: "passage", n, passage }] : [textReply(t.sourceGone)];
  }

  async function runningPractice(message: Incoming) {
    const session = await store.runningQuiz(message.channel, message.chatId);
    return session?.kind === "practice" ? session : undefined;
  }

  /** Intents that act on the open checklist run. */
  async function onChecklist(message: Incoming, intent: Extract<Intent, { kind: `checklist-${string}` }>): Promise<Reply[]> {
    if (!checklist) return [textReply(t.checklistsOff)];
    if (intent.kind === "checklist-start") return checklist.start(message, intent.checklistId, intent.restart);
    if (intent.kind === "checklist-export") return (await checklist.exportOf(message, intent.exportId)) ?? [textReply(t.noneActive)];
    const active = await store.activeChecklistRun(message.channel, message.chatId);
    if (!active) return [textReply(t.noneActive)];
    switch (intent.kind) {
      case "checklist-input": return checklist.input(message, active.runId, intent.input);
      case "checklist-edit-menu": return checklist.editMenu(message, active.runId);
      case "checklist-progress": return checklist.progress(active.runId);
      case "checklist-resume": return checklist.resume(message, active.runId);
    }
  }

  /**
   * Plain text: while a checklist is open, an answer to its current question ("? …" asks the documents
   * and comes back); during practice, an option letter; otherwise a question. When both a checklist and
   * a practice round are open, an option letter goes to whichever was used last.
   */
  async function onText(message: Incoming, text: string): Promise<Reply[]> {
    if (!text) return [textReply(t.emptyMessage)];
    const active = checklist ? await store.activeChecklistRun(message.channel, message.chatId) : undefined;
    // Only an option letter or number can answer a practice question: other text needs no lookup.
    const option = optionIndex(text, 10) !== undefined;
    const session = option ? await runningPractice(message) : undefined;
    // Same millisecond (only in tests): the practice round, opened by the later command, goes first.
    const practiceFirst = session !== undefined && (!active || (session.askedAt ?? "") >= active.updatedAt);
    if (checklist && active && !practiceFirst) {
      if (/^[?？]/.test(text)) return [...(await ask(message, text.replace(/^[?？]\s*/, ""))), ...(await checklist.current(active.runId))];
      return checklist.text(message, active.runId, text);
    }
    if (session) {
      const answered = await practice.answer(message, session, text);
      if (answered) return answered;
    }
    return ask(message, text);
  }

  /** The one router: every channel's messages and buttons come through here. */
  async function handle(message: Incoming): Promise<Reply[]> {
    const intent = message.intent ?? parseText(message.text);
    switch (intent.kind) {
      case "help": return [textReply(t.help)];
      case "documents": return [{ kind: "documents", documents: await deps.documents() }];
      case "ask": return ask(message, intent.question);
      case "source": return source(message, intent.n);
      case "practice-start": return practice.start(message, intent.topic);
      case "practice-stop": {
        const session = await runningPractice(message);
        return session ? practice.halt(session) : [textReply(t.noPractice)];
      }
      case "level": {
        if (intent.level === undefined) return [textReply(t.levelNow(await store.userLevel(message.channel, message.userId)))];
        const level = intent.level === "all" ? undefined : intent.level;
        await store.setUserLevel(message.channel, message.userId, level);
        return [textReply(t.levelSet(level))];
      }
      case "unknown-command": return [textReply(t.unknownCommand(intent.name, t.help))];
      case "text": return onText(message, intent.text);
      default: return onChecklist(message, intent);
    }
  }

  return { handle, ask };
}

export type Conversation = ReturnType<typeof createConversation>;
