import { randomBytes } from "node:crypto";
import { InlineKeyboard, InputFile } from "grammy";
import type { Bot, Context } from "grammy";
import type { Logger } from "../../src/log.ts";
import type { QuizQuestion } from "../../src/quiz/bank.ts";
import { LETTERS } from "../../src/quiz/bank.ts";
import type { QuizSession } from "../../src/quiz/engine.ts";
import { advance, closesAt, createSession, leaderboard, questionStats, questionsForTopic, recordAnswer, stop } from "../../src/quiz/engine.ts";
import { mostMissed, resultsCsv } from "../../src/quiz/results.ts";
import type { StateStore } from "../../src/state/store.ts";
import type { Conversation } from "../core/conversation.ts";
import type { Intent } from "../core/intent.ts";
import type { Reply } from "../core/replies.ts";
import { incomingOf } from "./present.ts";
import { quizText } from "../quiz-messages.ts";
import { escapeHtml } from "./render.ts";

export type QuizDeps = {
  /** State shared by several replicas (DATABASE_URL): a replica's restart does not pause its quizzes. */
  sharedState?: boolean;
  bank: () => QuizQuestion[];
  /** Practice goes through the conversation core (shared with the web chat, Zalo and the terminal). */
  conversation: Conversation;
  present: (ctx: Context, replies: Reply[]) => Promise<void>;
  store: StateStore;
  logger: Logger;
  isAdmin: (userId: number) => boolean;
  openPeriod: number;
  defaultCount: number;
  /** The seed of a quiz's question order; random unless a test fixes it. */
  seed?: () => number;
};

const CHANNEL = "telegram";
/** Bot API limits for quiz polls: beyond them the question goes out as a message with buttons. */
export const POLL_LIMITS = { question: 300, option: 100, explanation: 200, options: 10 };

export function fitsPoll(question: QuizQuestion): boolean {
  return question.question.length <= POLL_LIMITS.question
    && question.options.length <= POLL_LIMITS.options
    && question.options.every((o) => o.length <= POLL_LIMITS.option);
}

const sourceOf = (q: QuizQuestion) => [q.source.document, q.source.section].filter(Boolean).join(" › ");

/** The poll explanation names the source; cut to the 200-character limit. */
function pollExplanation(q: QuizQuestion): string {
  const full = `${q.explanation} (Nguồn: ${q.source.document})`;
  return full.length <= POLL_LIMITS.explanation ? full : `${q.explanation.slice(0, POLL_LIMITS.explanation - 1)}…`;
}

/**
 * Quiz sessions in Telegram: group quizzes as quiz polls (or button messages when a question is too
 * long for a poll); practice in private chats goes through the conversation core. The rules live in the engine
 * (src/quiz/engine.ts); this adapter sends, times and stores.
 */
/** This process, as the holder of the quiz steps it claims. */
const HOLDER = `${process.pid}-${randomBytes(4).toString("hex")}`;
/** A step claimed this long ago and not finished is taken over: its holder died between claim and send. */
const STEP_TAKEOVER_MS = 20_000;
/** How often running group quizzes are looked up to arm the timers this process lacks (another replica's quiz, or one whose holder died). */
export const QUIZ_SWEEP_MS = 5_000;

