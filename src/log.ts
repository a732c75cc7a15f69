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

export function createLogger(options: { level?: LogLevel; secrets?: Array<string | undefined>; write?: (line: string) => void } = {}): Logger {
  const min = ORDER[options.level ?? "info"];
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === "string" && s.length >= 6);
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Lines are JSON: a secret with quotes or backslashes appears escaped there, so both forms are replaced.
  const forms = secrets.flatMap((secret) => [JSON.stringify(secret).slice(1, -1), secret]);
  const redact = (text: string) => forms.reduce((out, secret) => out.split(secret).join("***"), text);
  const serialise = (value: unknown): unknown => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value);
  const emit = (level: LogLevel) => (event: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    const entry = { ts: new Date().toISOString(), level, event, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, serialise(v)])) };
    write(redact(JSON.stringify(entry)));
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
