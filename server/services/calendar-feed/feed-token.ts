/**
 * A calendar feed's secret: a random 32-byte token in the URL (`/api/calendar/<token>`), shown once and never
 * stored — the database keeps its sha256 only, so a leaked database gives no working feed URL.
 */
import { createHash, randomBytes } from "node:crypto";

/** base64url of 32 random bytes: 43 characters. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The feed's path in the app (the browser adds its origin; `webcal://` is the same address). */
export function feedPath(token: string): string {
  return `/api/calendar/${token}`;
}