export function registerQuiz(bot: Bot, deps: QuizDeps) {
  const { store, logger } = deps;
  const timers = new Map<string, NodeJS.Timeout>();
  const locks = new Map<string, Promise<unknown>>();
  const byId = () => new Map(deps.bank().map((q) => [q.id, q]));

  /** One change to a session at a time (answers, timers and commands race otherwise). */
  function locked<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = locks.get(sessionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    locks.set(sessionId, next);
    void next.finally(() => {
      if (locks.get(sessionId) === next) locks.delete(sessionId);
    }).catch(() => undefined);
    return next;
  }

  const canControl = (session: QuizSession, userId: number) => session.ownerId === String(userId) || deps.isAdmin(userId);

  async function sendQuestion(session: QuizSession): Promise<void> {
    const question = byId().get(session.questionIds[session.current]!);
    const chatId = Number(session.chatId);
    if (!question) {
      await bot.api.sendMessage(chatId, quizText.missingQuestion);
      return;
    }
    const header = quizText.questionHeader(session.current + 1, session.questionIds.length);
    if (session.kind === "group" && fitsPoll(question)) {
      const message = await bot.api.sendPoll(chatId, `${header} ${question.question}`.slice(0, POLL_LIMITS.question), question.options.map((text) => ({ text })), {
        type: "quiz",
        is_anonymous: false,
        correct_option_ids: [question.correct],
        explanation: pollExplanation(question),
        open_period: session.openPeriod,
      });
      await store.mapPoll(message.poll.id, session.id, session.current);
    } else {
      const keyboard = new InlineKeyboard();
      question.options.forEach((_, i) => keyboard.text(LETTERS[i]!, `qz:${session.id}:${session.current}:${i}`));
      const lines = question.options.map((o, i) => `<b>${LETTERS[i]}.</b> ${escapeHtml(o)}`).join("\n");
      const timing = session.kind === "group" ? `\n\n${quizText.timeLimit(session.openPeriod)}` : "";
      await bot.api.sendMessage(chatId, `<b>${header}</b> ${escapeHtml(question.question)}\n\n${lines}${timing}`, { parse_mode: "HTML", reply_markup: keyboard });
    }
    schedule(session);
  }

  /** A group question closes after its open period; then the next one follows. */
  function schedule(session: QuizSession): void {
    const deadline = closesAt(session);
    if (!deadline) return;
    clearTimeout(timers.get(session.id));
    const index = session.current;
    const timer = setTimeout(() => {
      timers.delete(session.id);
      void next(session.id, index).catch((error) => logger.error("quiz.timer", { error, session: session.id }));
    }, Math.max(0, deadline.getTime() - Date.now()) + 1500);
    timer.unref?.();
    timers.set(session.id, timer);
  }

  /**
   * Moves a session on from question `from` (ignored if it has moved already). Several replicas may hold
   * a timer for the same question: the one that claims the step in the state store moves it on.
   */
  async function next(sessionId: string, from: number): Promise<void> {
    await locked(sessionId, async () => {
      const session = await store.getQuiz(sessionId);
      if (!session || session.status !== "running" || session.current !== from) return;
      if (!(await store.claimQuizStep(sessionId, from, HOLDER, STEP_TAKEOVER_MS))) return;
      // Written over the version read, so answers another replica recorded meanwhile are kept, and a quiz
      // stopped meanwhile stays stopped.
      const moved = await store.updateQuiz(sessionId, (fresh) => {
        if (fresh.status !== "running" || fresh.current !== from) return { result: undefined };
        const advanced = advance(fresh, new Date());
        return { session: advanced, result: advanced };
      });
      if (!moved) return;
      if (moved.status === "running") await sendQuestion(moved);
      else await postResults(moved);
    });
  }

  function resultsText(session: QuizSession): string {
    const questions = byId();
    const board = leaderboard(session);
    const asked = session.status === "running" ? session.current + 1 : Math.min(session.questionIds.length, session.current + 1);
    const lines = board.length
      ? board.slice(0, 20).map((row, i) => quizText.leaderboardRow(i + 1, escapeHtml(row.name), row.correct, asked, row.totalMs / 1000))
      : [quizText.nobody];
    const stats = questionStats(session).slice(0, asked).map((s) => {
      const q = questions.get(s.questionId);
      return quizText.questionRow(s.index + 1, escapeHtml((q?.question ?? s.questionId).slice(0, 70)), s.correct, s.answered);
    });
    return quizText.results(session.status === "stopped", asked, session.questionIds.length, lines, stats);
  }

  async function postResults(session: QuizSession): Promise<void> {
    clearTimeout(timers.get(session.id));
    timers.delete(session.id);
    const chatId = Number(session.chatId);
    const keyboard = new InlineKeyboard().text(quizText.csvButton, `qcsv:${session.id}`);
    await bot.api.sendMessage(chatId, resultsText(session), { parse_mode: "HTML", reply_markup: keyboard });
  }

  async function sendCsv(ctx: Context, session: QuizSession): Promise<void> {
    const file = new InputFile(resultsCsv(session, byId()), `ket-qua-quiz-${session.startedAt.slice(0, 10)}-${session.id}.csv`);
    await ctx.replyWithDocument(file, { caption: quizText.csvCaption });
  }

  bot.command("quiz", async (ctx) => {
    if (ctx.chat.type === "private") return void (await ctx.reply(quizText.groupOnly, { parse_mode: "HTML" }));
    const running = await store.runningQuiz(CHANNEL, String(ctx.chat.id));
    if (running) return void (await ctx.reply(quizText.alreadyRunning));
    const match = ctx.match.trim().match(/^(\d+)?\s*(.*)$/s)!;
    const count = Math.min(30, Math.max(1, Number(match[1] ?? deps.defaultCount)));
    const topic = match[2]!.trim();
    const pool = questionsForTopic(deps.bank(), topic);
    if (pool.length === 0) return void (await ctx.reply(quizText.noQuestions(topic)));
    let session = createSession({
      id: randomBytes(6).toString("base64url"), channel: CHANNEL, chatId: String(ctx.chat.id), kind: "group", ownerId: String(ctx.from!.id),
      topic, bank: deps.bank(), count, openPeriod: deps.openPeriod, seed: (deps.seed ?? (() => Math.floor(Math.random() * 2 ** 31)))(), now: new Date(),
    });
    await ctx.reply(quizText.announce(session.questionIds.length, escapeHtml(topic), deps.openPeriod, escapeHtml(ctx.from!.first_name)), { parse_mode: "HTML" });
    session = advance(session, new Date());
    await store.saveQuiz(session);
    logger.info("quiz.start", { session: session.id, questions: session.questionIds.length });
    await locked(session.id, () => sendQuestion(session));
  });

  bot.command("tiep", async (ctx) => {
    const session = await store.runningQuiz(CHANNEL, String(ctx.chat.id));
    if (!session || session.kind !== "group") return void (await ctx.reply(quizText.noneRunning));
    if (!canControl(session, ctx.from!.id)) return void (await ctx.reply(quizText.trainerOnly));
    await next(session.id, session.current);
  });

  bot.command("dungquiz", async (ctx) => {
    const session = await store.runningQuiz(CHANNEL, String(ctx.chat.id));
    if (!session) return void (await ctx.reply(quizText.noneRunning));
    if (!canControl(session, ctx.from!.id)) return void (await ctx.reply(quizText.trainerOnly));
    await locked(session.id, async () => {
      const stopped = await store.updateQuiz(session.id, (fresh) => {
        if (fresh.status !== "running") return { result: undefined };
        const ended = stop(fresh, new Date());
        return { session: ended, result: ended };
      });
      if (stopped) await postResults(stopped);
    });
  });

  bot.command("ketqua", async (ctx) => {
    const [last] = await store.endedQuizzes(CHANNEL, String(ctx.chat.id), 1);
    if (!last || last.kind !== "group") return void (await ctx.reply(quizText.noResults));
    if (/csv/i.test(ctx.match)) return sendCsv(ctx, last);
    await ctx.reply(resultsText(last), { parse_mode: "HTML", reply_markup: new InlineKeyboard().text(quizText.csvButton, `qcsv:${last.id}`) });
  });

  bot.command("thongkequiz", async (ctx) => {
    const sessions = (await store.endedQuizzes(CHANNEL, String(ctx.chat.id), 200)).filter((s) => s.kind === "group");
    if (sessions.length === 0) return void (await ctx.reply(quizText.noResults));
    const questions = byId();
    const missed = mostMissed(sessions, 10)
      .map((m) => quizText.missedRow(escapeHtml((questions.get(m.id)?.question ?? m.id).slice(0, 90)), m.answered - m.correct, m.answered, escapeHtml(questions.get(m.id) ? sourceOf(questions.get(m.id)!) : "")));
    await ctx.reply(quizText.unitStats(sessions.length, missed), { parse_mode: "HTML" });
  });

  const viaCore = async (ctx: Context, intent: Intent) => deps.present(ctx, await deps.conversation.handle(incomingOf(ctx, "", intent)));

  bot.command("luyentap", async (ctx) => {
    if (ctx.chat.type !== "private") return void (await ctx.reply(quizText.privateOnly));
    await viaCore(ctx, { kind: "practice-start", topic: ctx.match.trim() });
  });
  bot.command("dung", (ctx) => viaCore(ctx, { kind: "practice-stop" }));

  bot.on("poll_answer", async (ctx) => {
    const { poll_id: pollId, option_ids: options, user } = ctx.pollAnswer;
    if (!user || options.length === 0) return; // a retracted vote, or an anonymous one
    const at = new Date();
    const target = await store.pollTarget(pollId);
    if (!target) return;
    await locked(target.sessionId, async () => {
      const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
      // One step in the store: another replica recording an answer to the same poll at once does not erase this one.
      const outcome = await store.updateQuiz(target.sessionId, (session) => {
        const question = byId().get(session.questionIds[target.questionIndex]!);
        if (!question) return { result: undefined };
        // Telegram closes a quiz poll at its open_period and delivers no later vote, so any vote it delivers was in
        // time, even one held back while the bot restarted.
        const result = recordAnswer(session, { questionIndex: target.questionIndex, userId: String(user.id), name, option: options[0]!, at, correctOption: question.correct, timeLimitEnforcedElsewhere: true });
        return { ...(result.outcome.kind === "accepted" ? { session: result.session } : {}), result: result.outcome.kind };
      });
      if (outcome) logger.info("quiz.answer", { session: target.sessionId, outcome });
    });
  });

  bot.callbackQuery(/^qz:([\w-]+):(\d+):(\d+)$/, async (ctx) => {
    const [, sessionId, indexText, optionText] = ctx.match;
    const practice = await store.getQuiz(sessionId!);
    if (practice?.kind === "practice") {
      // Practice answers go through the core: feedback with the explanation and source, then the next question.
      await ctx.answerCallbackQuery();
      if (practice.status !== "running" || practice.current !== Number(indexText)) return void (await ctx.reply(quizText.expired));
      return viaCore(ctx, { kind: "text", text: LETTERS[Number(optionText)] ?? "" });
    }
    const at = new Date();
    const reply = await locked(sessionId!, async () => {
      const index = Number(indexText);
      const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ");
      const toast = await store.updateQuiz(sessionId!, (session) => {
        const question = byId().get(session.questionIds[index]!);
        if (!question) return { result: quizText.expired };
        const result = recordAnswer(session, { questionIndex: index, userId: String(ctx.from.id), name, option: Number(optionText), at, correctOption: question.correct });
        return result.outcome.kind === "accepted"
          ? { session: result.session, result: quizText.recorded(result.outcome.correct) }
          : { result: quizText.outcome(result.outcome.kind) };
      });
      return { toast: toast ?? quizText.expired };
    });
    await ctx.answerCallbackQuery(reply.toast ? { text: reply.toast } : undefined);
  });

  bot.callbackQuery(/^qcsv:([\w-]+)$/, async (ctx) => {
    const session = await store.getQuiz(ctx.match[1]!);
    await ctx.answerCallbackQuery();
    if (session) await sendCsv(ctx, session);
  });

  return {
    /**
     * After a restart: running group quizzes pick up where they were. A question whose time ran out
     * while the bot was down is closed and the next one follows; otherwise its timer is re-armed.
     */
    async resume(): Promise<number> {
      const running = await store.runningQuizzes(CHANNEL);
      for (const session of running) {
        if (session.kind !== "group") continue;
        // With several replicas a quiz does not stop when one restarts: nothing to announce.
        if (!deps.sharedState) await bot.api.sendMessage(Number(session.chatId), quizText.resumed(session.current + 1, session.questionIds.length)).catch((error) => logger.warn("quiz.resume", { error }));
        schedule(session);
      }
      return running.length;
    },
    /**
     * Arms a timer for every running group quiz this process has none for: with several replicas, a quiz
     * started on another one, or carried on when the one that ran it stops. Called every QUIZ_SWEEP_MS.
     */
    async sweep(): Promise<void> {
      for (const session of await store.runningQuizzes(CHANNEL)) if (session.kind === "group" && !timers.has(session.id)) schedule(session);
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type QuizController = ReturnType<typeof registerQuiz>;
