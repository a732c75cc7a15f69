import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import { tempDir } from "../helpers/index.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("the LibSQL state store", () => {
  it("remembers a user's level filter (/capdo) across a restart, per channel and user, and forgets it when cleared", async () => {
    const temp = await tempDir();
    cleanups.push(temp.cleanup);
    const url = `file:${path.join(temp.dir, "state.db")}`;
    const first = await openLibsqlStore(url);
    await first.setUserLevel("telegram", "7", "tinh");
    await first.setUserLevel("zalo", "7", "xa");
    first.close();
    const second = await openLibsqlStore(url);
    expect(await second.userLevel("telegram", "7")).toBe("tinh");
    expect(await second.userLevel("zalo", "7")).toBe("xa");
    expect(await second.userLevel("telegram", "8")).toBeUndefined();
    await second.setUserLevel("telegram", "7", undefined);
    expect(await second.userLevel("telegram", "7")).toBeUndefined();
    second.close();
  });
});
