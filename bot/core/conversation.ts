import { randomBytes } from "node:crypto";
import type { AnswerResult } from "../../src/answer/types.ts";
import type { ChecklistInput, ChecklistState, Prompt } from "../../src/checklist/engine.ts";
import { displayAnswer, fieldAt, progressBar } from "../../src/checklist/engine.ts";
import { exportDocument } from "../../src/checklist/export.ts";
import type { Checklist } from "../../src/checklist/schema.ts";
import type { ChecklistRunner, Turn } from "../../src/checklist/workflow.ts";
import type { DocumentRow, Passage } from "../../src/index/schema.ts";
import { displayDate } from "../../src/index/schema.ts";
import type { QuizQuestion } from "../../src/quiz/bank.ts";
import type { QuizSession } from "../../src/quiz/engine.ts";
import { advance, createSession, leaderboard, questionsForTopic, recordAnswer, stop } from "../../src/quiz/engine.ts";
import type { StateStore } from "../../src/state/store.ts";
import { fold } from "../../src/text/normalize.ts";

/**
 * The conversation core: platform-free. A message in (who, where, what they typed) becomes an intent
 * (question, command, quiz answer, checklist answer, source request) and replies come out as a
 * platform-free model. Zalo, the web chat and the terminal only translate in and render out; options
 * are numbered, so channels without buttons answer "1", "2" or "A", "B".
 */

/** A structured input from a button, for channels that have them (Telegram); text channels type commands instead. */
export type Action = { kind: "checklist-input"; input: ChecklistInput } | { kind: "checklist-resume" };

export type Incoming = { channel: string; chatId: string; userId: string; userName: string; text: string; action?: Action };

export type Option = { label: string; value: string };
export type Reply =
  | { kind: "text"; text: string; options?: Option[] }
  | { kind: "answer"; result: AnswerResult; answerId: string }
  /** A checklist prompt as data: each channel renders it (Telegram with buttons, text channels numbered). */
  | { kind: "checklist"; checklist: Checklist; state: ChecklistState; prompt: Prompt }
  /** The answers that can be corrected, to pick one. */
  | { kind: "checklist-edit"; fields: Array<{ id: string; label: string; value: string }> }
  | { kind: "passage"; n: number; passage: Passage }
  | { kind: "documents"; documents: DocumentRow[] }
  | { kind: "file"; fileName: string; mime: string; data: Buffer; caption: string };

export type CoreDeps = {
  answer: (question: string) => Promise<AnswerResult>;
  passage: (id: string) => Promise<Passage | undefined>;
  documents: () => Promise<DocumentRow[]>;
  store: StateStore;
  bank: () => QuizQuestion[];
  checklists: () => Checklist[];
  runner?: ChecklistRunner;
  practiceCount: number;
  maxQuestionChars: number;
};

const LETTERS = "ABCDEFGHIJ";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const HELP = [
  "Trợ lý Dân vận trả lời câu hỏi về công tác dân vận, trích dẫn nguyên văn tài liệu kèm nguồn.",
  "• Gõ câu hỏi, ví dụ: Dân vận là gì?",
  "• nguồn 1 — xem toàn văn nguồn số 1 của câu trả lời gần nhất",
  "• /tailieu — danh sách tài liệu",
  "• /luyentap [chủ đề] — luyện tập trắc nghiệm, trả lời bằng A, B, C… hoặc 1, 2, 3…",
  "• /mohinh — hướng dẫn từng bước xây dựng mô hình dân vận (xuất kế hoạch DOCX); /tiendo, /xuat, /huybo",
  "• /dung — dừng luyện tập",
].join("\n");

/** Parses "1", "2" or "A", "B" (any case) into a 0-based option index. */
export function optionIndex(text: string, count: number): number | undefined {
  const t = text.trim().replace(/[.)]$/, "");
  const index = /^\d{1,2}$/.test(t) ? Number(t) - 1 : /^[a-jA-J]$/.test(t) ? LETTERS.indexOf(t.toUpperCase()) : -1;
  return index >= 0 && index < count ? index : undefined;
}

