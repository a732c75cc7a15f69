import { InlineKeyboard } from "grammy";
import type { Bot, Context } from "grammy";
import type { Logger } from "../../src/log.ts";
import type { Library } from "../admin/library.ts";
import { uploadText as u } from "../messages.ts";
import { escapeHtml } from "./render.ts";

export type UploadDeps = {
  library: Library;
  token: string;
  apiRoot?: string;
  maxBytes: number;
  isAdmin: (ctx: Context) => boolean;
  logger: Logger;
};

// Callback data: "adm:ask:<docId>" (asks to confirm), "adm:rm:<docId>" (removes), "adm:keep".

/**
 * Admins keep the knowledge base from Telegram: a file sent in a private chat is downloaded (getFile),
 * stored and ingested like an upload in the console, and the reply says what was found with a "Gỡ bỏ"
 * button; `/xoatailieu <n>` (n as numbered by /tailieu) removes a document after confirmation. Anyone
 * else's file gets a polite refusal and nothing is written.
 */
export function registerUploads(bot: Bot, deps: UploadDeps): void {
  const { library, logger } = deps;
  const confirmKeyboard = (docId: string) => new InlineKeyboard().text(u.removeButton, `adm:rm:${docId}`).text(u.keepButton, "adm:keep");

  async function askToRemove(ctx: Context, docId: string): Promise<void> {
    const doc = (await library.list()).find((d) => d.id === docId);
    if (!doc) return void (await ctx.reply(u.gone));
    await ctx.reply(u.confirm(escapeHtml(doc.title), escapeHtml(doc.file)), { parse_mode: "HTML", reply_markup: confirmKeyboard(doc.id) });
  }

  bot.on("message:document", async (ctx, next) => {
    if (ctx.chat.type !== "private") return next();
    if (!deps.isAdmin(ctx)) return void (await ctx.reply(u.notAdmin));
    const document = ctx.message.document;
    const name = document.file_name ?? "tai-lieu";
    if (document.file_size !== undefined && document.file_size > deps.maxBytes) return void (await ctx.reply(u.tooLarge(Math.round(deps.maxBytes / 1048576))));
    await ctx.reply(u.working(escapeHtml(name)), { parse_mode: "HTML" });
    let data: Buffer;
    try {
      const file = await ctx.getFile();
      // The address holds the bot token: it is never logged.
      const response = await fetch(`${deps.apiRoot ?? "https://api.telegram.org"}/file/bot${deps.token}/${file.file_path}`);
      if (!response.ok) throw new Error(`tải tệp: HTTP ${response.status}`);
      data = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      logger.warn("telegram.upload_download_failed", { error, file: name, action: "the admin is asked to send it again" });
      return void (await ctx.reply(u.downloadFailed));
    }
    const result = await library.upload(`telegram:${ctx.from.id}`, { fileName: name, data }).catch((error: unknown) => {
      logger.error("telegram.upload_failed", { error, file: name });
      return { status: "failed" as const, reason: u.uploadError, documents: [], passages: 0, warnings: [] };
    });
    if (result.status === "failed") return void (await ctx.reply(u.failed(escapeHtml(name), escapeHtml(result.reason ?? "")), { parse_mode: "HTML" }));
    const lines = result.documents.map((d) => `• ${escapeHtml(d.title)}${d.number ? ` — số ${escapeHtml(d.number)}` : ""}${d.date ? ` — ${escapeHtml(d.date)}` : ""}`);
    const keyboard = new InlineKeyboard();
    for (const d of result.documents.slice(0, 3)) keyboard.text(u.removeButton, `adm:ask:${d.id}`).row();
    await ctx.reply(u.done(result.status === "updated", lines, result.passages, result.warnings.map(escapeHtml)), { parse_mode: "HTML", reply_markup: keyboard });
  });

  bot.command("xoatailieu", async (ctx) => {
    if (!deps.isAdmin(ctx)) return void (await ctx.reply(u.adminOnly));
    const n = Number(ctx.match.trim());
    const documents = await library.list();
    const doc = Number.isInteger(n) && n >= 1 ? documents[n - 1] : undefined;
    if (!doc) return void (await ctx.reply(u.removeUsage(documents.length), { parse_mode: "HTML" }));
    await askToRemove(ctx, doc.id);
  });

  bot.callbackQuery(/^adm:(ask|rm|keep)(?::(.+))?$/, async (ctx) => {
    if (!deps.isAdmin(ctx)) return void (await ctx.answerCallbackQuery({ text: u.adminOnly }));
    const [, action, docId] = ctx.match as RegExpMatchArray;
    await ctx.answerCallbackQuery();
    if (action === "keep") return void (await ctx.reply(u.kept));
    if (action === "ask") return askToRemove(ctx, docId!);
    const removed = await library.remove(`telegram:${ctx.from.id}`, docId!);
    await ctx.reply(removed ? u.removed(removed.titles.map(escapeHtml), escapeHtml(removed.file)) : u.gone, { parse_mode: "HTML" });
  });
}
