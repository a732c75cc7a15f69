import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Conversation } from "../core/conversation.ts";
import type { Reply } from "../core/replies.ts";
import { typedOption } from "../core/replies.ts";
import { asText } from "../core/render-text.ts";
import { coreText, webText as w } from "../messages.ts";
import { createRateLimiter } from "../core/rate-limit.ts";
import type { TrustProxy } from "../../src/config.ts";
import type { Passage } from "../../src/index/schema.ts";
import { displayDate } from "../../src/index/schema.ts";
import type { Logger } from "../../src/log.ts";

const PUBLIC = path.join(path.dirname(fileURLToPath(import.meta.url)), "public");
const STATIC: Record<string, string> = { "/": "index.html", "/app.js": "app.js", "/style.css": "style.css" };
const TYPES: Record<string, string> = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8" };

const NOT_JSON = Symbol("not json");

/** Every message a user or a script can meet is in Vietnamese, zod's own English included. */
const messageSchema = z.object({
  session: z.string({ error: w.session.missing }).regex(/^[A-Za-z0-9_-]{8,64}$/, w.session.invalid),
  text: z.string({ error: w.message.missing }).max(4000, w.message.tooLong),
}, { error: w.message.shape });

const feedbackSchema = z.object({ session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), answerId: z.string().regex(/^[A-Za-z0-9_-]{4,32}$/), vote: z.union([z.literal(1), z.literal(-1)]) });

/** The JSON a reply becomes for the page: files turn into short-lived download links. */
function toJson(reply: Reply, keepFile: (reply: Extract<Reply, { kind: "file" }>) => string) {
  switch (reply.kind) {
    case "answer": {
      const r = reply.result;
      return { kind: "answer", answerId: reply.answerId, answer: r.answer, abstained: r.abstained, grade: r.grade, confidence: r.confidence, suggestions: r.suggestions, citations: r.citations.map(({ n, chunkId, label, quote, alsoIn }) => ({ n, chunkId, label, quote, ...(alsoIn.length ? { also: coreText.alsoInLine(alsoIn) } : {}) })) };
    }
    case "passage":
      return { kind: "passage", n: reply.n, citation: reply.passage.citation, text: reply.passage.text };
    case "documents":
      return { kind: "documents", documents: reply.documents.map((d) => ({ title: d.title, kind: d.kind, number: d.number, date: d.date ? displayDate(d.date) : "", chunks: d.chunkCount, level: d.level, status: d.validity.status, standing: coreText.documentStanding(d) })) };
    case "file":
      return { kind: "file", url: keepFile(reply), fileName: reply.fileName, caption: reply.caption };
    default: {
      // The page's buttons send back what a user would type for the option.
      const { text, options } = asText(reply);
      return { kind: "text", text, ...(options ? { options: options.map((o) => ({ label: o.label, value: typedOption(o) ?? o.label })) } : {}) };
    }
  }
}


const bare = (address: string) => address.replace(/^::ffff:/, "");

/**
 * The client's address for rate limiting. `X-Forwarded-For` is read only from a trusted proxy: a client
 * that sends its own header otherwise changes nothing. With trusted addresses, the rightmost entry that is
 * not one of them is the client; with a hop count, the entry that many hops from the right.
 */
export function clientAddress(peer: string, forwarded: string | undefined, trust: TrustProxy): string {
  if (trust.kind === "none" || !forwarded) return bare(peer);
  const chain = [...forwarded.split(",").map((a) => bare(a.trim())).filter(Boolean), bare(peer)];
  if (trust.kind === "hops") return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  if (!trust.addresses.includes(bare(peer))) return bare(peer);
  for (let i = chain.length - 1; i >= 0; i--) if (!trust.addresses.includes(chain[i]!)) return chain[i]!;
  return chain[0]!;
}

/**
 * The local web chat: a page (no external CDN: everything is served from here) and a JSON API over
 * the same conversation core as the bots. A browser keeps its own session id.
 */
