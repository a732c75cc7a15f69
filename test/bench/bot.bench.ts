import path from "node:path";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/log.ts";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import { createKnowledgeHolder } from "../../bot/knowledge-holder.ts";
import { createTelegramBot } from "../../bot/telegram/bot.ts";
import { conversationFor } from "../helpers/index.ts";
import { startPolling } from "../../bot/telegram/run.ts";
import { KNOWLEDGE, runIngest, tempDir } from "../helpers/index.ts";
import { TOKEN, privateChat, startFakeTelegram, textMessage, user } from "../helpers/fake-telegram.ts";
import { table } from "./util.ts";
import { benchReplicas } from "./bot-replicas.ts";

/**
 * `npm run bench:bot`: questions answered per second end to end (fake Bot API over HTTP → grammY
 * runner → answer() → LibSQL → sendMessage), and updates lost or answered twice.
 */
const USERS = Number(process.env.BENCH_USERS ?? 100);
const PER_USER = Number(process.env.BENCH_PER_USER ?? 10);
const QUESTIONS = [
  "Dân vận là gì?", "dan van kheo thi sao", "Bước thứ hai khi xây dựng mô hình dân vận là gì?",
  "Ai làm công tác dân vận hiệu quả nhất?", "Thủ trưởng cơ quan có trách nhiệm gì với Ban Thanh tra nhân dân?",
  "Giá vàng hôm nay bao nhiêu?", "Phương thức công tác dân vận của đoàn thể trong cơ quan", "khau dot pha thu hai cua nam dan van 2014",
];

const { dir, cleanup } = await tempDir("tldv-bench-");
const telegram = await startFakeTelegram();
try {
  await runIngest(KNOWLEDGE, path.join(dir, "index"));
  const config = loadConfig({ DATA_DIR: dir, KNOWLEDGE_DIR: KNOWLEDGE, TELEGRAM_BOT_TOKEN: TOKEN });
  const holder = await createKnowledgeHolder(config);
  const store = await openLibsqlStore(config.stateUrl);
  const { bot } = createTelegramBot({
    conversation: conversationFor(holder, store, { questionsPerMinute: 10_000 }), token: TOKEN, apiRoot: telegram.apiRoot, knowledge: holder.current, reload: holder.reload, store, admins: new Set(),
    logger: silentLogger,
  });
  const running = await startPolling(bot, silentLogger, { timeoutSeconds: 1 });
  const total = USERS * PER_USER;
  const started = performance.now();
  for (let round = 0; round < PER_USER; round++) {
    for (let u = 0; u < USERS; u++) telegram.push(textMessage(privateChat(10_000 + u), user(10_000 + u), QUESTIONS[(u + round) % QUESTIONS.length]!));
  }
  const answered = () => telegram.callsOf("sendMessage").length;
  await telegram.waitFor(() => answered() >= total, 600_000);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500)); // anything answered twice shows up now
  const perChat = new Map<number, number>();
  for (const call of telegram.callsOf("sendMessage")) perChat.set(Number(call.body.chat_id), (perChat.get(Number(call.body.chat_id)) ?? 0) + 1);
  let lost = 0;
  let twice = 0;
  for (let u = 0; u < USERS; u++) {
    const got = perChat.get(10_000 + u) ?? 0;
    if (got < PER_USER) lost += PER_USER - got;
    if (got > PER_USER) twice += got - PER_USER;
  }
  await running.stop();
  holder.close();
  store.close();
  table("bench:bot — câu hỏi trả lời từ đầu đến cuối qua máy chủ Bot API giả", [
    { "người dùng": USERS, "câu hỏi": total, "giây": seconds, "câu/giây": total / seconds, "mất": lost, "trả lời hai lần": twice },
  ]);
} finally {
  await telegram.close();
  await cleanup();
}

// Webhook mode on Postgres (BENCH_POSTGRES_URL, or TEST_POSTGRES_URL as .ci/run sets it): 1 and 2 replicas.
const postgres = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
if (postgres) {
  const rows = [];
  for (const replicas of [1, 2]) {
    const r = await benchReplicas(postgres, replicas, USERS, PER_USER, QUESTIONS);
    rows.push({ "bản chạy": r.replicas, "câu hỏi": r.total, "lượt gửi (5% gửi lại)": r.deliveries, "giây": r.seconds, "câu/giây": r.perSecond, "mất": r.lost, "trả lời hai lần": r.twice });
  }
  table("bench:bot — chế độ webhook, Postgres, cập nhật chia đều cho các bản chạy (mỗi bản một tiến trình npm start)", rows);
} else console.log("\n(Chế độ webhook nhiều bản chạy: đặt BENCH_POSTGRES_URL=postgres://… để đo.)");
