import type { FileHandle } from "node:fs/promises";
import { open, rename, rm } from "node:fs/promises";
import type { Fact } from "../structure/facts.ts";

/** Facts are written to the file a megabyte or so at a time. */
const PENDING_CHARS = 1 << 20;

/**
 * The facts table (lists of duties and steps) written to its file as files are ingested, not held
 * until the end: at 100 MB of text it is about 60 MB of JSON, which held as objects and then
 * stringified whole made the ingest's peak memory (`npm run bench:ingest`, December 2026). The file
 * stays a JSON array, read by `readFactsFile`; it gets its final name only at `finish`.
 */
export class FactsSpool {
  private handle: FileHandle | undefined;
  private count = 0;
  /** JSON of facts not yet written, at most about PENDING_CHARS. */
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly writing: string;

  constructor(writing: string) {
    this.writing = writing;
  }

  async add(facts: readonly Fact[]): Promise<void> {
    if (facts.length === 0) return;
    for (const fact of facts) {
      const json = JSON.stringify(fact);
      this.pending.push(this.count === 0 ? json : `,${json}`);
      this.pendingChars += json.length + 1;
      this.count++;
    }
    if (this.pendingChars >= PENDING_CHARS) await this.write();
  }

  /** Adds the facts carried over, closes the array and gives the file its name. */
  async finish(kept: readonly Fact[], file: string): Promise<void> {
    if (kept.length > 0) await this.add(kept);
    await this.write();
    this.handle ??= await this.start();
    await this.handle.write("]");
    await this.handle.close();
    this.handle = undefined;
    await rename(this.writing, file);
  }

  /** Drops an unfinished file (an ingest that failed). */
  async abort(): Promise<void> {
    this.pending = [];
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    await rm(this.writing, { force: true });
  }

  /** Writes what is pending (a write per document cost more in the calls than in the bytes). */
  private async write(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join("");
    this.pending = [];
    this.pendingChars = 0;
    this.handle ??= await this.start();
    await this.handle.write(text);
  }

  private async start(): Promise<FileHandle> {
    const handle = await open(this.writing, "w");
    await handle.write("[");
    return handle;
  }
}
