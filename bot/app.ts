import path from "node:path";
import type { Config } from "../src/config.ts";
import { loadChecklists } from "../src/checklist/schema.ts";
import type { Checklist } from "../src/checklist/schema.ts";
import { createChecklistRunner } from "../src/checklist/workflow.ts";
import type { Logger } from "../src/log.ts";
import { loadQuizBank } from "../src/quiz/bank.ts";
import type { QuizQuestion } from "../src/quiz/bank.ts";
import { openLibsqlStore } from "../src/state/libsql.ts";
import { createConversation } from "./core/conversation.ts";
import { createKnowledgeHolder } from "./knowledge-holder.ts";
import { createLibrary } from "./admin/library.ts";

/**
 * Composition root shared by every channel: knowledge (with reload), quiz bank, checklists and their
 * Mastra runner, the state store, and the platform-free conversation core.
 */
export async function openApp(config: Config, logger: Logger) {
  const store = await openLibsqlStore(config.stateUrl);
  const holder = await createKnowledgeHolder(config, logger);
  let bank: QuizQuestion[] = await loadQuizBank(path.join(config.knowledgeDir, "quizzes"));
  let checklists: Checklist[] = await loadChecklists(path.join(config.knowledgeDir, "checklists"));
  logger.info("app.loaded", { questions: bank.length, checklists: checklists.length });
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
    logger,
  });
  /** Re-ingests knowledge/ and reloads the quiz bank and checklists. */
  async function reload() {
    const report = await holder.reload();
    bank = await loadQuizBank(path.join(config.knowledgeDir, "quizzes"));
    checklists = await loadChecklists(path.join(config.knowledgeDir, "checklists"));
    return report;
  }
  // Admins change the knowledge base without a terminal (the /admin console, Telegram uploads).
  const library = createLibrary({
    knowledgeDir: config.knowledgeDir, maxBytes: config.MAX_FILE_MB * 1024 * 1024, reload,
    registry: () => holder.current().index.registry(), audit: (entry) => store.audit(entry), logger,
  });
  return {
    config, logger, store, holder, runner, conversation, library,
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
