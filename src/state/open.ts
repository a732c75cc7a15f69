import type { Config } from "../config.ts";
import { openLibsqlStore } from "./libsql.ts";
import { openPostgresStore } from "./postgres.ts";
import type { StateStore } from "./store.ts";
import type { Logger } from "../log.ts";

/** The state store a deployment uses: Postgres when DATABASE_URL is set (several replicas share it), else the SQLite file under DATA_DIR. */
export function openStateStore(config: Pick<Config, "DATABASE_URL" | "stateUrl">, logger?: Logger): Promise<StateStore> {
  return config.DATABASE_URL ? openPostgresStore(config.DATABASE_URL, logger ? { logger } : {}) : openLibsqlStore(config.stateUrl);
}
