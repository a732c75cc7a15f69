import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { TrustProxy } from "../../src/config.ts";
import type { Logger } from "../../src/log.ts";
import type { StateStore } from "../../src/state/store.ts";
import { adminText as a } from "../messages.ts";
import { clientAddress } from "../web/server.ts";
import type { AdminAuth, AdminSession } from "./auth.ts";
import { createAdminAuth, SESSION_COOKIE, SESSION_TTL_MS } from "./auth.ts";
import type { Library } from "./library.ts";
import type { Curation } from "./curation.ts";
import { consolePage, disabledPage, loginPage } from "./pages.ts";
import { barChart } from "./charts.ts";
import { askedCount, leaderboard } from "../../src/quiz/engine.ts";
import { mostMissed } from "../../src/quiz/results.ts";

const PUBLIC = path.join(path.dirname(fileURLToPath(import.meta.url)), "public");
const ASSETS: Record<string, string> = { "/admin/admin.js": "text/javascript; charset=utf-8", "/admin/admin.css": "text/css; charset=utf-8" };

const uploadFields = z.object({
  title: z.string().max(300).optional(),
  number: z.string().max(60).optional(),
  date: z.string().regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/, a.badDate).optional(),
  issuer: z.string().max(200).optional(),
});

export type AdminDeps = {
  /** ADMIN_PASSWORD; without it /admin only says how to enable the console. */
  password: string | undefined;
  library: Library;
  /** Curated answers and the review pages; left out, the console manages documents only. */
  curation?: Curation;
  store: StateStore;
  logger: Logger;
  maxBytes: number;
  trustProxy?: TrustProxy;
  /** A quiz question's text by id (the quiz bank), for the most-missed list. */
  questionText?: (id: string) => string | undefined;
};

type Caller = { actor: string; session?: AdminSession };

/**
 * The admin console at /admin and its JSON API (/admin/api/…), on the web chat's server. A browser
 * logs in with a form; every state-changing request then needs the session's CSRF token in
 * `X-CSRF-Token` and, when the browser says where it comes from, this server's own origin. Scripts use
 * `Authorization: Bearer <ADMIN_PASSWORD>`. Every change is written to the audit log (the library does).
 */
