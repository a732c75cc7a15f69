import { mkdir } from "node:fs/promises";
import path from "node:path";
import { createClient } from "@libsql/client";
import type { InValue } from "@libsql/client";
import { migrate } from "./migrate.ts";
import { sqlStore } from "./sql-store.ts";
import type { SqlDb } from "./sql-store.ts";
import type { StateStore } from "./store.ts";

/** Work serialised per store file and key, across the store instances of this process. */
const QUEUES = new Map<string, Promise<void>>();

/** The default state store: a SQLite file through LibSQL (the engine Mastra's storage uses too). */
export async function openLibsqlStore(url: string): Promise<StateStore> {
  if (url.startsWith("file:")) await mkdir(path.dirname(url.slice("file:".length)), { recursive: true });
  const client = createClient({ url });
  // WAL lets readers run during a write; a store that cannot switch (a remote LibSQL server) works without it.
  await client.execute("PRAGMA journal_mode = WAL").catch(() => "not available");
  // A writer waits for another's transaction (up to 5 s) instead of failing with "database is locked".
  await client.execute("PRAGMA busy_timeout = 5000").catch(() => "not available");
  const db: SqlDb = {
    async query(sql, args) {
      return (await client.execute({ sql, args: args as InValue[] })).rows as unknown as Array<Record<string, unknown>>;
    },
    async run(sql, args) {
      return (await client.execute({ sql, args: args as InValue[] })).rowsAffected;
    },
    serialized(key, work) {
      // The embedded store serves one process: a queue per key in this process is the serialisation (SQLite's
      // own write lock would make interleaved interactive transactions wait on each other).
      const lockKey = `${url}\u0000${key}`;
      const previous = QUEUES.get(lockKey) ?? Promise.resolve();
      const run = previous.then(() => work(db), () => work(db));
      const settled = run.then(() => undefined, () => undefined);
      QUEUES.set(lockKey, settled);
      void settled.then(() => {
        if (QUEUES.get(lockKey) === settled) QUEUES.delete(lockKey);
      });
      return run;
    },
    async transaction(statements) {
      await client.batch(statements.map(({ sql, args }) => ({ sql, args: args as InValue[] })), "write");
    },
    close: () => client.close(),
  };
  await migrate(db);
  return sqlStore(db);
}
