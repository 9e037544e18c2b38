/**
 * Fixed-window rate limiting shared by every app instance through the database (the app is stateless, so an
 * in-memory counter would be per instance and reset on deploy). One atomic upsert per check: the counter for
 * `key` is incremented, or restarted when its window has passed.
 *
 * Used for sign-in (per account and per address) and magic-link requests; callers answer with a generic message
 * so a limit never reveals whether an account exists.
 */
import type { DbClient } from "@/server/db-client";
import { countRateLimitHit } from "@/server/queries/security";
import * as clock from "@/server/clock";

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the window restarts. */
  retryAfterSeconds: number;
}

export const RATE_LIMITS = {
  /** Password attempts for one account. */
  signInAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Password attempts from one address (many accounts). */
  signInAddress: { limit: 50, windowSeconds: 15 * 60 },
  /** Magic links sent to one address. */
  magicLinkAccount: { limit: 5, windowSeconds: 60 * 60 },
  /** Sign-ups from one address. */
  signUpAddress: { limit: 20, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export async function hitRateLimit(
  db: DbClient,
  key: string,
  rule: RateLimitRule,
  now: Date = clock.now(),
): Promise<RateLimitResult> {
  const windowStartMin = new Date(now.getTime() - rule.windowSeconds * 1000);
  const row = await countRateLimitHit(db, { key, now, windowStartMin });
  const count = row.count;
  const resetsAt = row.windowStart.getTime() + rule.windowSeconds * 1000;
  return {
    allowed: count <= rule.limit,
    count,
    retryAfterSeconds: Math.max(0, Math.ceil((resetsAt - now.getTime()) / 1000)),
  };
}

/** The client address from proxy headers (first hop), or "unknown". */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}
