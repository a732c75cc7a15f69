import type { SqlDb } from "./sql-store.ts";
import { MIGRATIONS } from "./migrations.ts";

/**
 * Brings a database to the latest migration: those not yet recorded in `schema_migrations` run in order,
 * each recorded when done. `exclusive` runs the whole under the engine's lock (Postgres: an advisory
 * lock), so two replicas starting together never run one twice. Returns the versions applied.
 */
export async function migrate(db: SqlDb, exclusive: <T>(work: () => Promise<T>) => Promise<T> = (work) => work()): Promise<number[]> {
  return exclusive(async () => {
    await db.run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", []);
    const done = new Set((await db.query("SELECT version FROM schema_migrations", [])).map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      // A migration and its record are one transaction: a crash in between leaves neither.
      await db.transaction([
        ...migration.statements.map((sql) => ({ sql, args: [] })),
        { sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", args: [migration.version, migration.name, new Date().toISOString()] },
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
