/**
 * One-click unsubscribe tokens (RFC 8058): a token names a person and an email kind, and is signed with an HMAC
 * keyed by NEXTAUTH_SECRET, so whoever holds the mail can turn that one kind off without signing in — and nobody can
 * forge a token for someone else. `v1` is the format's version: a future change of format (or of what a token may
 * do) bumps it, and tokens of an unknown version are refused.
 *
 * Token = base64url("v1:<userId>:<kind>") + "." + base64url(HMAC-SHA256(secret, "backplan-unsubscribe:" + payload)).
 *
 * Pure apart from node:crypto: the secret is passed in (server/mail/unsubscribe-secret.ts reads it from the
 * environment), so the e2e suite can sign a token with its server's secret.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/server/domain/notification-kinds";

const VERSION = "v1";

const signWith = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`backplan-unsubscribe:${payload}`).digest().toString("base64url");

export function signUnsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  const payload = `${VERSION}:${userId}:${kind}`;
  return `${Buffer.from(payload, "utf8").toString("base64url")}.${signWith(secret, payload)}`;
}

/** The person and kind a token names, or null when it is malformed, of another version or not signed with `secret`. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: NotificationKind } | null {
  const sign = (payload: string) => signWith(secret, payload);
  if (token.length > 400) return null;
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length > 0) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  // Compared as the exact text we would write: base64url's last character has spare bits, so decoding both
  // would accept more than one spelling of a token.
  if (Buffer.from(payload, "utf8").toString("base64url") !== encoded) return null;
  const expected = Buffer.from(sign(payload), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [version, userId, kind, ...extra] = payload.split(":");
  if (version !== VERSION || !userId || extra.length > 0) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind ?? "")) return null;
  return { userId, kind: kind as NotificationKind };
}
