import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversation } from "../../bot/core/conversation.ts";
import { renderPlain } from "../../bot/core/render-text.ts";
import { coreText } from "../../bot/messages.ts";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import type { StateStore } from "../../src/state/store.ts";
import { openCorpusAnswerer, tempDir } from "../helpers/index.ts";

/**
 * Two replicas (two conversation cores) on one state store, as with DATABASE_URL: a user's question
 * limit is counted across both, not per replica.
 */
let answerer: Awaited<ReturnType<typeof openCorpusAnswerer>>;
let store: StateStore;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  answerer = await openCorpusAnswerer();
  const temp = await tempDir();
  cleanup = temp.cleanup;
  store = await openLibsqlStore(`file:${path.join(temp.dir, "state.db")}`);
});
afterAll(async () => {
  store.close();
  await answerer.close();
  await cleanup();
});

const replica = () => createConversation({
  answer: (q) => answerer.answer(q), passage: (id) => answerer.index.passage(id), documents: async () => (await answerer.index.registry()).documents,
  store, bank: () => [], checklists: () => [], practiceCount: 10, maxQuestionChars: 1000, questionsPerMinute: 3,
  rateLimit: (key) => store.rateHit(`q:${key}`, 3, 60_000),
});

describe("a question limit shared by replicas", () => {
  it("counts a user's questions on both replicas together", async () => {
    const [a, b] = [replica(), replica()];
    const ask = (core: ReturnType<typeof replica>, text: string) => core.handle({ channel: "web", chatId: "s1", userId: "s1", userName: "Bạn", text });
    for (const core of [a, b, a]) expect((await ask(core, "Dân vận là gì?"))[0]!.kind).toBe("answer");
    const limited = renderPlain((await ask(b, "Dân vận là gì?"))[0]!);
    expect(limited).toMatch(/đợi|chờ|nhanh/i);
    expect(limited).toBe(coreText.rateLimited(Number(limited.match(/\d+/)![0])));
  });
});
