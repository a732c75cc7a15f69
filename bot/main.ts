import { loadConfig, loadDotEnv } from "../src/config.ts";
import { isAppError } from "../src/errors.ts";
import { repl } from "./cli/ask.ts";
import { ingestKnowledge, openKnowledge } from "./compose.ts";

/**
 * `npm start`: brings the index up to date with knowledge/ (unchanged files are skipped), then
 * serves. Until the chat channels land, it serves the `ask` REPL on the terminal.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const report = await ingestKnowledge(config);
  const failed = report.files.filter((f) => f.status === "failed" || f.status === "skipped");
  console.log(`Chỉ mục: ${report.documents} văn bản, ${report.chunks} đoạn${report.changed ? " (vừa cập nhật)" : ""}.`);
  for (const file of failed) console.log(`  ! ${file.path}: ${file.reason}`);
  const knowledge = await openKnowledge(config);
  const stop = () => {
    knowledge.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await repl(knowledge, config.ANSWER_TOP_K);
  knowledge.close();
}

main().catch((error: unknown) => {
  console.error(isAppError(error) ? `Lỗi: ${error.message}` : error);
  process.exit(1);
});
