import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Logger } from "../../src/log.ts";
import { runIngest, tempDir } from "../helpers/index.ts";

describe("a worker thread that runs out of memory", () => {
  it("loses no file: the files it held are prepared on the main thread, and the death is logged", async () => {
    const { dir, cleanup } = await tempDir();
    const docs = path.join(dir, "docs");
    await mkdir(docs);
    const paragraph = (i: number) => `${i}. Cán bộ, công chức thực hiện quy chế dân chủ ở cơ sở số ${i}, lắng nghe ý kiến của nhân dân và giải quyết kịp thời kiến nghị chính đáng số ${i}.`;
    // About 3 MB of text: far more than a worker with an 24 MB heap can prepare.
    await writeFile(path.join(docs, "lon.txt"), `KẾ HOẠCH\nVề công tác dân vận\n\n${Array.from({ length: 16_000 }, (_, i) => paragraph(i)).join("\n\n")}`);
    await writeFile(path.join(docs, "nho.txt"), "KẾ HOẠCH\nVề tiếp dân\n\n1. Mục đích\nBí thư tiếp dân mỗi tháng một lần.");
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (event) => warnings.push(event), error: (event) => warnings.push(event) };
    const report = await runIngest(docs, path.join(dir, "index"), { workerThreshold: 1, workerHeapMb: 24, logger });
    expect(report.files.map((f) => [f.path, f.status])).toEqual([["lon.txt", "added"], ["nho.txt", "added"]]);
    expect(report.files[0]!.chunks).toBeGreaterThan(100);
    expect(warnings).toContain("ingest.worker_died");
    await cleanup();
  }, 60_000);
});
