import type { FileHandle } from "node:fs/promises";
import { open, rename, rm } from "node:fs/promises";
import type { Fact } from "../structure/facts.ts";

/**
 * The facts table (lists of duties and steps) written to its file as files are ingested, not held
 * until the end: at 100 MB of text it is about 60 MB of JSON, which held as objects and then
 * stringified whole made the ingest's peak memory (`npm run bench:ingest`, December 2026). The file
 * stays a JSON array, read by `readFactsFile`; it gets its final name only at `finish`.
 */
export class FactsSpool {
  private handle: FileHandle | undefined;
  private count = 0;
  private readonly writing: string;

  constructor(writing: string) {
    this.writing = writing;
  }

  async add(facts: readonly Fact[]): Promise<void> {
    if (facts.length === 0) return;
    this.handle ??= await this.start();
    const parts = facts.map((fact) => JSON.stringify(fact));
    await this.handle.write(`${this.count === 0 ? "" : ","}${parts.join(",")}`);
    this.count += facts.length;
  }

  /** Adds the facts carried over, closes the array and gives the file its name. */
  async finish(kept: readonly Fact[], file: string): Promise<void> {
    this.handle ??= await this.start();
    if (kept.length > 0) await this.add(kept);
    await this.handle.write("]");
    await this.handle.close();
    this.handle = undefined;
    await rename(this.writing, file);
  }

  /** Drops an unfinished file (an ingest that failed). */
  async abort(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    await rm(this.writing, { force: true });
  }

  private async start(): Promise<FileHandle> {
    const handle = await open(this.writing, "w");
    await handle.write("[");
    return handle;
  }
}
