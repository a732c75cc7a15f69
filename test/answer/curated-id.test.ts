import { describe, expect, it } from "vitest";
import { newCuratedId } from "../../src/answer/curated.ts";

describe("curated answer ids", () => {
  it("can always be typed back after `curated remove`: none begins with '-', which the command line reads as an option", () => {
    const ids = Array.from({ length: 3000 }, newCuratedId);
    expect(ids.filter((id) => id.startsWith("-"))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{6,12}$/);
  });
});
