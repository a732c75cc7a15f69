import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { AppError } from "../errors.ts";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One writer at a time: LanceDB commits are optimistic, and two ingests merging at once can
 * conflict or duplicate rows. A lock file holds the writer's pid; a lock left by a dead process is taken over.
 */
export async function acquireWriteLock(indexDir: string, options: { databaseUrl?: string } = {}): Promise<() => Promise<void>> {
  if (options.databaseUrl) return acquirePostgresLock(options.databaseUrl);
  await mkdir(indexDir, { recursive: true });
  const file = path.join(indexDir, ".ingest.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = await readFile(file, "utf8").then((raw) => JSON.parse(raw) as { pid?: number; startedAt?: string }).catch(() => ({}) as { pid?: number; startedAt?: string });
      if (holder.pid && alive(holder.pid) && holder.pid !== process.pid) {
        throw new AppError(
          "busy:ingest",
          `Đang có một lần nạp dữ liệu khác chạy (tiến trình ${holder.pid}, bắt đầu ${holder.startedAt ?? "?"}). Hãy đợi nó xong rồi chạy lại.`,
          { pid: holder.pid },
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new AppError("busy:ingest", "Không lấy được khóa ghi chỉ mục. Hãy thử lại.");
}

/** The advisory lock key of the one ingest writer of a deployment (every replica shares the database). */
const INGEST_LOCK = 7_401_001;

/**
 * With several machines (DATABASE_URL), the writer lock lives in Postgres: a session advisory lock, held
 * by a connection of its own for the whole ingest. A lock file cannot tell whether a process on another
 * machine is alive; Postgres releases the lock when the holder's connection ends, however it ends.
 */
async function acquirePostgresLock(url: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  // The lock dies with its connection: a dropped one is reported (not a crash); the ingest's LanceDB commit is
  // still atomic, and the next writer finds the lock free.
  client.on("error", (error) => console.error(`Lỗi: mất kết nối giữ khóa nạp dữ liệu (${error.message}); lần nạp này vẫn hoàn tất nếu ghi được.`));
  await client.connect();
  let held = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [INGEST_LOCK]);
    held = rows[0]?.locked === true;
  } finally {
    if (!held) await client.end();
  }
  if (!held) throw new AppError("busy:ingest", "Đang có một lần nạp dữ liệu khác chạy (trên máy này hoặc một máy khác dùng chung cơ sở dữ liệu). Hãy đợi nó xong rồi chạy lại.");
  return async () => {
    // Ending the connection releases the lock even if the unlock itself fails.
    await client.query("SELECT pg_advisory_unlock($1)", [INGEST_LOCK]).finally(() => client.end());
  };
}
