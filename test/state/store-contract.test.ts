import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import { openPostgresStore } from "../../src/state/postgres.ts";
import type { StateStore } from "../../src/state/store.ts";
import { tempDir } from "../helpers/index.ts";
import { postgresSchema } from "../helpers/processes.ts";

/**
 * What every state store does, the same for the embedded LibSQL file and for Postgres (run when
 * TEST_POSTGRES_URL is set; .ci/run starts one when it can). Postgres tests run in a schema of their own.
 */
const POSTGRES = process.env.TEST_POSTGRES_URL;

type Engine = { open: () => Promise<StateStore>; cleanup: () => Promise<void> };

async function libsqlEngine(): Promise<Engine> {
  const temp = await tempDir();
  const url = `file:${path.join(temp.dir, "state.db")}`;
  return { open: () => openLibsqlStore(url), cleanup: temp.cleanup };
}

async function postgresEngine(): Promise<Engine> {
  const { url, drop } = await postgresSchema(POSTGRES!);
  return { open: () => openPostgresStore(url, { max: 4 }), cleanup: drop };
}

const ENGINES: Array<[string, () => Promise<Engine>, boolean]> = [["LibSQL", libsqlEngine, true], ["Postgres", postgresEngine, Boolean(POSTGRES)]];

describe.each(ENGINES)("the %s state store", (_, make, enabled) => {
  let engine: Engine;
  let store: StateStore;
  beforeAll(async () => {
    if (!enabled) return;
    engine = await make();
    store = await engine.open();
  });
  afterAll(async () => {
    if (!enabled) return;
    store.close();
    await engine.cleanup();
  });

  it.runIf(enabled)("keeps answers, their last one per chat with sources, and votes (a second vote replaces the first)", async () => {
    const base = { channel: "web", chatId: "c1", userId: "u1", question: "Dân vận là gì?", answer: "…", abstained: false, confidence: 0.9, suggestions: [] };
    await store.saveAnswer({ ...base, id: "a1", chunkIds: ["c_1"], createdAt: "2026-12-01T01:00:00.000Z" });
    await store.saveAnswer({ ...base, id: "a2", chunkIds: [], abstained: true, question: "Giá vàng?", createdAt: "2026-12-01T02:00:00.000Z" });
    expect(await store.getAnswer("a1")).toMatchObject({ id: "a1", chunkIds: ["c_1"], abstained: false });
    expect((await store.lastAnswer("web", "c1"))?.id).toBe("a1");
    await store.saveFeedback("a1", "u1", 1);
    await store.saveFeedback("a1", "u1", -1);
    expect((await store.weakAnswers(10)).map((f) => [f.answerId, f.vote])).toEqual([["a1", -1]]);
    expect(await store.usage(new Date("2026-12-01T12:00:00Z"))).toMatchObject({ questions: 2, questionsToday: 2, abstained: 1, users: 1, feedbackUp: 0, feedbackDown: 1 });
    expect((await store.refusedQuestions(10)).map((r) => r.question)).toEqual(["Giá vàng?"]);
    const days = await store.usageByDay(3, new Date("2026-12-01T12:00:00Z"));
    expect(days.at(-1)).toMatchObject({ day: "2026-12-01", questions: 2, refused: 1 });
  });

  it.runIf(enabled)("keeps quizzes, their polls and checklist owners", async () => {
    const quiz = {
      id: "q1", channel: "telegram", chatId: "-1", kind: "group" as const, ownerId: "1", topic: "QCDC", questionIds: ["x"], current: 0, status: "running" as const,
      startedAt: "2026-12-01T00:00:00.000Z", askedAt: null, openPeriod: 30, participants: {}, answers: [{}], endedAt: null,
    };
    await store.saveQuiz(quiz);
    expect((await store.runningQuiz("telegram", "-1"))?.id).toBe("q1");
    await store.saveQuiz({ ...quiz, status: "finished", endedAt: "2026-12-01T00:05:00.000Z" });
    expect(await store.runningQuiz("telegram", "-1")).toBeUndefined();
    expect((await store.endedQuizzes("telegram", "-1", 5)).map((q) => q.id)).toEqual(["q1"]);
    expect((await store.endedGroupQuizzes(5)).map((q) => q.id)).toEqual(["q1"]);
    await store.mapPoll("p1", "q1", 0);
    expect(await store.pollTarget("p1")).toEqual({ sessionId: "q1", questionIndex: 0 });
    const run = { runId: "r1", channel: "web", chatId: "c1", userId: "u1", checklistId: "mo-hinh", status: "active" as const, updatedAt: "2026-11-01T00:00:00.000Z", remindedAt: null };
    await store.saveChecklistRun(run);
    expect((await store.activeChecklistRun("web", "c1"))?.runId).toBe("r1");
    expect((await store.idleChecklistRuns("2026-11-15T00:00:00.000Z")).map((r) => r.runId)).toEqual(["r1"]);
    // Two replicas reminding at once: one claims it.
    const claims = await Promise.all([store.claimReminder("r1", "2026-11-16T00:00:00.000Z"), store.claimReminder("r1", "2026-11-16T00:00:01.000Z")]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.idleChecklistRuns("2026-11-15T00:00:00.000Z")).toEqual([]);
  });

  it.runIf(enabled)("keeps every answer recorded at once by two replicas on one session", async () => {
    const other = await engine.open();
    try {
      await store.saveQuiz({
        id: "q2", channel: "telegram", chatId: "-2", kind: "group", ownerId: "1", topic: "", questionIds: ["x"], current: 0, status: "running",
        startedAt: "2026-12-01T00:00:00.000Z", askedAt: "2026-12-01T00:00:00.000Z", openPeriod: 30, participants: {}, answers: [{}], endedAt: null,
      });
      const answer = (replica: StateStore, user: number) => replica.updateQuiz("q2", (session) => ({
        session: { ...session, participants: { ...session.participants, [user]: `Người ${user}` }, answers: [{ ...session.answers[0], [user]: { option: 0, correct: true, ms: 100 } }] },
        result: user,
      }));
      await Promise.all(Array.from({ length: 12 }, (_, i) => answer(i % 2 ? other : store, i + 1)));
      const session = (await store.getQuiz("q2"))!;
      expect(Object.keys(session.answers[0]!).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
      expect(Object.keys(session.participants)).toHaveLength(12);
    } finally {
      other.close();
    }
  });

  it.runIf(enabled)("claims an update once, and counts rate-limit events in a sliding window", async () => {
    expect(await store.claimUpdate("telegram", "900")).toBe(true);
    expect(await store.claimUpdate("telegram", "900")).toBe(false);
    expect(await store.claimUpdate("zalo", "900")).toBe(true);
    const t0 = 1_800_000_000_000;
    expect(await store.rateHit("q:web:u1", 2, 60_000, t0)).toBe(0);
    expect(await store.rateHit("q:web:u1", 2, 60_000, t0 + 1_000)).toBe(0);
    expect(await store.rateHit("q:web:u1", 2, 60_000, t0 + 2_000)).toBe(58);
    expect(await store.rateHit("q:web:u2", 2, 60_000, t0 + 2_000)).toBe(0);
    expect(await store.rateHit("q:web:u1", 2, 60_000, t0 + 61_000)).toBe(0);
    // Ten hits at once (as from several replicas) against a limit of 3: three go ahead, not more.
    const other = await engine.open();
    try {
      const waits = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).rateHit("q:web:burst", 3, 60_000, t0 + 100_000 + i)));
      expect(waits.filter((w) => w === 0)).toHaveLength(3);
    } finally {
      other.close();
    }
  });

  it.runIf(enabled)("keeps curated answers with their hits, the audit log, and users' level filter; survives reopening", async () => {
    const entry = {
      id: "k1", question: "Ai làm dân vận?", phrasings: [], answer: "Cả hệ thống chính trị.", citations: [{ chunkId: "c_1", quote: "Dân vận là việc của tất cả" }],
      status: "active" as const, hits: 0, createdBy: "test", createdAt: "2026-12-01T00:00:00.000Z", updatedAt: "2026-12-01T00:00:00.000Z",
    };
    await store.saveCurated(entry);
    await store.curatedHit("k1");
    await store.curatedHit("k1");
    await store.audit({ at: "2026-12-01T00:00:00.000Z", actor: "api:1", action: "upload", target: "a.txt", detail: "" });
    await store.setUserLevel("telegram", "7", "tinh");
    store.close();
    store = await engine.open();
    expect((await store.curatedAnswers())[0]).toMatchObject({ id: "k1", hits: 2 });
    expect((await store.auditLog(5)).map((e) => e.action)).toContain("upload");
    expect(await store.userLevel("telegram", "7")).toBe("tinh");
    expect(await store.removeCurated("k1")).toBe(true);
    expect(await store.removeCurated("k1")).toBe(false);
  });
});

