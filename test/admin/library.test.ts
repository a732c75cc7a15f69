import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLibrary, safeFileName } from "../../bot/admin/library.ts";
import { mountAdmin } from "../../bot/admin/routes.ts";
import type { App } from "../../bot/app.ts";
import { questionSimilarity, questionTerms } from "../../src/answer/curated.ts";
import { AppError } from "../../src/errors.ts";
import { loadLexicon } from "../../src/lexicon.ts";
import { silentLogger } from "../../src/log.ts";
import { LEXICON_FILE, openTestApp } from "../helpers/index.ts";

/** The knowledge library and the admin API under stress: parallel uploads, a failed ingest, long names, password guessing, a proxy. */
let app: App;
let knowledgeDir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, knowledgeDir, close: cleanup } = await openTestApp({ writable: true, env: { ADMIN_PASSWORD: "mat-khau-2026" } }));
}, 60_000);
afterAll(() => cleanup());

const rule = (n: number) => `QUY ĐỊNH SỐ ${n}\n\nĐiều 1. Tổ dân phố số ${n} họp vào ngày ${n} hằng tháng tại nhà văn hóa khu phố để bàn việc chung.\n`;

describe("the knowledge library", () => {
  it("three uploads at once are each ingested and listed", async () => {
    const results = await Promise.all([1, 2, 3].map((n) => app.library.upload("test", { fileName: `to-dan-pho-${n}.txt`, data: Buffer.from(rule(n)) })));
    for (const result of results) {
      expect(result.status).toBe("added");
      expect(result.passages).toBeGreaterThan(0);
    }
    const files = (await app.library.list()).map((d) => d.file);
    for (const n of [1, 2, 3]) expect(files).toContain(`documents/uploads/to-dan-pho-${n}.txt`);
  });

  it("a failed ingest leaves the folder as it was, the replaced file included", async () => {
    const uploads = path.join(knowledgeDir, "documents", "uploads");
    await mkdir(uploads, { recursive: true });
    await writeFile(path.join(uploads, "cu.txt"), rule(7));
    const failing = createLibrary({
      knowledgeDir, maxBytes: 1048576, registry: () => app.holder.current().index.registry(), audit: async () => undefined, logger: silentLogger,
      reload: async () => { throw new AppError("busy:ingest", "Một lần nạp tài liệu khác đang chạy."); },
    });
    const replaced = await failing.upload("test", { fileName: "cu.txt", data: Buffer.from(rule(8)) });
    expect(replaced).toMatchObject({ status: "failed", reason: expect.stringContaining("đang chạy") });
    expect(await readFile(path.join(uploads, "cu.txt"), "utf8")).toBe(rule(7));
    const added = await failing.upload("test", { fileName: "moi.txt", data: Buffer.from(rule(9)), meta: { number: "09-QĐ/ĐU" } });
    expect(added.status).toBe("failed");
    expect(await readdir(uploads)).not.toContain("moi.txt");
    expect(await readdir(uploads)).not.toContain("moi.txt.meta.yaml");
  });

  it("long names that differ only at the end stay two files", () => {
    const stem = "ke-hoach-thuc-hien-cong-tac-dan-van-cua-co-quan-chinh-quyen-cac-cap-tren-dia-ban-tinh-giai-doan";
    const a = safeFileName(`${stem} 2021-2025.txt`);
    const b = safeFileName(`${stem} 2026-2030.txt`);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(84);
    expect(safeFileName("Quy chế 09 (bản mới).DOCX")).toBe("quy-che-09-ban-moi.docx");
    expect(safeFileName("../../../etc/passwd.txt")).toBe("passwd.txt");
  });
});

describe("curated answers: what makes two questions different", () => {
  it("a negation or another number is another question; a yes/no 'không' at the end is not a negation", async () => {
    const { lexicon } = await loadLexicon(LEXICON_FILE);
    const stats = app.holder.current().index.stats;
    const sim = (a: string, b: string) => questionSimilarity(questionTerms(a, lexicon), questionTerms(b, lexicon), stats);
    expect(sim("Cán bộ được làm những việc gì khi tiếp dân?", "Cán bộ không được làm những việc gì khi tiếp dân?")).toBe(0);
    expect(sim("Cán bộ được làm những việc gì khi tiếp dân?", "can bo duoc lam nhung viec gi khi tiep dan")).toBeGreaterThan(0.85);
    expect(sim("bước 3 xây dựng mô hình là gì", "bước 4 xây dựng mô hình là gì")).toBe(0);
    expect(sim("Cán bộ có được nhận quà khi tiếp dân không?", "cán bộ có được nhận quà khi tiếp dân")).toBeGreaterThan(0.85);
  });

  it("refuses a citation whose quote is too short to cite anything", async () => {
    const chunkId = (await app.holder.current().index.allPassages())[0]!.id;
    for (const quote of [" ", "…", "và"]) {
      const result = await app.curation.approve("test", { question: "Câu hỏi thử nghiệm?", answer: "Trả lời thử.", citations: [{ chunkId, quote }] });
      expect(result.ok).toBe(false);
    }
  });
});

describe("the admin API's guards", () => {
  const admin = (trustProxy?: { kind: "hops"; hops: number }) => {
    const http = new Hono();
    mountAdmin(http, { password: "mat-khau-2026", library: app.library, store: app.store, logger: silentLogger, maxBytes: 1048576, ...(trustProxy ? { trustProxy } : {}) });
    return http;
  };

  it("wrong Bearer passwords count like wrong logins: the address then waits, and the guesses are audited once blocked", async () => {
    const http = admin();
    const bearer = (password: string) => http.request("/admin/api/documents", { headers: { authorization: `Bearer ${password}` } });
    for (let i = 0; i < 5; i++) expect((await bearer(`sai-${i}`)).status).toBe(401);
    expect((await bearer("mat-khau-2026")).status).toBe(429);
    expect((await bearer("sai-nua")).status).toBe(429);
    const log = await app.store.auditLog(50);
    expect(log.filter((e) => e.action === "login-failed" && e.detail === "bearer").length).toBeGreaterThanOrEqual(5);
    expect(log.filter((e) => e.action === "login-blocked" && e.detail === "bearer")).toHaveLength(1);
  });

  it("behind a trusted HTTPS proxy the login is accepted from the public origin and the cookie is Secure", async () => {
    const headers = { origin: "https://bot.example.org", host: "bot.example.org", "x-forwarded-proto": "https", "content-type": "application/x-www-form-urlencoded" };
    const login = (http: Hono) => http.request("/admin/login", { method: "POST", headers, body: "password=mat-khau-2026" });
    const proxied = await login(admin({ kind: "hops", hops: 1 }));
    expect(proxied.status).toBe(303);
    expect(proxied.headers.get("set-cookie")).toMatch(/; Secure/);
    // Without TRUST_PROXY the forwarded scheme is not believed: another origin.
    expect((await login(admin())).status).toBe(403);
  });
});
