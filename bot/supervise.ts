import type { Logger } from "../src/log.ts";

/** What `/healthz` says of a channel. */
export type ChannelState = "starting" | "up" | "retrying" | "failed";

export type ChannelStatus = { state: ChannelState; attempts: number; lastError?: string; since: string };

export type Stoppable = { stop(): Promise<void> };

/** Start-up retries of a channel: after `delays.length` failures it is left failed. Chosen so a short outage is ridden out (about 8 minutes in all). */
export const START_DELAYS_MS = [2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000];
/** One start attempt that takes longer than this has failed (Telegram filtered: the connection hangs). */
export const START_TIMEOUT_MS = 20_000;

/** Short, token-free text of a start-up error, for the log and /healthz. */
function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    return [error.name, code, error.message.split("\n")[0]].filter(Boolean).join(": ").slice(0, 200);
  }
  return String(error).slice(0, 200);
}

/**
 * Starts the channels in the background, each on its own: an attempt that fails or hangs is logged with
 * the channel and the cause and retried with exponential back-off; a channel that cannot start never
 * holds up the web chat or the other channels. `status()` is what `/healthz` reports.
 */
export function createSupervisor(logger: Logger, options: { delays?: number[]; timeoutMs?: number } = {}) {
  const delays = options.delays ?? START_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS;
  const statuses = new Map<string, ChannelStatus>();
  const running = new Map<string, Stoppable>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const set = (name: string, state: ChannelState, attempts: number, lastError?: string) => {
    statuses.set(name, { state, attempts, ...(lastError ? { lastError } : {}), since: new Date().toISOString() });
  };

  function withTimeout<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      work.then((value) => {
        clearTimeout(timer);
        resolve(value);
      }, (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  function start(name: string, begin: () => Promise<Stoppable>): void {
    set(name, "starting", 0);
    const attempt = async (n: number): Promise<void> => {
      if (stopped) return;
      try {
        const started = await withTimeout(begin());
        if (stopped) {
          await started.stop();
          return;
        }
        running.set(name, started);
        set(name, "up", n + 1);
        logger.info("channel.up", { channel: name, attempts: n + 1 });
      } catch (error) {
        const cause = causeOf(error);
        const delay = delays[n];
        if (delay === undefined) {
          set(name, "failed", n + 1, cause);
          logger.error("channel.failed", { channel: name, attempts: n + 1, cause });
          return;
        }
        set(name, "retrying", n + 1, cause);
        logger.warn("channel.retry", { channel: name, attempt: n + 1, cause, retryInMs: delay });
        const timer = setTimeout(() => {
          timers.delete(timer);
          void attempt(n + 1);
        }, delay);
        timer.unref();
        timers.add(timer);
      }
    };
    void attempt(0);
  }

  return {
    start,
    status: (): Record<string, ChannelStatus> => Object.fromEntries(statuses),
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      for (const [name, channel] of running) {
        await channel.stop().catch((error: unknown) => logger.warn("channel.stop", { channel: name, cause: causeOf(error) }));
      }
    },
  };
}

export type Supervisor = ReturnType<typeof createSupervisor>;
