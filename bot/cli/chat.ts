import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { isAppError } from "../../src/errors.ts";
import { createLogger } from "../../src/log.ts";
import { openApp } from "../app.ts";
import { ingestKnowledge } from "../compose.ts";
import { coreText } from "../messages.ts";
import { renderPlain } from "../core/render-text.ts";

/** `npm run chat`: the same conversation as the bots, in a terminal (for admins on a server). */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  // Like `npm start`: the index is brought up to date first (unchanged files are skipped).
  await ingestKnowledge(config);
  const app = await openApp(config, createLogger({ level: "warn" }));
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  console.log(`Trợ lý Dân vận — trò chuyện trên terminal. Gõ «thoát» hoặc Ctrl+D để dừng.\n${coreText.help}`);
  // Reading lines as they come (rather than question()) also works when input is piped in.
  const prompt = () => process.stdout.write("\nBạn: ");
  try {
    prompt();
    for await (const line of rl) {
      const text = line.trim();
      if (/^(thoát|thoat|exit|quit)$/i.test(text)) break;
      if (!text) {
        prompt();
        continue;
      }
      for (const reply of await app.conversation.handle({ channel: "terminal", chatId: "local", userId: "local", userName: "Quản trị", text })) {
        if (reply.kind === "file") {
          const dir = path.join(config.dataDir, "exports");
          await mkdir(dir, { recursive: true });
          const file = path.join(dir, reply.fileName);
          await writeFile(file, reply.data);
          console.log(`\n📄 ${reply.caption}: đã lưu ${file}`);
        } else {
          console.log(`\n${renderPlain(reply)}`);
        }
      }
      prompt();
    }
  } finally {
    rl.close();
    app.close();
  }
}

main().catch((error: unknown) => {
  console.error(isAppError(error) ? `Lỗi: ${error.message}` : error);
  process.exit(1);
});
