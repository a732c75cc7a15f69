/**
 * One error class for the whole app. `code` is stable and machine-readable
 * ("invalid:config", "not_found:index"); `message` is Vietnamese, safe to show a user.
 * Internal details go in `context` and are logged, never shown.
 */
export class AppError extends Error {
  readonly code: string;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, context: Record<string, unknown> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.context = context;
  }
}

export function isAppError(error: unknown, code?: string): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
