import { describe, expect, it } from "vitest";
import type { Intent } from "../../bot/core/intent.ts";
import { checklistWord, decodeIntent, encodeIntent, parseText, typedForm } from "../../bot/core/intent.ts";

const TYPED: Intent[] = [
  { kind: "help" },
  { kind: "documents" },
  { kind: "ask", question: "Dân vận là gì?" },
  { kind: "source", n: 2 },
  { kind: "practice-start", topic: "mô hình" },
  { kind: "practice-stop" },
  { kind: "checklist-start", checklistId: "mo-hinh-dan-van", restart: false },
  { kind: "checklist-start", checklistId: "", restart: true },
  { kind: "checklist-progress" },
  { kind: "checklist-export", exportId: "to-trinh" },
  { kind: "checklist-input", input: { kind: "cancel" } },
  { kind: "text", text: "Chi bộ Vụ Tổng hợp" },
  { kind: "level", level: "tinh" },
  { kind: "level", level: "all" },
  { kind: "level", level: undefined },
];
const STEERING: Intent[] = [
  { kind: "checklist-input", input: { kind: "back" } },
  { kind: "checklist-input", input: { kind: "skip" } },
  { kind: "checklist-input", input: { kind: "confirm" } },
  { kind: "checklist-edit-menu" },
];
const BUTTONS: Intent[] = [
  ...STEERING,
  { kind: "checklist-input", input: { kind: "answer", value: "3" } },
  { kind: "checklist-input", input: { kind: "answer", value: "không" } },
  { kind: "checklist-input", input: { kind: "edit", fieldId: "nguoi_phu_trach" } },
  { kind: "checklist-input", input: { kind: "cancel" } },
  { kind: "checklist-resume" },
  { kind: "checklist-start", checklistId: "", restart: true },
  { kind: "checklist-start", checklistId: "to-chuc-hoi-nghi", restart: false },
  { kind: "checklist-export", exportId: "to-trinh" },
  { kind: "text", text: "B" },
  { kind: "documents" },
];

describe("intents: what typed text and buttons mean, read in one place", () => {
  it.each(TYPED.map((intent) => [typedForm(intent), intent] as const))("«%s» is read back as the intent it stands for", (typed, intent) => {
    expect(parseText(typed!)).toEqual(intent);
  });

  it.each(STEERING.map((intent) => [typedForm(intent), intent] as const))("«%s» steers an open checklist", (typed, intent) => {
    expect(checklistWord(typed!)).toEqual(intent);
    expect(checklistWord(typed!.toUpperCase())).toEqual(intent);
  });

  it("reads the words that mean a command on every channel, with or without marks", () => {
    expect(parseText("tài liệu")).toEqual({ kind: "documents" });
    expect(parseText("tai lieu")).toEqual({ kind: "documents" });
    expect(parseText("Nguồn 3")).toEqual({ kind: "source", n: 3 });
    expect(parseText("/mohinh bat dau lai")).toEqual({ kind: "checklist-start", checklistId: "", restart: true });
    expect(parseText("/khongcolenhnay")).toEqual({ kind: "unknown-command", name: "khongcolenhnay" });
    expect(parseText("quay lại")).toEqual({ kind: "text", text: "quay lại" });
    expect(parseText("/mohinh bắt đầu lại từ đầu")).toEqual({ kind: "checklist-start", checklistId: "", restart: true });
  });

  it.each(BUTTONS.map((intent) => [JSON.stringify(intent), intent] as const))("a button carrying %s fits Telegram's 64 bytes and decodes to it", (_name, intent) => {
    const data = encodeIntent(intent)!;
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(decodeIntent(data)).toEqual(intent);
  });

  it("gives no button for data that does not fit, and ignores data that is not an intent", () => {
    expect(encodeIntent({ kind: "text", text: "dài ".repeat(40) })).toBeUndefined();
    expect(decodeIntent("src:abc:1")).toBeUndefined();
    expect(decodeIntent("qz:abc:1:2")).toBeUndefined();
  });

  it("still reads buttons sent before intents, which stay in users' chats", () => {
    expect(decodeIntent("cx:quay lại")).toEqual({ kind: "text", text: "quay lại" });
    expect(decodeIntent("cx:/xuat to-trinh")).toEqual({ kind: "checklist-export", exportId: "to-trinh" });
    expect(decodeIntent("cl:cancel:no")).toEqual({ kind: "checklist-resume" });
    expect(decodeIntent("cl:cancel:yes")).toEqual({ kind: "checklist-input", input: { kind: "cancel" } });
  });
});