export function createConversation(deps: CoreDeps) {
  const { store } = deps;
  /** Per chat: a pending "pick the answer to edit" list in a checklist (short-lived, in memory). */
  const editing = new Map<string, string[]>();

  async function ask(message: Incoming, question: string): Promise<Reply[]> {
    if (question.length > deps.maxQuestionChars) return [{ kind: "text", text: `Câu hỏi dài quá (tối đa ${deps.maxQuestionChars} ký tự).` }];
    const result = await deps.answer(question);
    const answerId = randomBytes(6).toString("base64url");
    await store.saveAnswer({
      id: answerId, channel: message.channel, chatId: message.chatId, userId: message.userId, question,
      answer: result.answer, abstained: result.abstained, confidence: result.confidence, chunkIds: result.citations.map((c) => c.chunkId),
      suggestions: result.suggestions, createdAt: new Date().toISOString(),
    });
    return [{ kind: "answer", result, answerId }];
  }

  async function source(message: Incoming, n: number): Promise<Reply[]> {
    const last = await store.lastAnswer(message.channel, message.chatId);
    if (!last) return [{ kind: "text", text: "Chưa có câu trả lời nào có nguồn trong cuộc trò chuyện này." }];
    const id = last.chunkIds[n - 1];
    if (!id) return [{ kind: "text", text: `Câu trả lời gần nhất chỉ có ${last.chunkIds.length} nguồn; không có nguồn số ${n}.` }];
    const passage = await deps.passage(id);
    return passage ? [{ kind: "passage", n, passage }] : [{ kind: "text", text: "Không tìm thấy nguồn này nữa (kho tài liệu có thể vừa được cập nhật)." }];
  }

  // ——— practice quiz ———
  const bankById = () => new Map(deps.bank().map((q) => [q.id, q]));

  function quizQuestion(session: QuizSession): Reply {
    const q = bankById().get(session.questionIds[session.current]!)!;
    return {
      kind: "text",
      text: `Câu ${session.current + 1}/${session.questionIds.length}: ${q.question}\n${q.options.map((o, i) => `${LETTERS[i]}. ${o}`).join("\n")}\nTrả lời bằng chữ cái (A, B…) hoặc số (1, 2…).`,
      options: q.options.map((o, i) => ({ label: `${LETTERS[i]}. ${o}`, value: LETTERS[i]! })),
    };
  }

  async function startPractice(message: Incoming, topic: string): Promise<Reply[]> {
    const old = await store.runningQuiz(message.channel, message.chatId);
    if (old) await store.saveQuiz(stop(old, new Date()));
    if (questionsForTopic(deps.bank(), topic).length === 0) return [{ kind: "text", text: topic ? `Không có câu hỏi nào về «${topic}».` : "Ngân hàng câu hỏi đang trống." }];
    let session = createSession({
      id: randomBytes(6).toString("base64url"), channel: message.channel, chatId: message.chatId, kind: "practice", ownerId: message.userId,
      topic, bank: deps.bank(), count: deps.practiceCount, openPeriod: 30, seed: Date.now(), now: new Date(),
    });
    session = advance(session, new Date());
    await store.saveQuiz(session);
    return [{ kind: "text", text: `Bắt đầu luyện tập ${session.questionIds.length} câu${topic ? ` về «${topic}»` : ""}. Gõ /dung để dừng.` }, quizQuestion(session)];
  }

  async function answerPractice(message: Incoming, session: QuizSession, text: string): Promise<Reply[] | undefined> {
    const q = bankById().get(session.questionIds[session.current]!);
    if (!q) return undefined;
    const option = optionIndex(text, q.options.length);
    if (option === undefined) return undefined;
    const result = recordAnswer(session, { questionIndex: session.current, userId: message.userId, name: message.userName, option, at: new Date(), correctOption: q.correct });
    if (result.outcome.kind !== "accepted") return [{ kind: "text", text: "Câu này đã được trả lời." }];
    const score = leaderboard(result.session)[0]?.correct ?? 0;
    const feedback = `${result.outcome.correct ? "✅ Đúng!" : `❌ Chưa đúng. Đáp án đúng: ${LETTERS[q.correct]}. ${q.options[q.correct]}`}\n${q.explanation}` +
      `${q.source.quote ? `\n«${q.source.quote}»` : ""}\nNguồn: ${[q.source.document, q.source.section].filter(Boolean).join(" › ")}\nĐiểm: ${score}/${session.current + 1}`;
    const moved = advance(result.session, new Date());
    await store.saveQuiz(moved);
    if (moved.status === "running") return [{ kind: "text", text: feedback }, quizQuestion(moved)];
    return [{ kind: "text", text: feedback }, { kind: "text", text: `🏁 Hoàn thành luyện tập: ${score}/${moved.questionIds.length} câu đúng. Gõ /luyentap để luyện tiếp.` }];
  }

  // ——— checklist ———
  function checklistReply(turn: Turn): Reply {
    return { kind: "checklist", checklist: deps.runner!.checklist(turn.state.checklistId), state: turn.state, prompt: turn.prompt };
  }

  async function exportReplies(checklist: Checklist, state: ChecklistState, exportId?: string): Promise<Reply[]> {
    const spec = exportId ? checklist.exports.find((e) => e.id === exportId) : (checklist.exports.find((e) => !e.after) ?? checklist.exports[0]);
    const doc = await exportDocument(checklist, state, spec?.id ?? "");
    return [{ kind: "file", fileName: doc.fileName, mime: DOCX, data: doc.docx, caption: doc.title }, { kind: "text", text: doc.markdown }];
  }

  async function recordRun(message: Incoming, turn: Turn): Promise<void> {
    await store.saveChecklistRun({
      runId: turn.runId, channel: message.channel, chatId: message.chatId, userId: message.userId, checklistId: turn.state.checklistId,
      status: turn.state.phase === "done" ? "done" : turn.state.phase === "cancelled" ? "cancelled" : "active", updatedAt: new Date().toISOString(), remindedAt: null,
    });
  }

  async function checklistInput(message: Incoming, runId: string, input: ChecklistInput): Promise<Reply[]> {
    const turn = await deps.runner!.send(runId, input);
    await recordRun(message, turn);
    const replies: Reply[] = [checklistReply(turn)];
    if (turn.state.phase === "done") {
      const checklist = deps.runner!.checklist(turn.state.checklistId);
      replies.push(...(await exportReplies(checklist, turn.state)));
      // Documents that follow the last step (the recognition proposal) are offered, not pushed.
      const followUps = checklist.exports.filter((e) => e.after);
      if (followUps.length) {
        replies.push({ kind: "text", text: `Sau bước ${checklist.steps.length}, bạn có thể lập thêm:`, options: followUps.map((e) => ({ label: `📄 ${e.title}`, value: `/xuat ${e.id}` })) });
      }
    }
    return replies;
  }

  async function checklistText(message: Incoming, runId: string, text: string): Promise<Reply[]> {
    const key = `${message.channel}:${message.chatId}`;
    const folded = fold(text).trim();
    const pending = editing.get(key);
    if (pending) {
      editing.delete(key);
      const index = optionIndex(text, pending.length);
      if (index !== undefined) return checklistInput(message, runId, { kind: "edit", fieldId: pending[index]! });
    }
    if (/^(quay lai|lui|back)$/.test(folded)) return checklistInput(message, runId, { kind: "back" });
    if (/^(bo qua|skip)$/.test(folded)) return checklistInput(message, runId, { kind: "skip" });
    if (/^(xac nhan|dong y|ok)$/.test(folded)) return checklistInput(message, runId, { kind: "confirm" });
    if (/^(sua|chinh sua)$/.test(folded)) {
      const turn = await deps.runner!.current(runId);
      if (!turn) return [];
      const checklist = deps.runner!.checklist(turn.state.checklistId);
      const answered = checklist.steps.flatMap((s) => s.fields).filter((f) => turn.state.answers[f.id] !== undefined);
      if (answered.length === 0) return [{ kind: "text", text: "Chưa có câu nào để sửa." }];
      editing.set(key, answered.map((f) => f.id));
      return [{ kind: "checklist-edit", fields: answered.map((f) => ({ id: f.id, label: f.label, value: displayAnswer(f, turn.state.answers[f.id]) })) }];
    }
    return checklistInput(message, runId, { kind: "answer", value: text });
  }

  async function startChecklist(message: Incoming, wanted: string): Promise<Reply[]> {
    if (!deps.runner) return [{ kind: "text", text: "Danh mục hướng dẫn chưa được bật." }];
    const lists = deps.checklists();
    const active = await store.activeChecklistRun(message.channel, message.chatId);
    if (active && !/bat dau lai/.test(fold(wanted))) {
      const turn = await deps.runner.current(active.runId);
      if (turn) {
        const resumed = checklistReply({ ...turn, prompt: turn.prompt.kind === "question" ? { ...turn.prompt, newStep: true } : turn.prompt });
        return [{ kind: "text", text: `Tiếp tục «${deps.runner.checklist(active.checklistId).title}» từ chỗ đã dừng (gõ «/mohinh bắt đầu lại» để làm lại từ đầu).` }, resumed];
      }
    }
    if (active) await deps.runner.send(active.runId, { kind: "cancel" }).then((turn) => recordRun(message, turn)).catch(() => undefined);
    const checklist = lists.find((c) => c.id === wanted.trim()) ?? lists.find((c) => c.id === "mo-hinh-dan-van") ?? lists[0];
    if (!checklist) return [{ kind: "text", text: "Chưa có danh mục hướng dẫn nào." }];
    const turn = await deps.runner.start(checklist.id);
    await recordRun(message, turn);
    return [{ kind: "text", text: `${checklist.title}\n${checklist.intro}` }, checklistReply(turn)];
  }

  /** Handles one message and returns the replies, in order. */
  async function handle(message: Incoming): Promise<Reply[]> {
    if (message.action && deps.runner) {
      editing.delete(`${message.channel}:${message.chatId}`);
      const active = await store.activeChecklistRun(message.channel, message.chatId);
      if (!active) return [{ kind: "text", text: "Bạn chưa có danh mục nào đang làm. Gõ /mohinh để bắt đầu." }];
      if (message.action.kind === "checklist-input") return checklistInput(message, active.runId, message.action.input);
      const turn = await deps.runner.current(active.runId);
      return turn ? [checklistReply({ ...turn, prompt: turn.prompt.kind === "question" ? { ...turn.prompt, newStep: true } : turn.prompt })] : [];
    }
    const text = message.text.trim();
    if (!text) return [{ kind: "text", text: "Bạn hãy gõ câu hỏi, ví dụ: «Dân vận là gì?»" }];
    const folded = fold(text);
    const command = text.match(/^\/(\w+)(?:@\w+)?\s*(.*)$/s);
    const [name, arg] = command ? [command[1]!.toLowerCase(), command[2]!.trim()] : ["", ""];
    if (name === "start" || name === "help" || name === "trogiup") return [{ kind: "text", text: HELP }];
    if (name === "tailieu" || /^tai lieu$/.test(folded)) return [{ kind: "documents", documents: await deps.documents() }];
    if (name === "hoi") return arg ? ask(message, arg) : [{ kind: "text", text: "Gõ câu hỏi sau /hoi, ví dụ: /hoi Dân vận là gì?" }];
    if (name === "nguon") return source(message, Number(arg) || 1);
    const nguon = folded.match(/^nguon\s*(\d{1,2})$/);
    if (nguon) return source(message, Number(nguon[1]));
    if (name === "luyentap") return startPractice(message, arg);
    if (name === "mohinh" || name === "danhmuc") return startChecklist(message, arg);

    const active = deps.runner ? await store.activeChecklistRun(message.channel, message.chatId) : undefined;
    const practice = await store.runningQuiz(message.channel, message.chatId);
    // Both a checklist and a practice round may be open: an option letter goes to whichever was used last.
    const practiceFirst = practice?.kind === "practice" && (!active || (practice.askedAt ?? "") > active.updatedAt);
    if (active && deps.runner && !(practiceFirst && !command && optionIndex(text, 10) !== undefined)) {
      if (name === "tiendo" || name === "xuat") {
        const turn = await deps.runner.current(active.runId);
        if (!turn) return [];
        const checklist = deps.runner.checklist(turn.state.checklistId);
        if (name === "xuat") return exportReplies(checklist, turn.state, arg || undefined);
        return [{ kind: "text", text: `Tiến độ: ${checklist.title}\n\n${checklistSummary(checklist, turn.state)}` }];
      }
      if (name === "huybo") return checklistInput(message, active.runId, { kind: "cancel" });
      if (text.startsWith("?") || text.startsWith("？")) {
        const turn = await deps.runner.current(active.runId);
        return [...(await ask(message, text.replace(/^[?？]\s*/, ""))), ...(turn ? [checklistReply(turn)] : [])];
      }
      if (!command) return checklistText(message, active.runId, text);
    }
    if (practice && practice.kind === "practice") {
      if (name === "dung") {
        await store.saveQuiz(stop(practice, new Date()));
        return [{ kind: "text", text: "Đã dừng luyện tập." }];
      }
      const answered = command ? undefined : await answerPractice(message, practice, text);
      if (answered) return answered;
    }
    if (name === "xuat" && deps.runner) {
      // After the end: the finished run's documents (the plan, or e.g. "/xuat to-trinh").
      const lastRun = await store.lastChecklistRun(message.channel, message.chatId);
      const turn = lastRun && lastRun.status === "done" ? await deps.runner.current(lastRun.runId) : undefined;
      if (turn) return exportReplies(deps.runner.checklist(turn.state.checklistId), turn.state, arg || undefined);
    }
    if (name === "tiendo" || name === "xuat" || name === "huybo") return [{ kind: "text", text: "Bạn chưa có danh mục nào đang làm. Gõ /mohinh để bắt đầu." }];
    if (name === "dung") return [{ kind: "text", text: "Không có bài luyện tập nào đang chạy. Gõ /luyentap để bắt đầu." }];
    if (command) return [{ kind: "text", text: `Không có lệnh /${name}.\n\n${HELP}` }];
    return ask(message, text);
  }

  return { handle, ask };
}

