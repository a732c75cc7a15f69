import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.ts";
import type { QuizQuestion } from "../../src/quiz/bank.ts";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import type { StateStore } from "../../src/state/store.ts";
import type { KnowledgeHolder } from "../../bot/knowledge-holder.ts";
import { createTelegramBot } from "../../bot/telegram/bot.ts";
import { createConversation } from "../../bot/core/conversation.ts";
import { fitsPoll } from "../../bot/telegram/quiz.ts";
import { startPolling } from "../../bot/telegram/run.ts";
import type { RunningBot } from "../../bot/telegram/run.ts";
import type { ApiCall, FakeTelegram } from "../helpers/fake-telegram.ts";
import { TOKEN, callback, groupChat, pollAnswer, privateChat, startFakeTelegram, textMessage, user } from "../helpers/fake-telegram.ts";
import { quizTestBed } from "./fixtures.ts";

const TRAINER = 100;
const group = groupChat(-500);
let telegram: FakeTelegram;
let holder: KnowledgeHolder;
let store: StateStore;
let bank: QuizQuestion[];
let cleanup: () => Promise<void>;
let current: { running: RunningBot; quiz?: { resume(): Promise<number>; stop(): void } };

async function startBot() {
  const { bot, quiz } = createTelegramBot({
    token: TOKEN, apiRoot: telegram.apiRoot, knowledge: holder.current, reload: holder.reload, store, admins: new Set([1]),
    logger: silentLogger,
    // A short open period keeps the test fast; the fake server does not enforce Telegram's minimum of 5 s.
    conversation: createConversation({
      answer: (q) => holder.current().answer(q), passage: (id) => holder.current().index.passage(id), documents: async () => (await holder.current().index.registry()).documents,
      store, bank: () => bank, checklists: () => [], practiceCount: 3, maxQuestionChars: 1000, questionsPerMinute: 1000,
    }),
    quiz: { bank: () => bank, openPeriod: 2, defaultCount: 3, seed: () => 7 },
  });
  const running = await startPolling(bot, silentLogger, { timeoutSeconds: 1 });
  await quiz?.resume();
  return { running, quiz };
}

beforeAll(async () => {
  const temp = await quizTestBed();
  ({ cleanup, bank, holder } = temp);
  store = await openLibsqlStore(`file:${path.join(temp.dir, "state.db")}`);
  telegram = await startFakeTelegram();
  current = await startBot();
});

afterAll(async () => {
  current.quiz?.stop();
  await current.running.stop();
  await telegram.close();
  holder.close();
  store.close();
  await cleanup();
});

async function after<T>(action: () => T, predicate: (fresh: ApiCall[]) => boolean): Promise<ApiCall[]> {
  const before = telegram.calls.length;
  action();
  await telegram.waitFor((calls) => predicate(calls.slice(before)));
  return telegram.calls.slice(before);
}
const sent = (calls: ApiCall[], method = "sendMessage") => calls.filter((c) => c.method === method);
const push = (update: Record<string, unknown>) => () => telegram.push(update);

