import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Mastra } from "@mastra/core";
import { createStep, createWorkflow } from "@mastra/core/workflows";
import { z } from "zod";
import { AppError } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { ChecklistInput, ChecklistState, Prompt } from "./engine.ts";
import { apply, checklistStateSchema, currentPrompt, initialState } from "./engine.ts";
import type { Checklist } from "./schema.ts";

/**
 * Each checklist run is a Mastra workflow run. Its one step, "converse", suspends after every prompt
 * to wait for the user and resumes with the user's input; the engine decides the next prompt. Mastra
 * persists every suspension as a snapshot in its storage (LibSQL under DATA_DIR), so a run can be
 * resumed by its id days later, or after a restart.
 *
 * Why one looping step and not one workflow step per checklist step: "Quay lại" and "Sửa" move freely
 * across the checklist's steps, which a linear chain of workflow steps cannot express; the engine
 * holds the position, Mastra holds the durable suspension.
 */

const inputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("answer"), value: z.string() }),
  z.object({ kind: z.literal("back") }),
  z.object({ kind: z.literal("skip") }),
  z.object({ kind: z.literal("edit"), fieldId: z.string() }),
  z.object({ kind: z.literal("confirm") }),
  z.object({ kind: z.literal("cancel") }),
]);
const suspendSchema = z.object({ state: checklistStateSchema, prompt: z.any() });
const STEP = "converse";

export type Turn = { runId: string; state: ChecklistState; prompt: Prompt; finished: boolean };

export async function createChecklistRunner(options: { storageUrl: string; checklists: () => Checklist[]; logger?: Logger }) {
  if (options.storageUrl.startsWith("file:")) await mkdir(path.dirname(options.storageUrl.slice("file:".length)), { recursive: true });
  const find = (id: string) => {
    const checklist = options.checklists().find((c) => c.id === id);
    if (!checklist) throw new AppError("not_found:checklist", `Không tìm thấy danh mục «${id}».`, { id });
    return checklist;
  };

  const converse = createStep({
    id: STEP,
    inputSchema: z.object({ checklistId: z.string() }),
    outputSchema: z.object({ state: checklistStateSchema }),
    resumeSchema: inputSchema,
    suspendSchema,
    execute: async ({ inputData, resumeData, suspend, suspendData }) => {
      const checklist = find(inputData.checklistId);
      const previous = (suspendData as { state?: ChecklistState } | undefined)?.state;
      let state = previous ?? initialState(checklist);
      let prompt: Prompt = currentPrompt(state);
      if (resumeData) ({ state, prompt } = apply(checklist, state, resumeData as ChecklistInput));
      if (state.phase === "done" || state.phase === "cancelled") return { state };
      return await suspend({ state, prompt });
    },
  });
  const workflow = createWorkflow({
    id: "checklist",
    inputSchema: z.object({ checklistId: z.string() }),
    outputSchema: z.object({ state: checklistStateSchema }),
  }).then(converse).commit();
  // LibSQL (a SQLite file) by default; Postgres when several instances must share the runs. Only the
  // store configured is loaded.
  const postgres = /^postgres(ql)?:\/\//.test(options.storageUrl);
  const pg = postgres ? new (await import("@mastra/pg")).PostgresStore({ id: "checklist-runs", connectionString: options.storageUrl }) : undefined;
  const storage = pg ?? new (await import("@mastra/libsql")).LibSQLStore({ id: "checklist-runs", url: options.storageUrl });
  const mastra = new Mastra({ workflows: { checklist: workflow }, storage, logger: false });
  const registered = mastra.getWorkflow("checklist");

  function turnOf(runId: string, result: { status: string; steps?: Record<string, unknown>; result?: unknown }): Turn {
    const step = (result.steps?.[STEP] ?? {}) as { suspendPayload?: { state: ChecklistState; prompt: Prompt }; output?: { state: ChecklistState } };
    if (result.status === "suspended" && step.suspendPayload) return { runId, ...step.suspendPayload, finished: false };
    const state = (result.result as { state?: ChecklistState } | undefined)?.state ?? step.output?.state;
    if (result.status === "success" && state) return { runId, state, prompt: currentPrompt(state), finished: true };
    throw new AppError("failed:checklist", "Không tiếp tục được danh mục này. Bạn hãy bắt đầu lại bằng /mohinh.", { runId, status: result.status });
  }

  return {
    /** Releases the storage's connections (Postgres pools keep the process alive otherwise). */
    async close(): Promise<void> {
      if (pg) await pg.close();
    },
    async start(checklistId: string): Promise<Turn> {
      find(checklistId);
      const run = await registered.createRun();
      const result = await run.start({ inputData: { checklistId } });
      return turnOf(run.runId, result as never);
    },
    async send(runId: string, input: ChecklistInput): Promise<Turn> {
      const run = await registered.createRun({ runId });
      const result = await run.resume({ step: STEP, resumeData: input });
      return turnOf(runId, result as never);
    },
    /** The run's last suspension, without changing it (to show progress, or resume after days). */
    async current(runId: string): Promise<Turn | undefined> {
      const state = await registered.getWorkflowRunById(runId);
      if (!state) return undefined;
      try {
        return turnOf(runId, state as never);
      } catch (error) {
        options.logger?.warn("checklist.unreadable_run", { runId, error, action: "treated as no open run; the user can start again" });
        return undefined;
      }
    },
    checklist: find,
  };
}

export type ChecklistRunner = Awaited<ReturnType<typeof createChecklistRunner>>;