describe.runIf(POSTGRES)("the ingest writer lock in Postgres", () => {
  it("lets one writer in across machines and frees the lock when the holder's connection ends", async () => {
    const { acquireWriteLock } = await import("../../src/index/lock.ts");
    const first = await acquireWriteLock("/ignored/with/postgres", { databaseUrl: POSTGRES });
    await expect(acquireWriteLock("/another/mount/of/it", { databaseUrl: POSTGRES })).rejects.toThrow(/Đang có một lần nạp dữ liệu khác chạy/);
    await first();
    const second = await acquireWriteLock("/another/mount/of/it", { databaseUrl: POSTGRES });
    await second();
  });
});

describe.runIf(POSTGRES)("the Postgres store when the server drops its connections", () => {
  it("reports it and goes on with new connections, without crashing the process", async () => {
    const name = `tldv_drop_${Date.now().toString(36)}`;
    const url = new URL(POSTGRES!);
    url.searchParams.set("application_name", name);
    const store = await openPostgresStore(url.toString(), { max: 2 });
    try {
      await store.saveFeedback("x", "y", 1);
      const admin = new pg.Client({ connectionString: POSTGRES });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [name]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await store.claimUpdate("telegram", `drop-${name}`)).toBe(true);
    } finally {
      store.close();
    }
  });
});