export type Conversation = ReturnType<typeof createConversation>;


/** The answers of a checklist, step by step. */
export function checklistSummary(checklist: Checklist, state: ChecklistState): string {
  return checklist.steps.map((s, i) => `Bước ${i + 1}. ${s.title}\n${s.fields.map((f) => `• ${f.label}: ${displayAnswer(f, state.answers[f.id])}`).join("\n")}`).join("\n\n");
}

/** A checklist prompt in text form, with numbered options, for channels without buttons. */
export function checklistAsText(checklist: Checklist, state: ChecklistState, prompt: Prompt): { text: string; options: Option[] } {
    const total = checklist.steps.length;
    const actions = "Gõ «quay lại», «bỏ qua» (câu không bắt buộc), «sửa» để chỉnh câu trước, «? câu hỏi» để hỏi tài liệu.";
    if (prompt.kind === "question") {
      const step = checklist.steps[prompt.stepIndex]!;
      const field = fieldAt(checklist, { step: prompt.stepIndex, field: prompt.fieldIndex });
      const lines = [`Bước ${prompt.stepIndex + 1}/${total} ${progressBar(total, prompt.stepIndex + 1)} — ${step.title}`];
      if (prompt.newStep) {
        lines.push(`Vì sao: ${step.why}`, `Nguồn: ${[step.source.document, step.source.section].filter(Boolean).join(" › ")}`);
        for (const tip of step.tips) lines.push(`💡 ${tip.text} (Nguồn: ${tip.source.document})`);
        lines.push(`Hoàn thành khi: ${step.done}`);
      }
      lines.push("", `❓ ${field.label}${field.required ? "" : " (không bắt buộc)"}`);
      if (field.help) lines.push(field.help);
      if (field.type === "date") lines.push("Nhập ngày dạng ngày/tháng/năm, ví dụ 15/3/2026.");
      if (prompt.error) lines.push(`⚠️ ${prompt.error}`);
      const options: Option[] = field.type === "choice"
        ? field.options!.map((o, i) => ({ label: `${i + 1}. ${o}`, value: String(i + 1) }))
        : field.type === "yesno" ? [{ label: "1. Có", value: "có" }, { label: "2. Không", value: "không" }] : [];
      if (options.length && field.type === "choice") lines.push(...options.map((o) => o.label));
      lines.push(actions);
      const nav: Option[] = [{ label: "⬅️ Quay lại", value: "quay lại" }, ...(field.required ? [] : [{ label: "⏭ Bỏ qua", value: "bỏ qua" }]), { label: "✏️ Sửa", value: "sửa" }];
      return { text: lines.join("\n"), options: [...options, ...nav] };
    }
    if (prompt.kind === "confirm") {
      const summary = checklistSummary(checklist, state);
      return {
        text: `Tóm tắt các câu trả lời:\n\n${summary}${prompt.error ? `\n\n⚠️ ${prompt.error}` : ""}\n\nGõ «xác nhận» để hoàn thành, hoặc «sửa» để chỉnh.`,
        options: [{ label: "✅ Xác nhận", value: "xác nhận" }, { label: "✏️ Sửa", value: "sửa" }],
      };
    }
    return { text: prompt.kind === "done" ? "🎉 Hoàn thành! Kế hoạch gửi kèm dưới đây." : "Đã hủy danh mục. Gõ /mohinh khi muốn bắt đầu lại.", options: [] };
  }


