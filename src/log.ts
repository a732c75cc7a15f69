/**
 * Structured logs: one JSON line per event on stderr. Registered secrets (bot tokens, API keys) are
 * replaced wherever they appear, including inside error messages and URLs.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
};

/**
 * Replaces each secret by "***" in any text: as written, JSON-escaped (log lines) and URL-encoded (a
 * request path echoed back, "bot123%3AABC").
 */
export function createRedactor(secrets: Array<string | undefined>): (text: string) => string {
  const kept = secrets.filter((s): s is string => typeof s === "string" && s.length >= 6);
  const forms = [...new Set(kept.flatMap((secret) => [JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), secret]))].sort((a, b) => b.length - a.length);
  return (text: string) => (forms.length === 0 ? text : forms.reduce((out, secret) => out.split(secret).join("***"), text));
}

/**
 * Everything the process writes to stdout and stderr goes through redaction, libraries' own error
 * output included (a polling library printing a failed request whose path holds the bot token).
 */
export function redactProcessOutput(secrets: Array<string | undefined>): void {
  const redact = createRedactor(secrets);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : chunk;
      return write(typeof text === "string" ? redact(text) : text, ...rest);
    }) as typeof stream.write;
  }
}

export function createLogger(options: { level?: LogLevel; secrets?: Array<string | undefined>; write?: (line: string) => void } = {}): Logger {
  const min = ORDER[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Lines are JSON: a secret with quotes or backslashes appears escaped there, so both forms are replaced.
  const redact = createRedactor(options.secrets ?? []);
  const serialise = (value: unknown): unknown => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value);
  const emit = (level: LogLevel) => (event: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    const entry = { ts: new Date().toISOString(), level, event, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, serialise(v)])) };
    write(redact(JSON.stringify(entry)));
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
