/**
 * Fixed-window rate limiting shared by every app instance through the database (the app is stateless, so an
 * in-memory counter would be per instance and reset on deploy). One atomic upsert per check: the counter for
 * `key` is incremented, or restarted when its window has passed.
 *
 * Used for sign-in (failed attempts per account and per address: server/services/security/sign-in-limits.ts),
 * sign-up and magic-link requests (per email and per client address); callers answer with a generic message so a
 * limit never reveals whether an account exists.
 *
 * The client address (`clientAddress`) comes from X-Forwarded-For only as far as the configured trusted proxies
 * (`TRUSTED_PROXIES`) vouch for it; docs/OPERATIONS.md, "Client addresses and rate limits".
 */
import { BlockList, isIP } from "node:net";
import type { DbClient } from "@/server/db-client";
import { env } from "@/env";
import { countRateLimitHit, refundRateLimitHit } from "@/server/queries/security";
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
  /** The start of the window this request was counted in (to take the hit back: `refundRateLimit`). */
  windowStart: Date;
}

export const RATE_LIMITS = {
  /** Failed password attempts for one account (a successful sign-in takes its attempt back). */
  signInAccount: { limit: 10, windowSeconds: 15 * 60 },
  /** Failed password attempts from one client address (many accounts). */
  signInAddress: { limit: 50, windowSeconds: 15 * 60 },
  /** Magic links sent to one email address. */
  magicLinkAccount: { limit: 5, windowSeconds: 60 * 60 },
  /** Magic-link requests from one client address (any email addresses). */
  magicLinkAddress: { limit: 20, windowSeconds: 60 * 60 },
  /** Sign-ups from one client address. */
  signUpAddress: { limit: 20, windowSeconds: 60 * 60 },
  /** Sign-up attempts for one email address. */
  signUpAccount: { limit: 5, windowSeconds: 60 * 60 },
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
    windowStart: row.windowStart,
  };
}

/** Takes back one request counted by `hitRateLimit` (when its window has not restarted since). */
export async function refundRateLimit(db: DbClient, key: string, hit: RateLimitResult): Promise<void> {
  await refundRateLimitHit(db, { key, windowStart: hit.windowStart });
}

/** The address a per-address limit is keyed on when the client's address is not known. */
export const UNKNOWN_ADDRESS = "unknown";

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

/** "203.0.113.7", "[2001:db8::1]:443", "198.51.100.2:5000", "::ffff:10.0.0.1" → the bare, canonical IP; else null. */
function bareIp(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

/** The trusted proxies of a `TRUSTED_PROXIES` list ("10.0.0.0/8, 192.168.1.10, fd00::/8"). */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [ip, bits] = entry.split("/");
    const address = bareIp(ip ?? "");
    if (!address) throw new Error(`TRUSTED_PROXIES: ${entry} is not an IP address or CIDR range`);
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

let configured: BlockList | undefined;
const configuredProxies = () => (configured ??= trustedProxyList(env.TRUSTED_PROXIES));

/** Tests: use these trusted proxies instead of `TRUSTED_PROXIES` (null: back to the environment's). */
export function setTrustedProxies(entries: readonly string[] | null): void {
  configured = entries ? trustedProxyList(entries) : undefined;
}

/**
 * The client's address, for per-address limits. Next.js gives route handlers no peer (socket) address — it only
 * fills in X-Forwarded-For with it when the request had none, so a client can always send its own. The header is
 * therefore believed only as far as trusted proxies wrote it: with `TRUSTED_PROXIES` set, X-Forwarded-For is read from
 * the right (the hop nearest this app first), skipping the addresses of trusted proxies, and the first address that is
 * not one of them is the client. Without trusted proxies nothing a client sends is believed: the address is
 * `UNKNOWN_ADDRESS`, and per-address limits are not applied (per-account limits still are). X-Real-IP is never read.
 */
export function clientAddress(headers: HeaderBag, proxies: BlockList = configuredProxies()): string {
  const raw = !headers
    ? undefined
    : headers instanceof Headers
      ? headers.get("x-forwarded-for")
      : [headers["x-forwarded-for"]].flat().filter(Boolean).join(",");
  if (!raw || proxies.rules.length === 0) return UNKNOWN_ADDRESS;
  const hops = raw.split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = bareIp(hops[i]!);
    if (!ip) return UNKNOWN_ADDRESS; // a hop a trusted proxy would not write: the chain cannot be followed further
    if (!proxies.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4")) return ip;
  }
  return UNKNOWN_ADDRESS; // every hop is a trusted proxy: the client is not named
}
