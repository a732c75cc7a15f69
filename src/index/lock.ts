import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
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
export async function acquireWriteLock(indexDir: string): Promise<() => Promise<void>> {
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