/** Any reply as text with numbered options: what the web page, Zalo and the terminal show. */
export function asText(reply: Reply): { text: string; options?: Option[] } {
  if (reply.kind === "checklist") return checklistAsText(reply.checklist, reply.state, reply.prompt);
  if (reply.kind === "checklist-edit") {
    return {
      text: `Chọn câu muốn sửa (gõ số):\n${reply.fields.map((f, i) => `${i + 1}. ${f.label}: ${f.value}`).join("\n")}`,
      options: reply.fields.map((f, i) => ({ label: `${i + 1}. ${f.label}`, value: String(i + 1) })),
    };
  }
  if (reply.kind === "text") return reply;
  return { text: renderPlain(reply) };
}

/** Plain-text rendering shared by channels without rich formatting (Zalo, terminal). */
export function renderPlain(reply: Reply): string {
  switch (reply.kind) {
    case "text":
    case "checklist":
    case "checklist-edit": {
      const { text, options } = reply.kind === "text" ? reply : asText(reply);
      const listed = /\n\d\.|\n[A-J]\./.test(text);
      const hint = (o: Option) => (/^\d+$/.test(o.value) || o.label.includes(o.value) ? `→ ${o.label}` : `→ ${o.label} (gõ «${o.value}»)`);
      return options?.length && !listed ? `${text}\n${options.map(hint).join("\n")}` : text;
    }
    case "answer": {
      const { result } = reply;
      if (result.grade === "none" || result.citations.length === 0) return result.answer;
      const sources = result.citations.map((c) => `[${c.n}] ${c.label}`).join("\n");
      return `${result.answer}\n\nNguồn:\n${sources}\n(Gõ «nguồn 1» để xem toàn văn nguồn 1.)`;
    }
    case "passage":
      return `Nguồn ${reply.n}: ${reply.passage.citation}\n\n${reply.passage.text.trim()}`;
    case "documents":
      return reply.documents.length
        ? `Kho tài liệu có ${reply.documents.length} văn bản:\n${reply.documents.map((d, i) => `${i + 1}. ${d.title}${d.number ? ` (số ${d.number})` : ""}${d.date ? ` — ${displayDate(d.date)}` : ""} — ${d.chunkCount} đoạn`).join("\n")}`
        : "Chưa có tài liệu nào trong kho.";
    case "file":
      return `📄 ${reply.caption}: ${reply.fileName}`;
  }
}

/** Cuts a text into pieces of at most `limit` characters on paragraph, line, then word boundaries. */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf("\n\n");
    if (cut < limit * 0.4) cut = window.lastIndexOf("\n");
    if (cut < limit * 0.4) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = limit;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
