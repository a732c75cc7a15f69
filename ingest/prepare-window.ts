/**
 * Files being prepared ahead of the one being written: enough to keep every worker busy while the
 * main thread writes to LanceDB, bounded by count and by source bytes so a run of large files never
 * holds many of them in memory at once. Results are taken in order.
 */

/** Files in flight per worker thread (measured with `npm run bench:ingest`: 2 left the workers idle 40 % of the time while the main thread wrote). */
export const PREPARE_AHEAD_PER_WORKER = 64;
/** Source bytes in flight at most (a file larger than this is prepared alone): with workers handling one file at a time, this bounds what waits in their queues. */
export const PREPARE_AHEAD_BYTES = 32 * 1024 * 1024;

export class PrepareWindow<T extends { size: number }, R> {
  private readonly results = new Map<number, Promise<R>>();
  private next = 0;
  private bytes = 0;

  private readonly items: readonly T[];
  private readonly start: (item: T) => Promise<R>;
  private readonly limits: { files: number; bytes: number };

  constructor(items: readonly T[], start: (item: T) => Promise<R>, limits: { files: number; bytes: number }) {
    this.items = items;
    this.start = start;
    this.limits = limits;
    this.fill();
  }

  /** The result of item `i` (items are taken in order, each once). */
  async take(i: number): Promise<R> {
    if (!this.results.has(i)) this.fill(i);
    const result = await this.results.get(i)!;
    this.results.delete(i);
    this.bytes -= this.items[i]!.size;
    this.fill();
    return result;
  }

  private fill(atLeast = -1): void {
    while (this.next < this.items.length) {
      const item = this.items[this.next]!;
      const room = this.results.size < this.limits.files && (this.results.size === 0 || this.bytes + item.size <= this.limits.bytes);
      if (!room && this.next > atLeast) return;
      this.results.set(this.next++, this.start(item));
      this.bytes += item.size;
    }
  }
}
