import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Who may change the knowledge base: one admin password (ADMIN_PASSWORD). A browser logs in once and
 * gets a session (an HttpOnly, SameSite=Strict cookie, 8 hours) with its own CSRF token; scripts send
 * `Authorization: Bearer <ADMIN_PASSWORD>` and need no session. Failed logins are limited per address.
 * Sessions live in memory: after a restart the admin logs in again (nothing else is lost).
 */

export const SESSION_COOKIE = "tldv_admin";
export const SESSION_TTL_MS = 8 * 3600_000;
/** Failed logins allowed per address in LOGIN_WINDOW_MS before it must wait. */
export const LOGIN_ATTEMPTS = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Sessions kept at most (the oldest go first). */
const MAX_SESSIONS = 1_000;

export type AdminSession = { token: string; csrf: string; expires: number };

/** Equal strings, compared in constant time (hashes of equal length). */
function same(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function createAdminAuth(password: string) {
  const sessions = new Map<string, AdminSession>();
  /** Failed logins per address (times); the oldest addresses go first past MAX_SESSIONS entries. */
  const failures = new Map<string, number[]>();
  const recentFailures = (address: string, now: number) => (failures.get(address) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);

  /** Blocked addresses already told once in this window: later attempts are refused without a new audit line. */
  const told = new Map<string, number>();
  /**
   * Checks a password from an address (the login form and Bearer alike): an address that failed too
   * often waits, whatever it sends now (the right password too). `logged`: whether this refusal is worth
   * an audit line (every wrong password; only the first refusal of a blocked address).
   */
  const check = (given: string, address: string, now: number): { ok: true } | { ok: false; wait: number; logged: boolean } => {
    const recent = recentFailures(address, now);
    if (recent.length >= LOGIN_ATTEMPTS) {
      const first = (told.get(address) ?? 0) < recent[0]!;
      told.set(address, now);
      while (told.size > MAX_SESSIONS) told.delete(told.keys().next().value!);
      return { ok: false, wait: Math.ceil((LOGIN_WINDOW_MS - (now - recent[0]!)) / 1000), logged: first };
    }
    if (!same(given, password)) {
      failures.delete(address);
      failures.set(address, [...recent, now]);
      while (failures.size > MAX_SESSIONS) failures.delete(failures.keys().next().value!);
      return { ok: false, wait: 0, logged: true };
    }
    failures.delete(address);
    return { ok: true };
  };

  return {
    /** A session for the right password; otherwise why not (wrong, or too many attempts: seconds to wait). */
    login(given: string, address: string, now = Date.now()): { ok: true; session: AdminSession } | { ok: false; wait: number; logged: boolean } {
      const checked = check(given, address, now);
      if (!checked.ok) return checked;
      const session = { token: randomBytes(24).toString("base64url"), csrf: randomBytes(24).toString("base64url"), expires: now + SESSION_TTL_MS };
      sessions.set(session.token, session);
      while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      return { ok: true, session };
    },
    session(token: string | undefined, now = Date.now()): AdminSession | undefined {
      if (!token) return undefined;
      const session = sessions.get(token);
      if (!session) return undefined;
      if (session.expires < now) {
        sessions.delete(token);
        return undefined;
      }
      return session;
    },
    logout(token: string | undefined): void {
      if (token) sessions.delete(token);
    },
    /**
     * `Authorization: Bearer <ADMIN_PASSWORD>` (scripts): absent, right, or refused — a wrong one counts
     * against the address's attempts like a wrong login.
     */
    bearer(header: string | undefined, address: string, now = Date.now()): { kind: "none" } | { kind: "ok" } | { kind: "refused"; wait: number; logged: boolean } {
      const given = header?.match(/^Bearer\s+(.+)$/i)?.[1];
      if (given === undefined) return { kind: "none" };
      const checked = check(given.trim(), address, now);
      return checked.ok ? { kind: "ok" } : { kind: "refused", wait: checked.wait, logged: checked.logged };
    },
  };
}

export type AdminAuth = ReturnType<typeof createAdminAuth>;