export function mountAdmin(app: Hono, deps: AdminDeps): void {
  const auth: AdminAuth | undefined = deps.password ? createAdminAuth(deps.password) : undefined;
  const addressOf = (c: Context) => {
    const peer = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? "?";
    return clientAddress(peer, c.req.header("x-forwarded-for"), deps.trustProxy ?? { kind: "none" });
  };
  /**
   * The origin browsers see: this server's own, or behind a trusted proxy (TRUST_PROXY) the scheme it
   * forwards (`X-Forwarded-Proto: https`) with the Host asked for.
   */
  const publicOrigin = (c: Context) => {
    const own = new URL(c.req.url);
    const forwarded = (deps.trustProxy?.kind ?? "none") !== "none" ? c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
    return forwarded === "https" || forwarded === "http" ? `${forwarded}://${c.req.header("x-forwarded-host") ?? c.req.header("host") ?? own.host}` : own.origin;
  };
  const secure = (c: Context) => publicOrigin(c).startsWith("https:");
  /** A state-changing request from a page of another site is refused, whatever it carries. */
  const foreign = (c: Context) => {
    const origin = c.req.header("origin");
    return (origin !== undefined && origin !== publicOrigin(c) && origin !== new URL(c.req.url).origin) || c.req.header("sec-fetch-site") === "cross-site";
  };
  /** Who calls, if allowed: a script with the password, or a logged-in browser (with its CSRF token for changes). */
  const callerOf = (c: Context, changing: boolean): Caller | Response => {
    if (!auth) return c.json({ error: a.disabled }, 404);
    const address = addressOf(c);
    const bearer = auth.bearer(c.req.header("authorization"), address);
    if (bearer.kind === "ok") return { actor: `api:${address}` };
    if (bearer.kind === "refused") {
      if (bearer.logged) void audit(deps, `api:${address}`, bearer.wait > 0 ? "login-blocked" : "login-failed", "", "bearer");
      return bearer.wait > 0 ? c.json({ error: a.loginBlocked(Math.ceil(bearer.wait / 60)) }, 429) : c.json({ error: a.loginWrong }, 401);
    }
    const session = auth.session(getCookie(c, SESSION_COOKIE));
    if (!session) return c.json({ error: a.loginNeeded }, 401);
    if (changing && (foreign(c) || c.req.header("x-csrf-token") !== session.csrf)) {
      deps.logger.warn("admin.csrf_refused", { address: addressOf(c), path: c.req.path });
      return c.json({ error: a.csrfRefused }, 403);
    }
    return { actor: `web:${addressOf(c)}`, session };
  };

  for (const [route, type] of Object.entries(ASSETS)) {
    app.get(route, async (c) => c.body(await readFile(path.join(PUBLIC, path.basename(route)), "utf8"), 200, { "content-type": type, "cache-control": "no-cache" }));
  }

  app.get("/admin", (c) => {
    if (!auth) return c.html(disabledPage());
    const session = auth.session(getCookie(c, SESSION_COOKIE));
    return session ? c.html(consolePage(session.csrf)) : c.html(loginPage());
  });

  app.post("/admin/login", bodyLimit({ maxSize: 4096, onError: (c) => c.html(loginPage(a.tooLarge), 413) }), async (c) => {
    if (!auth) return c.html(disabledPage(), 404);
    if (foreign(c)) return c.html(loginPage(a.csrfRefused), 403);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const password = typeof form.password === "string" ? form.password : "";
    const address = addressOf(c);
    const result = auth.login(password, address);
    if (!result.ok) {
      if (result.logged) await audit(deps, `web:${address}`, result.wait > 0 ? "login-blocked" : "login-failed", "", "");
      return c.html(loginPage(result.wait > 0 ? a.loginBlocked(Math.ceil(result.wait / 60)) : a.loginWrong), result.wait > 0 ? 429 : 401);
    }
    setCookie(c, SESSION_COOKIE, result.session.token, { httpOnly: true, sameSite: "Strict", path: "/admin", maxAge: SESSION_TTL_MS / 1000, secure: secure(c) });
    await audit(deps, `web:${address}`, "login", "", "");
    return c.redirect("/admin", 303);
  });

  app.post("/admin/logout", (c) => {
    const caller = callerOf(c, true);
    if (caller instanceof Response) return caller;
    auth!.logout(caller.session?.token);
    deleteCookie(c, SESSION_COOKIE, { path: "/admin" });
    return c.json({ ok: true });
  });

  app.get("/admin/api/documents", async (c) => {
    const caller = callerOf(c, false);
    if (caller instanceof Response) return caller;
    return c.json({ documents: await deps.library.list() });
  });

  app.post("/admin/api/documents", bodyLimit({ maxSize: deps.maxBytes + 64 * 1024, onError: (c) => c.json({ error: a.fileTooLarge(deps.maxBytes) }, 413) }), async (c) => {
    const caller = callerOf(c, true);
    if (caller instanceof Response) return caller;
    const form = await c.req.parseBody().catch(() => undefined);
    const file = form?.file;
    if (!(file instanceof File)) return c.json({ error: a.noFile }, 400);
    const fields = uploadFields.safeParse(Object.fromEntries(Object.entries(form ?? {}).filter(([key, value]) => key !== "file" && typeof value === "string")));
    if (!fields.success) return c.json({ error: fields.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, 400);
    try {
      const result = await deps.library.upload(caller.actor, { fileName: file.name, data: Buffer.from(await file.arrayBuffer()), meta: fields.data });
      return c.json(result, result.status === "failed" ? 422 : 200);
    } catch (error) {
      deps.logger.error("admin.upload_error", { error, file: file.name });
      return c.json({ error: a.uploadError }, 500);
    }
  });

  app.delete("/admin/api/documents/:id", async (c) => {
    const caller = callerOf(c, true);
    if (caller instanceof Response) return caller;
    try {
      const removed = await deps.library.remove(caller.actor, c.req.param("id"));
      return removed ? c.json({ removed }) : c.json({ error: a.noDocument }, 404);
    } catch (error) {
      deps.logger.error("admin.remove_error", { error });
      return c.json({ error: a.removeError }, 500);
    }
  });

  const curation = deps.curation;
  if (curation) {
    app.get("/admin/api/curated", async (c) => {
      const caller = callerOf(c, false);
      if (caller instanceof Response) return caller;
      return c.json({ curated: await curation.list() });
    });
    app.post("/admin/api/curated", bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: a.tooLarge }, 413) }), async (c) => {
      const caller = callerOf(c, true);
      if (caller instanceof Response) return caller;
      const body = await c.req.json().catch(() => undefined);
      const result = await curation.approve(caller.actor, body);
      return result.ok ? c.json({ curated: result.entry }) : c.json({ error: result.error }, 400);
    });
    app.delete("/admin/api/curated/:id", async (c) => {
      const caller = callerOf(c, true);
      if (caller instanceof Response) return caller;
      return (await curation.remove(caller.actor, c.req.param("id"))) ? c.json({ ok: true }) : c.json({ error: a.noCurated }, 404);
    });
    app.get("/admin/api/review", async (c) => {
      const caller = callerOf(c, false);
      if (caller instanceof Response) return caller;
      const [downvoted, refused] = await Promise.all([curation.downvoted(), curation.refusedTopics()]);
      return c.json({ downvoted, refused });
    });
  }

  // Usage over time and group-quiz results, drawn here (SVG) for the console.
  app.get("/admin/api/stats", async (c) => {
    const caller = callerOf(c, false);
    if (caller instanceof Response) return caller;
    return c.json(await statsOf(deps));
  });
  app.get("/admin/charts/:name{(usage|quizzes)\\.svg}", async (c) => {
    const caller = callerOf(c, false);
    if (caller instanceof Response) return caller;
    const stats = await statsOf(deps);
    const svg = c.req.param("name") === "usage.svg"
      ? barChart({ title: a.usageChart, description: a.usageChartDescription(stats.days.length), labels: stats.days.map((d) => d.day.slice(5).split("-").reverse().join("/")), series: [
        { name: a.questionsSeries, values: stats.days.map((d) => d.questions), color: "#1a73e8" },
        { name: a.refusedSeries, values: stats.days.map((d) => d.refused), color: "#b3261e" },
        { name: a.upSeries, values: stats.days.map((d) => d.up), color: "#1e7b34" },
        { name: a.downSeries, values: stats.days.map((d) => d.down), color: "#8a5a00" },
      ] })
      : barChart({ title: a.quizChart, description: a.quizChartDescription(stats.quizzes.length), labels: stats.quizzes.map((q) => q.startedAt.slice(5, 10).split("-").reverse().join("/")), series: [
        { name: a.scoreSeries, values: stats.quizzes.map((q) => q.averagePercent), color: "#1e7b34" },
        { name: a.participantsSeries, values: stats.quizzes.map((q) => q.participants), color: "#5b6270" },
      ] });
    return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "no-store" });
  });

  app.get("/admin/api/audit", async (c) => {
    const caller = callerOf(c, false);
    if (caller instanceof Response) return caller;
    return c.json({ entries: await deps.store.auditLog(200) });
  });
}

/** The console's statistics: questions per day over 30 days, the last 12 group quizzes, the most missed quiz questions. */
async function statsOf(deps: AdminDeps) {
  const days = await deps.store.usageByDay(30);
  const quizzes = (await deps.store.endedGroupQuizzes(12)).reverse();
  const missed = mostMissed(quizzes, 5);
  return {
    days,
    quizzes: quizzes.map((q) => {
      const rows = leaderboard(q);
      const asked = Math.max(1, askedCount(q));
      const averagePercent = rows.length ? Math.round((100 * rows.reduce((n, r) => n + r.correct, 0)) / (rows.length * asked)) : 0;
      return { id: q.id, topic: q.topic, startedAt: q.startedAt, participants: rows.length, questions: askedCount(q), averagePercent };
    }),
    mostMissed: missed.map((m) => ({ ...m, question: deps.questionText?.(m.id) ?? m.id })),
  };
}

async function audit(deps: AdminDeps, actor: string, action: string, target: string, detail: string): Promise<void> {
  await deps.store.audit({ at: new Date().toISOString(), actor, action, target, detail }).catch((error: unknown) => deps.logger.error("admin.audit_failed", { error, action }));
}
