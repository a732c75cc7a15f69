import { z } from "zod";
import { AppError } from "../../src/errors.ts";

/**
 * A small client for the Zalo Bot Platform API, which is shaped like Telegram's:
 * POST {root}/bot{token}/{method} with JSON, answering {ok, result} or {ok: false, error_code, description}.
 * Differences handled here: getUpdates returns one update (not a list) and has no offset, and error
 * code 408 means "no update yet".
 */

export const zaloMessageSchema = z.object({
  message_id: z.union([z.string(), z.number()]).optional(),
  from: z.object({ id: z.union([z.string(), z.number()]).transform(String), display_name: z.string().optional(), name: z.string().optional() }).passthrough(),
  chat: z.object({ id: z.union([z.string(), z.number()]).transform(String), chat_type: z.string().optional() }).passthrough(),
  text: z.string().optional(),
  date: z.number().optional(),
}).passthrough();

export const zaloUpdateSchema = z.object({
  event_name: z.string(),
  message: zaloMessageSchema.optional(),
}).passthrough();
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

const responseSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});

export class ZaloApiError extends AppError {
  readonly errorCode: number | undefined;
  constructor(method: string, errorCode: number | undefined, description: string | undefined) {
    super("failed:zalo", `Zalo ${method}: ${errorCode ?? "?"} ${description ?? ""}`.trim(), { method, errorCode });
    this.errorCode = errorCode;
  }
}

export function createZaloClient(options: { token: string; apiRoot: string; fetch?: typeof fetch }) {
  const doFetch = options.fetch ?? fetch;
  const root = options.apiRoot.replace(/\/$/, "");

  async function call<T = unknown>(method: string, body: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    const response = await doFetch(`${root}/bot${options.token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
    const parsed = responseSchema.safeParse(await response.json().catch(() => ({ ok: false, error_code: response.status, description: response.statusText })));
    if (!parsed.success) throw new ZaloApiError(method, response.status, "câu trả lời không đúng dạng");
    if (!parsed.data.ok) throw new ZaloApiError(method, parsed.data.error_code ?? response.status, parsed.data.description);
    return parsed.data.result as T;
  }

  return {
    call,
    getMe: () => call<{ id?: string; account_name?: string; display_name?: string; name?: string }>("getMe"),
    /** One update, or undefined when none arrived within the timeout (error 408). */
    async getUpdate(timeoutSeconds: number, signal?: AbortSignal): Promise<ZaloUpdate[]> {
      try {
        const result = await call<unknown>("getUpdates", { timeout: String(timeoutSeconds) }, signal);
        const list = Array.isArray(result) ? result : result ? [result] : [];
        return list.flatMap((item) => {
          const update = zaloUpdateSchema.safeParse(item);
          return update.success ? [update.data] : [];
        });
      } catch (error) {
        if (error instanceof ZaloApiError && error.errorCode === 408) return [];
        throw error;
      }
    },
    sendMessage: (chatId: string, text: string) => call("sendMessage", { chat_id: chatId, text }),
    sendChatAction: (chatId: string, action = "typing") => call("sendChatAction", { chat_id: chatId, action }),
    setWebhook: (url: string, secretToken: string) => call("setWebhook", { url, secret_token: secretToken }),
    deleteWebhook: () => call("deleteWebhook"),
    getWebhookInfo: () => call("getWebhookInfo"),
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;
