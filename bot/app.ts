import path from "node:path";
import type { Config } from "../src/config.ts";
import { loadChecklists } from "../src/checklist/schema.ts";
import type { Checklist } from "../src/checklist/schema.ts";
import { createChecklistRunner } from "../src/checklist/workflow.ts";
import type { Logger } from "../src/log.ts";
import { loadQuizBank } from "../src/quiz/bank.ts";
import type { QuizQuestion } from "../src/quiz/bank.ts";
import { openStateStore } from "../src/state/open.ts";
import { curatedSourceOf } from "../src/state/curated-source.ts";
import { suspendChanged } from "../src/answer/curated.ts";
import { messages } from "../src/messages.ts";
import { createConversation } from "./core/conversation.ts";
import { createKnowledgeHolder } from "./knowledge-holder.ts";
import { createLibrary } from "./admin/library.ts";
import { createCuration } from "./admin/curation.ts";

/**
 * Composition root shared by every channel: knowledge (with reload), quiz bank, checklists and their
 * Mastra runner, the state store, and the platform-free conversation core.
 */
export async function openApp(config: Config, logger: Logger) {
  const store = await openStateStore(config, logger);
  const curated = curatedSourceOf(store);
  const holder = await createKnowledgeHolder(config, logger, curated);
  let bank: QuizQuestion[] = await loadQuizBank(path.join(config.knowledgeDir, "quizzes"));
  let checklists: Checklist[] = await loadChecklists(path.join(config.knowledgeDir, "checklists"));
  logger.info("app.loaded", { questions: bank.length, checklists: checklists.length });
  await suspendChanged(curated, (ids) => holder.current().index.passages(ids), messages.curatedPassageChanged)
    .catch((error: unknown) => logger.error("curated.review_failed", { error }));
  const runner = await createChecklistRunner({ storageUrl: config.workflowUrl, checklists: () => checklists, logger });
  const conversation = createConversation({
    answer: (question, filter) => holder.use((knowledge) => knowledge.answer(question, filter)),
    passage: (id) => holder.use((knowledge) => knowledge.index.passage(id)),
    documents: () => holder.use(async (knowledge) => (await knowledge.index.registry()).documents),
    store,
    bank: () => bank,
    checklists: () => checklists,
    runner,
    practiceCount: config.PRACTICE_COUNT,
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    questionsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    // Several replicas share one Postgres: the per-user limit is counted there, across all of them.
    ...(config.DATABASE_URL ? { rateLimit: (key: string) => store.rateHit(`q:${key}`, config.RATE_LIMIT_PER_MINUTE, 60_000) } : {}),
    logger,
  });
  /** Re-ingests knowledge/ and reloads the quiz bank and checklists. */
  /** Curated answers whose cited passages an ingest changed or removed are suspended for review. */
  async function reviewCurated() {
    const suspended = await suspendChanged(curated, (ids) => holder.current().index.passages(ids), messages.curatedPassageChanged);
    if (suspended.length) logger.warn("curated.suspended", { ids: suspended, action: "listed for review in /admin" });
  }
  async function reload() {
    const report = await holder.reload();
    await reviewCurated().catch((error: unknown) => logger.error("curated.review_failed", { error }));
    bank = await loadQuizBank(path.join(config.knowledgeDir, "quizzes"));
    checklists = await loadChecklists(path.join(config.knowledgeDir, "checklists"));
    return report;
  }
  // Admins change the knowledge base without a terminal (the /admin console, Telegram uploads).
  const library = createLibrary({
    knowledgeDir: config.knowledgeDir, maxBytes: config.MAX_FILE_MB * 1024 * 1024, reload,
    registry: () => holder.current().index.registry(), audit: (entry) => store.audit(entry), logger,
  });
  const curation = createCuration({ store, knowledge: holder.current, invalidate: curated.invalidate, logger });
  /** 👍/👎 from the web chat, on an answer given to that session only. */
  async function webFeedback(session: string, answerId: string, vote: 1 | -1): Promise<boolean> {
    const answer = await store.getAnswer(answerId);
    if (!answer || answer.channel !== "web" || answer.chatId !== session) return false;
    await store.saveFeedback(answerId, session, vote);
    return true;
  }
  return {
    config, logger, store, holder, runner, conversation, library, curated, curation, webFeedback,
    bank: () => bank,
    checklists: () => checklists,
    reload,
    close() {
      holder.close();
      store.close();
      void runner.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof openApp>>;