describe("group quiz in Telegram", () => {
  it("runs a quiz with polls and button questions, survives a restart, and ranks the participants", async () => {
    const an = user(101, "An");
    const binh = user(102, "Bình");
    const chi = user(103, "Chi");

    // Start: an announcement, then the first question.
    let calls = await after(push(textMessage(group, user(TRAINER, "Cô Hoa"), "/quiz 3")), (c) => sent(c).length >= 1 && c.some((x) => x.method === "sendPoll" || (x.method === "sendMessage" && String(x.body.text).includes("Câu 1/3"))));
    expect(String(sent(calls)[0]!.body.text)).toMatch(/Bắt đầu quiz.*3 câu/s);
    const [again] = sent(await after(push(textMessage(group, user(TRAINER, "Cô Hoa"), "/quiz")), (c) => sent(c).length >= 1));
    expect(again!.body.text).toMatch(/đang có một quiz/);

    const session = (await store.runningQuiz("telegram", String(group.id)))!;
    const questions = session.questionIds.map((id) => bank.find((q) => q.id === id)!);
    const answerQuestion = async (index: number, answers: Array<[Record<string, unknown>, boolean]>) => {
      const q = questions[index]!;
      const poll = telegram.calls.filter((c) => c.method === "sendPoll").find((c) => String(c.body.question).includes(q.question.slice(0, 30)));
      for (const [who, right] of answers) {
        const option = right ? q.correct : (q.correct + 1) % q.options.length;
        if (poll) {
          const pollId = await pollIdFor(String(poll.body.question));
          telegram.push(pollAnswer(pollId, who, option));
        } else {
          await after(push(callback(group, who, `qz:${session.id}:${index}:${option}`)), (c) => c.some((x) => x.method === "answerCallbackQuery"));
        }
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
    };
    // The poll id is what the Bot API gave back for that sendPoll.
    const pollIdFor = async (question: string) => {
      await telegram.waitFor((calls) => calls.some((c) => c.method === "sendPoll" && String(c.body.question) === question && c.result));
      const call = telegram.calls.find((c) => c.method === "sendPoll" && String(c.body.question) === question)!;
      return (call.result as { poll: { id: string } }).poll.id;
    };


    await answerQuestion(0, [[an, true], [chi, true], [binh, false]]);
    await answerQuestion(0, [[an, false]]); // a second answer does not count

    // Only the trainer (or an admin) may move on or stop.
    const [refused] = sent(await after(push(textMessage(group, binh, "/dungquiz")), (c) => sent(c).length >= 1));
    expect(refused!.body.text).toMatch(/Chỉ người bắt đầu quiz/);

    // Restart the bot in the middle of the quiz: it says so and carries on.
    current.quiz?.stop();
    await current.running.stop();
    calls = await after(() => void startBot().then((b) => (current = b)), (c) => sent(c).some((x) => String(x.body.text).includes("khởi động lại")));
    expect(String(sent(calls).find((x) => String(x.body.text).includes("khởi động lại"))!.body.text)).toMatch(/câu 1\/3/);

    await after(push(textMessage(group, user(TRAINER, "Cô Hoa"), "/tiep")), (c) => c.some((x) => x.method === "sendPoll" || String(x.body.text ?? "").includes("Câu 2/3")));
    await answerQuestion(1, [[an, true], [chi, false], [binh, true]]);
    await after(push(textMessage(group, user(TRAINER, "Cô Hoa"), "/tiep")), (c) => c.some((x) => x.method === "sendPoll" || String(x.body.text ?? "").includes("Câu 3/3")));
    // Nobody answers the last question in time; a late answer after the deadline does not count.
    calls = await after(() => undefined, (c) => sent(c).some((x) => String(x.body.text).includes("Kết thúc quiz")));
    await answerQuestion(2, [[chi, true]]);

    // A long question went out as a message with buttons; the short ones as quiz polls with the source in their explanation.
    const polls = telegram.calls.filter((c) => c.method === "sendPoll");
    expect(polls).toHaveLength(questions.filter(fitsPoll).length);
    expect(questions.filter(fitsPoll).length).toBeLessThan(questions.length);
    for (const poll of polls) {
      const q = questions.find((x) => String(poll.body.question).includes(x.question.slice(0, 30)))!;
      expect(poll.body).toMatchObject({ type: "quiz", is_anonymous: false, open_period: 2, correct_option_ids: [q.correct] });
      expect(String(poll.body.explanation)).toMatch(/Nguồn: Công tác dân vận/);
    }
    expect(sent(telegram.calls).some((c) => /Câu \d\/3/.test(String(c.body.text)) && (c.body.reply_markup as { inline_keyboard?: unknown[] } | undefined)?.inline_keyboard)).toBe(true);

    const results = String(sent(calls).find((x) => String(x.body.text).includes("Kết thúc quiz"))!.body.text);
    const order = ["An", "Chi", "Bình"].map((name) => results.indexOf(name));
    expect(order[0]).toBeLessThan(order[1]!);
    expect(results).toMatch(/An: 2\/3 câu đúng/);
    expect(results).toMatch(/Câu 1: 2\/3 đúng/);

    // Results as CSV, and the unit's most missed questions.
    const csvButton = (sent(calls).find((x) => String(x.body.text).includes("Kết thúc quiz"))!.body.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard[0]![0]!.callback_data;
    const docs = await after(push(callback(group, user(TRAINER, "Cô Hoa"), csvButton)), (c) => c.some((x) => x.method === "sendDocument"));
    const csv = String(docs.find((x) => x.method === "sendDocument")!.body.raw);
    expect(csv).toContain("Người tham gia");
    expect(csv).toMatch(/An,101,1,/);
    expect(csv).toMatch(/Bình,102,1,.*,không/);
    const [again2] = sent(await after(push(textMessage(group, an, "/ketqua")), (c) => sent(c).length >= 1));
    expect(again2!.body.text).toMatch(/Kết thúc quiz/);
    // Chi's answer to the last question came after its deadline: the results read after it still count 1 of 3 for her.
    expect(again2!.body.text).toMatch(/Chi: 1\/3 câu đúng/);
    const [stats] = sent(await after(push(textMessage(group, an, "/thongkequiz")), (c) => sent(c).length >= 1));
    expect(stats!.body.text).toMatch(/Câu hay sai nhất/);
    expect((await store.runningQuiz("telegram", String(group.id)))).toBeUndefined();
  }, 60_000);
});

describe("practice in a private chat", () => {
  it("gives immediate feedback with the explanation and source, a running score and a summary", async () => {
    const me = user(200, "Minh");
    const chat = privateChat(200);
    let calls = await after(push(textMessage(chat, me, "/luyentap")), (c) => sent(c).length >= 2);
    const session = (await store.runningQuiz("telegram", "200"))!;
    for (let i = 0; i < 3; i++) {
      const q = bank.find((b) => b.id === session.questionIds[i])!;
      const asked = sent(calls).find((c) => String(c.body.text).includes(`Câu ${i + 1}/3`));
      expect(String(asked?.body.text)).toContain(q.question.slice(0, 40));
      const right = i !== 1;
      calls = await after(push(callback(chat, me, `qz:${session.id}:${i}:${right ? q.correct : (q.correct + 1) % q.options.length}`)), (c) => sent(c).length >= 2);
      const feedback = String(sent(calls)[0]!.body.text);
      expect(feedback).toMatch(right ? /Đúng!/ : /Chưa đúng.*Đáp án đúng/s);
      expect(feedback).toContain(q.explanation);
      expect(feedback).toMatch(/Nguồn: Công tác dân vận/);
      expect(feedback).toMatch(new RegExp(`Điểm: ${[1, 1, 2][i]}/${i + 1}`));
    }
    expect(String(sent(calls).at(-1)!.body.text)).toMatch(/Hoàn thành luyện tập.*2\/3/s);
  }, 30_000);
});
