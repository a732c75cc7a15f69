import path from "node:path";
import { loadConfig, loadDotEnv } from "../src/config.ts";
import { loadQuizBank } from "../src/quiz/bank.ts";
import { loadChecklists } from "../src/checklist/schema.ts";
import { createChecklistRunner } from "../src/checklist/workflow.ts";
import type { Config } from "../src/config.ts";
import { isAppError } from "../src/errors.ts";
import { createLogger } from "../src/log.ts";
import type { Logger } from "../src/log.ts";
import { openLibsqlStore } from "../src/state/libsql.ts";
import { repl } from "./cli/ask.ts";
import { ingestKnowledge } from "./compose.ts";
import { createKnowledgeHolder } from "./knowledge-holder.ts";
import { createTelegramBot } from "./telegram/bot.ts";
import type { RunningBot } from "./telegram/run.ts";
import { startPolling, startWebhook } from "./telegram/run.ts";

/**
 * `npm start`: brings the index up to date with knowledge/ (unchanged files are skipped), then
 * serves: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise questions on the terminal.
 */
async function startTelegram(config: Config, logger: Logger): Promise<void> {
  const store = await openLibsqlStore(config.stateUrl);
  const holder = await createKnowledgeHolder(config);
  let bank = await loadQuizBank(path.join(config.knowledgeDir, "quizzes"));
  logger.info("quiz.bank", { questions: bank.length });
  const reload = async () => {
    const report = await holder.reload();
    bank = await loadQuizBank(path.join(config.knowledgeDir, "quizzes"));
    return report;
  };
  const checklists = await loadChecklists(path.join(config.knowledgeDir, "checklists"));
  const runner = await createChecklistRunner({ storageUrl: config.workflowUrl, checklists: () => checklists });
  const { bot, quiz, checklist } = createTelegramBot({
    token: config.TELEGRAM_BOT_TOKEN!,
    apiRoot: config.TELEGRAM_API_ROOT,
    knowledge: holder.current,
    reload,
    store,
    admins: config.adminIds,
    logger,
    questionsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    quiz: { bank: () => bank, openPeriod: config.QUIZ_OPEN_PERIOD, defaultCount: config.QUIZ_DEFAULT_COUNT, practiceCount: config.PRACTICE_COUNT },
    checklist: { runner, checklists: () => checklists, reminderDays: config.REMINDER_DAYS },
  });
  // One reminder per checklist left idle for REMINDER_DAYS; checked every hour.
  const reminders = setInterval(() => void checklist?.remind().catch((error) => logger.warn("checklist.remind", { error })), 3_600_000);
  reminders.unref();
  const running: RunningBot = config.TELEGRAM_WEBHOOK_URL
    ? await startWebhook(bot, logger, { publicUrl: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET!, port: config.PORT })
    : await startPolling(bot, logger);
  await quiz?.resume();
  console.log(`Bot Telegram @${bot.botInfo.username} đang chạy (${config.TELEGRAM_WEBHOOK_URL ? `webhook, cổng ${running.port}` : "long polling"}). Ctrl+C để dừng.`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutdown", { signal });
    quiz?.stop();
    clearInterval(reminders);
    await running.stop();
    holder.close();
    store.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.TELEGRAM_BOT_TOKEN, config.OPENAI_API_KEY, config.TELEGRAM_WEBHOOK_SECRET] });
  const report = await ingestKnowledge(config);
  const failed = report.files.filter((f) => f.status === "failed" || f.status === "skipped");
  console.log(`Chỉ mục: ${report.documents} văn bản, ${report.chunks} đoạn${report.changed ? " (vừa cập nhật)" : ""}.`);
  for (const file of failed) console.log(`  ! ${file.path}: ${file.reason}`);
  if (config.TELEGRAM_BOT_TOKEN) return startTelegram(config, logger);

  const holder = await createKnowledgeHolder(config);
  process.once("SIGINT", () => {
    holder.close();
    process.exit(0);
  });
  await repl(holder.current(), config.ANSWER_TOP_K);
  holder.close();
}

main().catch((error: unknown) => {
  console.error(isAppError(error) ? `Lỗi: ${error.message}` : error);
  process.exit(1);
});
