import { describe, expect, it } from "vitest";
import { PrepareWindow } from "../../ingest/prepare-window.ts";

/** Items whose preparation is released by hand, recording how many were in flight at the most. */
function tracked(sizes: number[]) {
  const items = sizes.map((size, i) => ({ size, i }));
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const start = async (item: { i: number }) => {
    running++;
    most = Math.max(most, running);
    started.push(item.i);
    await new Promise((resolve) => setTimeout(resolve, 1));
    running--;
    return item.i * 10;
  };
  return { items, start, started, most: () => most };
}

describe("files prepared ahead of the writer", () => {
  it("returns every result in order and keeps at most the allowed number of files in flight", async () => {
    const t = tracked(Array.from({ length: 20 }, () => 100));
    const window = new PrepareWindow(t.items, t.start, { files: 4, bytes: 1_000_000 });
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await window.take(i));
    expect(results).toEqual(t.items.map((item) => item.i * 10));
    expect(t.most()).toBeLessThanOrEqual(4);
    expect(t.started).toEqual(t.items.map((item) => item.i));
  });

  it("holds back files past the byte budget, but always prepares the next file even when it alone is larger", async () => {
    const t = tracked([600, 600, 5_000, 10]);
    const window = new PrepareWindow(t.items, t.start, { files: 10, bytes: 1_000 });
    // Only the first fits with the second held back (1,200 bytes > 1,000).
    expect(t.started).toEqual([0]);
    expect(await window.take(0)).toBe(0);
    expect(await window.take(1)).toBe(10);
    expect(await window.take(2)).toBe(20);
    expect(await window.take(3)).toBe(30);
  });
});
