import type { CuratedAnswer, CuratedSource } from "../answer/curated.ts";
import type { StateStore } from "./store.ts";

/**
 * Curated answers as the answer function reads them: from the state store, kept for a few seconds
 * (every question looks them up), refreshed at once after a change made in this process.
 */
export function curatedSourceOf(store: StateStore, ttlMs = 5_000): CuratedSource & { invalidate(): void } {
  let cached: { at: number; entries: Promise<CuratedAnswer[]> } | undefined;
  return {
    all() {
      if (!cached || Date.now() - cached.at > ttlMs) {
        const entries = store.curatedAnswers();
        cached = { at: Date.now(), entries };
        entries.catch(() => (cached = undefined));
      }
      return cached.entries;
    },
    hit: (id) => store.curatedHit(id),
    async suspend(id, reason) {
      const entry = (await store.curatedAnswers()).find((e) => e.id === id);
      if (!entry || entry.status === "suspended") return;
      await store.saveCurated({ ...entry, status: "suspended", reason, updatedAt: new Date().toISOString() });
      cached = undefined;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