export function createWebApp(deps: {
  conversation: Conversation; passage: (id: string) => Promise<Passage | undefined>; logger: Logger; app?: Hono; perMinute?: number; health?: () => unknown;
  /** 👍/👎 on an answer given to this session (for trainers to review); false when the answer is not theirs. */
  feedback?: (session: string, answerId: string, vote: 1 | -1) => Promise<boolean>;
  /** Whose `X-Forwarded-For` to believe (TRUST_PROXY); by default nobody's. */
  trustProxy?: TrustProxy;
}) {
  const app = deps.app ?? new Hono();
  // What an operator's probe reads: the index in force and each channel's state.
  app.get("/healthz", (c) => c.json({ status: "ok", ...(deps.health ? (deps.health() as object) : {}) }));
  const files = new Map<string, { fileName: string; mime: string; data: Buffer; expires: number }>();
  /** Per session and per client address. */
  const limited = createRateLimiter({ perMinute: deps.perMinute ?? 30 });
  const trust = deps.trustProxy ?? { kind: "none" };
  const keepFile = (reply: Extract<Reply, { kind: "file" }>) => {
    const token = randomBytes(12).toString("base64url");
    const now = Date.now();
    for (const [key, file] of files) if (file.expires < now) files.delete(key);
    // At most 200 files kept in memory: the oldest go first.
    while (files.size >= 200) files.delete(files.keys().next().value!);
    files.set(token, { fileName: reply.fileName, mime: reply.mime, data: reply.data, expires: now + 3_600_000 });
    return `/api/files/${token}`;
  };

  for (const [route, file] of Object.entries(STATIC)) {
    app.get(route, async (c) => {
      const body = await readFile(path.join(PUBLIC, file), "utf8");
      return c.body(body, 200, { "content-type": TYPES[file.split(".").pop()!]!, "cache-control": "no-cache" });
    });
  }

  app.post("/api/message", bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: w.tooLarge }, 413) }), async (c) => {
    const json = await c.req.json().catch(() => NOT_JSON);
    if (json === NOT_JSON) return c.json({ error: w.notJson }, 400);
    const parsed = messageSchema.safeParse(json);
    if (!parsed.success) return c.json({ error: parsed.error.issues.map((i) => `${i.path.join(".") || w.message.field}: ${i.message}`).join("; ") }, 400);
    const { session, text } = parsed.data;
    const peer = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? "?";
    const address = clientAddress(peer, c.req.header("x-forwarded-for"), trust);
    const wait = limited([`web:s:${session}`, `web:a:${address}`]);
    if (wait > 0) return c.json({ error: w.tooFast(wait) }, 429);
    try {
      const replies = await deps.conversation.handle({ channel: "web", chatId: session, userId: session, userName: "Bạn", text });
      return c.json({ replies: replies.map((r) => toJson(r, keepFile)) });
    } catch (error) {
      deps.logger.error("web.error", { error });
      return c.json({ error: w.error }, 500);
    }
  });

  app.post("/api/feedback", bodyLimit({ maxSize: 1024, onError: (c) => c.json({ error: w.tooLarge }, 413) }), async (c) => {
    if (!deps.feedback) return c.json({ error: w.noFeedback }, 404);
    const parsed = feedbackSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: w.badFeedback }, 400);
    const { session, answerId, vote } = parsed.data;
    try {
      return (await deps.feedback(session, answerId, vote)) ? c.json({ ok: true, thanks: coreText.feedbackThanks(vote === 1) }) : c.json({ error: w.badFeedback }, 404);
    } catch (error) {
      deps.logger.error("web.feedback_error", { error });
      return c.json({ error: w.error }, 500);
    }
  });

  app.get("/api/passage/:id", async (c) => {
    const passage = await deps.passage(c.req.param("id"));
    return passage ? c.json({ citation: passage.citation, text: passage.text }) : c.json({ error: w.noPassage }, 404);
  });

  app.get("/api/files/:token", (c) => {
    const file = files.get(c.req.param("token"));
    if (!file) return c.json({ error: w.fileExpired }, 404);
    return c.body(new Uint8Array(file.data), 200, {
      "content-type": file.mime,
      "content-disposition": `attachment; filename="${file.fileName}"`,
    });
  });

  return app;
}
