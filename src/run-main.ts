import { isAppError } from "./errors.ts";

/** Runs a command's main function: its return value is the exit code; an AppError prints its Vietnamese message. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(isAppError(error) ? `Lỗi: ${error.message}` : error);
      process.exit(1);
    },
  );
}
