import type { ChecklistInput, ChecklistState } from "../../src/checklist/engine.ts";
import { displayAnswer } from "../../src/checklist/engine.ts";
import { exportDocument } from "../../src/checklist/export.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { ChecklistRunner, Turn } from "../../src/checklist/workflow.ts";
import type { Logger } from "../../src/log.ts";
import type { StateStore } from "../../src/state/store.ts";
import { coreText as t } from "../messages.ts";
import { checklistWord } from "./intent.ts";
import type { Incoming, Reply } from "./replies.ts";
import { textReply } from "./replies.ts";
import { checklistSummary } from "./render-text.ts";
import { optionIndex } from "./practice.ts";

/**
 * The guided checklist in a conversation: start or resume a run, send it inputs, correct an answer,
 * export the documents. The run itself (steps, validation, suspend and resume) is the Mastra workflow
 * behind `ChecklistRunner`.
 */

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export type ChecklistFlowDeps = { store: StateStore; runner: ChecklistRunner; checklists: () => Checklist[]; logger: Logger };

export function createChecklistFlow(deps: ChecklistFlowDeps) {
  const { store, runner } = deps;
  /** Per chat: a pending "pick the answer to edit" list (short-lived, in memory). */
  const editing = new Map<string, string[]>();
  const chatKey = (message: Incoming) => `${message.channel}:${message.chatId}`;

  const prompt = (turn: Turn, newStep = false): Reply => ({
    kind: "checklist", checklist: runner.checklist(turn.state.checklistId), state: turn.state,
    prompt: newStep && turn.prompt.kind === "question" ? { ...turn.prompt, newStep: true } : turn.prompt,
  });

  async function exports(checklist: Checklist, state: ChecklistState, exportId?: string): Promise<Reply[]> {
    const spec = exportId ? checklist.exports.find((e) => e.id === exportId) : (checklist.exports.find((e) => !e.after) ?? checklist.exports[0]);
    const doc = await exportDocument(checklist, state, spec?.id ?? "");
    return [{ kind: "file", fileName: doc.fileName, mime: DOCX, data: doc.docx, caption: doc.title }, textReply(doc.markdown)];
  }

  async function record(message: Incoming, turn: Turn): Promise<void> {
    await store.saveChecklistRun({
      runId: turn.runId, channel: message.channel, chatId: message.chatId, userId: message.userId, checklistId: turn.state.checklistId,
      status: turn.state.phase === "done" ? "done" : turn.state.phase === "cancelled" ? "cancelled" : "active", updatedAt: new Date().toISOString(), remindedAt: null,
    });
  }

  async function input(message: Incoming, runId: string, value: ChecklistInput): Promise<Reply[]> {
    editing.delete(chatKey(message));
    const turn = await runner.send(runId, value);
    await record(message, turn);
    const replies: Reply[] = [prompt(turn)];
    if (turn.state.phase === "done") {
      const checklist = runner.checklist(turn.state.checklistId);
      replies.push(...(await exports(checklist, turn.state)));
      // Documents that follow the last step (the recognition proposal) are offered, not pushed.
      const followUps = checklist.exports.filter((e) => e.after);
      if (followUps.length) replies.push(textReply(t.followUps(checklist.steps.length), followUps.map((e) => ({ label: t.labels.export(e.title), intent: { kind: "checklist-export", exportId: e.id } }))));
    }
    return replies;
  }

  async function editMenu(message: Incoming, runId: string): Promise<Reply[]> {
    const turn = await runner.current(runId);
    if (!turn) return [];
    const checklist = runner.checklist(turn.state.checklistId);
    const answered = checklist.steps.flatMap((s) => s.fields).filter((f) => turn.state.answers[f.id] !== undefined);
    if (answered.length === 0) return [textReply(t.nothingToEdit)];
    editing.set(chatKey(message), answered.map((f) => f.id));
    return [{ kind: "checklist-edit", fields: answered.map((f) => ({ id: f.id, label: f.label, value: displayAnswer(f, turn.state.answers[f.id]) })) }];
  }

  /** Plain text while a run is open: a pick from the edit list, a steering word, or the answer to the current question. */
  async function text(message: Incoming, runId: string, typed: string): Promise<Reply[]> {
    const pending = editing.get(chatKey(message));
    if (pending) {
      editing.delete(chatKey(message));
      const index = optionIndex(typed, pending.length);
      if (index !== undefined) return input(message, runId, { kind: "edit", fieldId: pending[index]! });
    }
    const word = checklistWord(typed);
    if (word?.kind === "checklist-edit-menu") return editMenu(message, runId);
    if (word?.kind === "checklist-input") return input(message, runId, word.input);
    return input(message, runId, { kind: "answer", value: typed });
  }

  async function start(message: Incoming, wanted: string, restart: boolean): Promise<Reply[]> {
    editing.delete(chatKey(message));
    const active = await store.activeChecklistRun(message.channel, message.chatId);
    if (active && !restart) {
      const turn = await runner.current(active.runId);
      if (turn) return [textReply(t.resumed(runner.checklist(active.checklistId).title)), prompt(turn, true)];
    }
    if (active) {
      await runner.send(active.runId, { kind: "cancel" }).then((turn) => record(message, turn))
        .catch((error) => deps.logger.warn("checklist.cancel_previous", { runId: active.runId, error, action: "a new run starts anyway" }));
    }
    const lists = deps.checklists();
    const checklist = lists.find((c) => c.id === wanted.trim()) ?? lists.find((c) => c.id === "mo-hinh-dan-van") ?? lists[0];
    if (!checklist) return [textReply(t.noChecklists)];
    const turn = await runner.start(checklist.id);
    await record(message, turn);
    return [textReply(`${checklist.title}\n${checklist.intro}`), prompt(turn)];
  }

  async function resume(message: Incoming, runId: string): Promise<Reply[]> {
    editing.delete(chatKey(message));
    const turn = await runner.current(runId);
    return turn ? [prompt(turn, true)] : [];
  }

  async function progress(runId: string): Promise<Reply[]> {
    const turn = await runner.current(runId);
    if (!turn) return [];
    const checklist = runner.checklist(turn.state.checklistId);
    return [textReply(t.progress(checklist.title, checklistSummary(checklist, turn.state)))];
  }

  /** The documents of the open run, or after the end those of the last finished one ("/xuat to-trinh"). */
  async function exportOf(message: Incoming, exportId: string | undefined): Promise<Reply[] | undefined> {
    const active = await store.activeChecklistRun(message.channel, message.chatId);
    const run = active ?? (await store.lastChecklistRun(message.channel, message.chatId));
    if (!run || (!active && run.status !== "done")) return undefined;
    const turn = await runner.current(run.runId);
    return turn ? exports(runner.checklist(turn.state.checklistId), turn.state, exportId) : undefined;
  }

  /** A question asked from inside a run ("? …") is answered, then the current question is shown again. */
  async function current(runId: string): Promise<Reply[]> {
    const turn = await runner.current(runId);
    return turn ? [prompt(turn)] : [];
  }

  return { start, input, text, editMenu, resume, progress, exportOf, current, forget: (message: Incoming) => editing.delete(chatKey(message)) };
}

export type ChecklistFlow = ReturnType<typeof createChecklistFlow>;
