import pg from "pg";
import type { Logger } from "../log.ts";
import { silentLogger } from "../log.ts";
import { migrate } from "./migrate.ts";
import { sqlStore } from "./sql-store.ts";
import type { SqlDb } from "./sql-store.ts";
import type { StateStore } from "./store.ts";

/** The advisory lock key under which replicas run the migrations one at a time. */
const MIGRATION_LOCK = 7_401_002;

/** `?` placeholders as Postgres numbers them ($1, $2 …); our statements hold no literal "?". */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * The state store on Postgres (DATABASE_URL): what several replicas behind a load balancer share. The
 * same statements and validation as the embedded store (src/state/sql-store.ts); migrations run at
 * start under an advisory lock.
 */
export async function openPostgresStore(url: string, options: { max?: number; logger?: Logger } = {}): Promise<StateStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection that Postgres drops (a restart, a failover) is reported here; without a listener the
  // process would crash. The pool opens a new connection for the next query.
  pool.on("error", (error) => (options.logger ?? silentLogger).error("state.postgres_connection", { error, action: "a new connection is opened for the next query" }));
  const db: SqlDb = {
    async query(sql, args) {
      return (await pool.query(numbered(sql), args)).rows as Array<Record<string, unknown>>;
    },
    async run(sql, args) {
      return (await pool.query(numbered(sql), args)).rowCount ?? 0;
    },
    async serialized(key, work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        // Held to the end of the transaction by this connection; every later statement sees what others committed.
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [key]);
        const result = await work({
          query: async (sql, args) => (await client.query(numbered(sql), args)).rows as Array<Record<string, unknown>>,
          run: async (sql, args) => (await client.query(numbered(sql), args)).rowCount ?? 0,
        });
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: unknown) => (options.logger ?? silentLogger).warn("state.rollback_failed", { error: rollbackError }));
        client.release(true);
        throw error;
      }
    },
    async transaction(statements) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const { sql, args } of statements) await client.query(numbered(sql), args);
        await client.query("COMMIT");
        client.release();
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: unknown) => (options.logger ?? silentLogger).warn("state.rollback_failed", { error: rollbackError }));
        // A connection in an unknown state is closed, not pooled.
        client.release(true);
        throw error;
      }
    },
    close: () => void pool.end(),
  };
  try {
    await migrate(db, async (work) => {
      const client = await pool.connect();
      let unlocked = false;
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
        const result = await work();
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
        unlocked = true;
        return result;
      } finally {
        // A connection that may still hold the lock is closed, not pooled: closing it releases the lock.
        client.release(!unlocked);
      }
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return sqlStore(db);
}
