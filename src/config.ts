import path from "node:path";
import { z } from "zod";
import { AppError } from "./errors.ts";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const positiveInt = (fallback: number) => z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));

/** Every setting the program reads, validated in one place. Documented in .env.example. */
export const configSchema = z.object({
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default("./knowledge")),
  EMBEDDING_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["local", "openai"]).default("local")),
  EMBEDDING_MODEL: z.preprocess(emptyToUndefined, z.string().default("text-embedding-3-small")),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  LLM_MODEL: z.preprocess(emptyToUndefined, z.string().default("gpt-4o-mini")),
  MAX_FILE_MB: z.preprocess(emptyToUndefined, z.coerce.number().positive().default(20)),
  /** Largest declared uncompressed size of a DOCX's main part, refused before inflating (zip bombs). */
  MAX_DOCX_PART_MB: z.preprocess(emptyToUndefined, z.coerce.number().positive().default(50)),
  ANSWER_TOP_K: positiveInt(5),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["debug", "info", "warn", "error"]).default("info")),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
  WEB_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  WEB_RATE_LIMIT_PER_MINUTE: positiveInt(30),
  /** Whose X-Forwarded-For the web chat believes: empty (nobody), a hop count ("1"), or proxy addresses ("127.0.0.1,10.0.0.5"). */
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.string().regex(/^(?:\d{1,2}|[0-9a-fA-F.:]+(?:\s*,\s*[0-9a-fA-F.:]+)*)$/, "phải là số lớp proxy (ví dụ 1) hoặc danh sách địa chỉ proxy cách nhau bởi dấu phẩy").optional()),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().regex(/^postgres(ql)?:\/\//, "phải là địa chỉ Postgres (postgres://…)").optional()),
  ZALO_BOT_TOKEN: optionalString,
  ZALO_API_ROOT: z.preprocess(emptyToUndefined, z.string().url().default("https://bot-api.zaloplatforms.com")),
  ZALO_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.string().url().startsWith("https://", "phải là địa chỉ https://").optional()),
  ZALO_WEBHOOK_SECRET: z.preprocess(emptyToUndefined, z.string().min(8, "ít nhất 8 ký tự").max(256).optional()),
  TELEGRAM_BOT_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^\d+:[\w-]+$/, "không đúng dạng token của BotFather (số:chuỗi)").optional()),
  TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, z.string().url().optional()),
  TELEGRAM_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.string().url().startsWith("https://", "phải là địa chỉ https://").optional()),
  TELEGRAM_WEBHOOK_SECRET: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "chỉ gồm A-Z, a-z, 0-9, _ và -").optional()),
  ADMIN_IDS: z.preprocess(
    emptyToUndefined,
    z.string().regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "phải là các số id Telegram, ngăn bởi dấu phẩy").optional(),
  ),
  /** Enables the admin console at /admin and its API (Bearer for scripts); at least 8 characters. */
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, "phải có ít nhất 8 ký tự").optional()),
  RATE_LIMIT_PER_MINUTE: positiveInt(20),
  QUIZ_OPEN_PERIOD: z.preprocess(emptyToUndefined, z.coerce.number().int().min(5).max(600).default(30)),
  QUIZ_DEFAULT_COUNT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(30).default(5)),
  REMINDER_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().min(0.001).max(365).default(3)),
  PRACTICE_COUNT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(10)),
  MAX_QUESTION_CHARS: positiveInt(1000),
});

export type RawConfig = z.infer<typeof configSchema>;

/** TRUST_PROXY read: nobody, these proxy addresses, or this many proxy hops in front. */
export type TrustProxy = { kind: "none" } | { kind: "addresses"; addresses: string[] } | { kind: "hops"; hops: number };

function readTrustProxy(value: string | undefined): TrustProxy {
  if (!value || value === "0") return { kind: "none" };
  if (/^\d+$/.test(value)) return { kind: "hops", hops: Number(value) };
  return { kind: "addresses", addresses: value.split(",").map((a) => a.trim()).filter(Boolean) };
}

export type Config = RawConfig & {
  trustProxy: TrustProxy;
  dataDir: string;
  knowledgeDir: string;
  indexDir: string;
  /** True when an LLM is configured: answers are generated, otherwise extractive. */
  llmEnabled: boolean;
  adminIds: Set<number>;
  /** LibSQL URL of the state store (a SQLite file under DATA_DIR). */
  stateUrl: string;
  /** Mastra's storage for checklist runs: DATABASE_URL (Postgres) when set, else a LibSQL file under DATA_DIR. */
  workflowUrl: string;
};

/**
 * Reads and validates settings. A wrong value throws an AppError naming the variable,
 * so the program stops with a message a user can act on.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new AppError("invalid:config", `Cấu hình không hợp lệ: ${lines.join("; ")}`, { issues: lines });
  }
  const raw = parsed.data;
  if (raw.EMBEDDING_PROVIDER === "openai" && !raw.OPENAI_API_KEY) {
    throw new AppError(
      "invalid:config",
      "Cấu hình không hợp lệ: EMBEDDING_PROVIDER=openai cần OPENAI_API_KEY.",
      { variable: "OPENAI_API_KEY" },
    );
  }
  if (raw.TELEGRAM_WEBHOOK_URL && !raw.TELEGRAM_WEBHOOK_SECRET) {
    throw new AppError("invalid:config", "Cấu hình không hợp lệ: TELEGRAM_WEBHOOK_URL cần TELEGRAM_WEBHOOK_SECRET.", { variable: "TELEGRAM_WEBHOOK_SECRET" });
  }
  if (raw.ZALO_WEBHOOK_URL && !raw.ZALO_WEBHOOK_SECRET) {
    throw new AppError("invalid:config", "Cấu hình không hợp lệ: ZALO_WEBHOOK_URL cần ZALO_WEBHOOK_SECRET.", { variable: "ZALO_WEBHOOK_SECRET" });
  }
  const dataDir = path.resolve(cwd, raw.DATA_DIR);
  return {
    ...raw,
    dataDir,
    knowledgeDir: path.resolve(cwd, raw.KNOWLEDGE_DIR),
    indexDir: path.join(dataDir, "index"),
    llmEnabled: Boolean(raw.OPENAI_API_KEY),
    trustProxy: readTrustProxy(raw.TRUST_PROXY),
    adminIds: new Set((raw.ADMIN_IDS ?? "").split(",").map((id) => id.trim()).filter(Boolean).map(Number)),
    stateUrl: `file:${path.join(dataDir, "state.db")}`,
    workflowUrl: raw.DATABASE_URL ?? `file:${path.join(dataDir, "workflows.db")}`,
  };
}

/** Loads `.env` from the working directory when present (Node's own loader, no dependency). */
export function loadDotEnv(cwd = process.cwd()): void {
  try {
    process.loadEnvFile(path.join(cwd, ".env"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
