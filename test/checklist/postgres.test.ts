import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadChecklists } from "../../src/checklist/schema.ts";
import { createChecklistRunner } from "../../src/checklist/workflow.ts";
import { KNOWLEDGE } from "../helpers/index.ts";

// Runs against a real Postgres when TEST_POSTGRES_URL is set (.ci/run starts one when it can).
const url = process.env.TEST_POSTGRES_URL;

describe.runIf(url)("checklist runs in Postgres (@mastra/pg)", () => {
  it("keeps a run across a restart, resumed by its id", async () => {
    const checklists = await loadChecklists(path.join(KNOWLEDGE, "checklists"));
    const first = await createChecklistRunner({ storageUrl: url!, checklists: () => checklists });
    let turn = await first.start("mo-hinh-dan-van");
    turn = await first.send(turn.runId, { kind: "answer", value: "Chi bộ Vụ Pháp chế" });
    await first.close();
    // A second instance (another process or replica) picks the run up from Postgres.
    const second = await createChecklistRunner({ storageUrl: url!, checklists: () => checklists });
    const again = await second.current(turn.runId);
    expect(again?.state.answers.don_vi).toBe("Chi bộ Vụ Pháp chế");
    const next = await second.send(turn.runId, { kind: "answer", value: "Mô hình tiết kiệm giấy" });
    expect(next.state.answers).toMatchObject({ don_vi: "Chi bộ Vụ Pháp chế", ten_mo_hinh: "Mô hình tiết kiệm giấy" });
    await second.close();
  }, 60_000);
});
