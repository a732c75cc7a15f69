import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isAppError } from "../../src/errors.ts";
import { loadConfig } from "../../src/config.ts";
import { copyKnowledgeIndex, ROOT, tempDir, writeFiles } from "../helpers/index.ts";
import { NODE } from "../helpers/processes.ts";

const run = promisify(execFile);
let dataDir: string;
let cleanup: () => Promise<void>;

/** Runs one of the project's commands as a user would, in its own process with its own environment. */
async function command(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(NODE, [path.join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

type Main = (argv: string[]) => Promise<number>;
const MAINS: Record<string, () => Promise<Main>> = {
  "bot/cli/ask.ts": async () => (await import("../../bot/cli/ask.ts")).main as Main,
  "bot/cli/eval.ts": async () => (await import("../../bot/cli/eval.ts")).main,
  "ingest/cli.ts": async () => (await import("../../ingest/cli.ts")).main,
  "bot/cli/documents.ts": async () => (await import("../../bot/cli/documents.ts")).main,
  "bot/cli/curated.ts": async () => (await import("../../bot/cli/curated.ts")).main,
};

/**
 * Runs a command's main function in this process, with the environment and output a user's run would
 * have (exit code, stdout, stderr with "Lỗi: …" for an AppError, as `runMain` prints it). Spawning a
 * process costs 2–3 s each; the tests that spawn (below) cover the way in from the shell.
 */
async function inProcess(script: string, args: string[], env: Record<string, string> = {}) {
  const main = await MAINS[script]!();
  const saved = { ...process.env };
  Object.assign(process.env, { DATA_DIR: dataDir, ...env });
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void (stdout += `${parts.map(String).join(" ")}\n`));
  const error = vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void (stderr += `${parts.map(String).join(" ")}\n`));
  try {
    return { code: await main(args), stdout, stderr };
  } catch (caught) {
    return { code: 1, stdout, stderr: `${stderr}${isAppError(caught) ? `Lỗi: ${caught.message}` : String(caught)}\n` };
  } finally {
    for (const spy of [out, err, log, error]) spy.mockRestore();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

beforeAll(async () => {
  ({ dir: dataDir, cleanup } = await tempDir());
  // Every test that reads the index finds one, whatever runs before it (vitest -t runs one alone).
  await copyKnowledgeIndex(path.join(dataDir, "index"));
});
afterAll(() => cleanup());

describe("command line", () => {
  it("ask and eval say when there is no index yet, and name the command that builds it", async () => {
    const ask = await inProcess("bot/cli/ask.ts", ["Dân vận là gì?"], { DATA_DIR: path.join(dataDir, "empty") });
    expect(ask.code).toBe(1);
    expect(ask.stderr).toMatch(/Chưa có chỉ mục tài liệu.*npm run ingest.*npm start/s);
    const evaluation = await inProcess("bot/cli/eval.ts", ["--questions", path.join(ROOT, "test/fixtures/holdout.jsonl")], { DATA_DIR: path.join(dataDir, "empty") });
    expect(evaluation.stderr).toMatch(/Chưa có chỉ mục tài liệu/);
  });

  it("ingest --json prints one summary, and a second run changes nothing", async () => {
    const fresh = { DATA_DIR: path.join(dataDir, "fresh") };
    const first = await command("ingest/cli.ts", ["--json"], fresh);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    const files = (await readdir(path.join(ROOT, "knowledge/documents"))).filter((f) => !f.endsWith(".meta.yaml"));
    expect(report.files.filter((f: { status: string }) => f.status === "added")).toHaveLength(files.length);
    // A file may hold more than one document (an article and the guidance after it).
    expect(report.documents).toBeGreaterThanOrEqual(files.length);
    const second = JSON.parse((await command("ingest/cli.ts", ["--json"], fresh)).stdout);
    expect(second.changed).toBe(false);
  });

  it("ingest --strict exits non-zero when a file is bad, and names the file and the reason", async () => {
    const { dir, cleanup: done } = await tempDir();
    await writeFiles(dir, { "docs/tot.txt": "KẾ HOẠCH\nvề thử nghiệm\n\n1. Mục đích\nNội dung đầy đủ của kế hoạch.", "docs/hong.pdf": "không phải PDF" });
    const lenient = await inProcess("ingest/cli.ts", ["--dir", path.join(dir, "docs")], { DATA_DIR: path.join(dir, "data") });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/hong\.pdf: lỗi — đuôi \.pdf nhưng nội dung không phải PDF/);
    const strict = await inProcess("ingest/cli.ts", ["--dir", path.join(dir, "docs"), "--strict", "--rebuild"], { DATA_DIR: path.join(dir, "data") });
    expect(strict.code).toBe(1);
    await done();
  });

  it("ask --json prints exactly one object of the documented shape", async () => {
    const { stdout, code } = await inProcess("bot/cli/ask.ts", ["--json", "--k", "3", "Ai làm công tác dân vận hiệu quả nhất?"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result).sort()).toEqual(["abstained", "answer", "citations", "confidence", "grade", "ms", "passages", "question"]);
    expect(result.question).toBe("Ai làm công tác dân vận hiệu quả nhất?");
    expect(["answer", "related", "none"]).toContain(result.grade);
    expect(result.abstained).toBe(result.grade !== "answer");
    expect(result.passages).toHaveLength(3);
    for (const key of ["rank", "chunkId", "docTitle", "docNumber", "section", "text", "score"]) expect(result.passages[0]).toHaveProperty(key);
    for (const key of ["n", "chunkId", "docTitle", "docNumber", "section", "quote", "alsoIn", "validity"]) expect(result.citations[0]).toHaveProperty(key);
    expect(["in-force", "superseded", "amended", "not-yet-in-force", "unknown"]).toContain(result.citations[0].validity.status);
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.answer).toContain(result.citations[0]!.quote.split(" … ")[0]!.slice(0, 30));
  });

  it("documents --json lists the registry: each document's level, effective date, status and relations", async () => {
    const { stdout, code } = await inProcess("bot/cli/documents.ts", ["--json"]);
    expect(code).toBe(0);
    const documents = JSON.parse(stdout.trim()) as Array<Record<string, unknown> & { relations: Array<{ type: string; target: { number: string; id?: string }; evidence: string }> }>;
    expect(documents.length).toBeGreaterThan(0);
    for (const d of documents) {
      expect(["trung-uong", "tinh", "huyen", "xa", ""]).toContain(d.level);
      expect(typeof d.effective).toBe("string");
      expect(["in-force", "superseded", "amended", "not-yet-in-force", "unknown"]).toContain(d.status);
    }
    // The 2015 Kết luận asks for a directive to replace Chỉ thị 18/2000/CT-TTg, which is not in the documents: an unresolved reference.
    const reference = documents.flatMap((d) => d.relations).find((r) => r.target.number === "18/2000/CT-TTg");
    expect(reference).toMatchObject({ type: "references", evidence: expect.stringContaining("18/2000/CT-TTg") });
    expect(reference!.target.id).toBeUndefined();
    const table = await inProcess("bot/cli/documents.ts", []);
    expect(table.stdout).toMatch(/Sổ văn bản: \d+ văn bản/);
    expect(table.stdout).toContain("18/2000/CT-TTg (chưa có trong kho)");
  });

  it("curated add / list / remove, and ask --json serves an approved answer as grade 'curated' for the question in other words", async () => {
    const asked = JSON.parse((await inProcess("bot/cli/ask.ts", ["--json", "Ai làm công tác dân vận hiệu quả nhất?"])).stdout.trim());
    const chunkId = asked.citations[0].chunkId as string;
    const missing = await inProcess("bot/cli/curated.ts", ["add", "--question", "Ai làm dân vận hiệu quả nhất?", "--answer", "Người đứng đầu.", "--cite", "c_khong_co"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Không có đoạn c_khong_co/);
    const added = await inProcess("bot/cli/curated.ts", ["add", "--question", "Ai làm công tác dân vận hiệu quả nhất?", "--answer", "Người đứng đầu cấp ủy, thủ trưởng cơ quan (câu trả lời đã duyệt).", "--cite", chunkId]);
    expect(added.code).toBe(0);
    const id = added.stdout.match(/Đã duyệt (\S+):/)![1]!;
    expect((await inProcess("bot/cli/curated.ts", ["list"])).stdout).toContain(`${id} · đang dùng · 0 lượt`);
    const curated = JSON.parse((await inProcess("bot/cli/ask.ts", ["--json", "ai lam cong tac dan van hieu qua nhat"])).stdout.trim());
    expect(curated).toMatchObject({ grade: "curated", abstained: false });
    expect(curated.answer).toMatch(/^✅ Câu trả lời đã được duyệt\n\nNgười đứng đầu cấp ủy, thủ trưởng cơ quan \(câu trả lời đã duyệt\)\./);
    expect(curated.citations[0].chunkId).toBe(chunkId);
    // Another question, however close in words, is not given it.
    const other = JSON.parse((await inProcess("bot/cli/ask.ts", ["--json", "Vì sao nói người đứng đầu làm dân vận hiệu quả nhất?"])).stdout.trim());
    expect(other.grade).not.toBe("curated");
    expect((await inProcess("bot/cli/curated.ts", ["list"])).stdout).toContain(`${id} · đang dùng · 1 lượt`);
    expect((await inProcess("bot/cli/curated.ts", ["remove", id])).code).toBe(0);
    expect(JSON.parse((await inProcess("bot/cli/ask.ts", ["--json", "ai lam cong tac dan van hieu qua nhat"])).stdout.trim()).grade).not.toBe("curated");
  });

  it("ask --json answers a question with no searchable word politely and exits 0", async () => {
    const { stdout, code } = await inProcess("bot/cli/ask.ts", ["--json", "?"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout.trim());
    expect(result).toMatchObject({ abstained: true, grade: "none", citations: [] });
    expect(result.answer).toMatch(/chưa có chữ nào để tra cứu/);
  });

  it("ask --explain prints why: the question's type and focus, the rules tried, the features and the scores", async () => {
    const { stdout, code } = await inProcess("bot/cli/ask.ts", ["--explain", "BCH CĐ cơ quan có trách nhiệm gì trong thực hiện QCDC?"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Loại câu hỏi: list · đối tượng: «ban chap hanh cong doan co quan»/);
    expect(stdout).toMatch(/Quy tắc đã thử: .*\(answered\)/);
    expect(stdout).toMatch(/Đặc trưng: coverage=\d/);
    expect(stdout).toMatch(/Tài liệu có đề cập: 0\.\d+ \(ngưỡng 0\.\d+\) · câu trả lời đúng: 0\.\d+ \(ngưỡng 0\.\d+\) → (answer|related|none)/);
    expect(stdout).toMatch(/Các đoạn tìm được:\n  1\. điểm/);
  });

  it("ask --batch answers every line in input order with its id", async () => {
    const { dir, cleanup: done } = await tempDir();
    await writeFiles(dir, { "q.jsonl": '{"id":"a","question":"dan van la gi"}\n{"id":"b","question":"Giá vàng hôm nay?"}\n' });
    const { stdout } = await inProcess("bot/cli/ask.ts", ["--json", "--batch", path.join(dir, "q.jsonl")]);
    const rows = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(rows.map((r) => [r.id, r.abstained])).toEqual([["a", false], ["b", true]]);
    await done();
  });

  it("eval prints recall, MRR, citation hits, abstain accuracy and latency", async () => {
    const { stdout, code } = await inProcess("bot/cli/eval.ts", ["--questions", path.join(ROOT, "test/fixtures/holdout.jsonl"), "--json"]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.recallAtK).toBeGreaterThanOrEqual(0.9);
    expect(summary.unanswerableAbstained).toBe(summary.unanswerable);
    expect(summary.latencyP95).toBeGreaterThan(0);
  });

  it("a wrong setting stops the program with a message naming the variable", async () => {
    const { code, stderr } = await command("bot/cli/ask.ts", ["Dân vận là gì?"], { EMBEDDING_PROVIDER: "magic" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/EMBEDDING_PROVIDER/);
    expect(() => loadConfig({ MAX_FILE_MB: "-3" })).toThrow(/MAX_FILE_MB/);
  });
});
