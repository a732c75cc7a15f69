import { mkdir } from "node:fs/promises";
import path from "node:path";
import { createClient } from "@libsql/client";
import type { InValue } from "@libsql/client";
import { migrate } from "./migrate.ts";
import { sqlStore } from "./sql-store.ts";
import type { SqlDb } from "./sql-store.ts";
import type { StateStore } from "./store.ts";

/** The default state store: a SQLite file through LibSQL (the engine Mastra's storage uses too). */
export async function openLibsqlStore(url: string): Promise<StateStore> {
  if (url.startsWith("file:")) await mkdir(path.dirname(url.slice("file:".length)), { recursive: true });
  const client = createClient({ url });
  // WAL lets readers run during a write; a store that cannot switch (a remote LibSQL server) works without it.
  await client.execute("PRAGMA journal_mode = WAL").catch(() => "not available");
  const db: SqlDb = {
    async query(sql, args) {
      return (await client.execute({ sql, args: args as InValue[] })).rows as unknown as Array<Record<string, unknown>>;
    },
    async run(sql, args) {
      return (await client.execute({ sql, args: args as InValue[] })).rowsAffected;
    },
    close: () => client.close(),
  };
  await migrate(db);
  return sqlStore(db);
}
