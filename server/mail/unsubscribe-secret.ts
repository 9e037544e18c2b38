/**
 * The key of unsubscribe tokens (server/mail/unsubscribe-token.ts): NEXTAUTH_SECRET (or AUTH_SECRET), the secret
 * every app instance already shares. Development and tests without one use a fixed key; production refuses.
 */
import { env } from "@/env";
import type { NotificationKind } from "@/server/domain/notification-kinds";
import { readUnsubscribeToken, signUnsubscribeToken } from "./unsubscribe-token";

const DEV_SECRET = "backplan-development-unsubscribe-secret";

function unsubscribeSecret(): string {
  const configured = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (configured) return configured;
  if (env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is needed to sign unsubscribe links.");
  return DEV_SECRET;
}

export const unsubscribeToken = (userId: string, kind: NotificationKind) =>
  signUnsubscribeToken(unsubscribeSecret(), userId, kind);

export const readUnsubscribe = (token: string) => readUnsubscribeToken(unsubscribeSecret(), token);
