import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { ROOT } from "./index.ts";

/** The project's own Node (the `node` package), as `npm run` uses: type stripping needs Node >= 22.18. */
export const NODE = existsSync(path.join(ROOT, "node_modules/.bin/node")) ? path.join(ROOT, "node_modules/.bin/node") : process.execPath;

/** A TCP port free on 127.0.0.1 now (for a process the test spawns). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A schema of its own on the test Postgres (TEST_POSTGRES_URL): `url` puts every connection in it, so
 * tests and benchmarks sharing one database never see each other's tables. `drop` removes it.
 */
export async function postgresSchema(baseUrl: string, prefix = "t"): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
