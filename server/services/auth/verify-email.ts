/**
 * Email verification: opening the link from the sign-up email marks the address verified (then the account may be
 * invited and join teams). A signed-in, unverified user can ask for a new link.
 */
import { safeCallbackUrl } from "@/components/auth/safe-callback";
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/auth/session-user";
import type { TResendVerificationInput, TVerifyEmailInput } from "@/server/schemas/auth";
import { accountMailAllowed } from "./account-mail-limit";
import { sendVerifyEmail } from "./auth-mail";
import { issueUserToken, consumeUserToken } from "./user-token";
import * as clock from "@/server/clock";

export const VERIFY_LINK_INVALID = "This link is not valid any more. Sign in and ask for a new one.";

/** An unknown, used or expired link is an answer (`verified: false` and why), not an error: the page shows it. */
export async function verifyEmail(
  db: DbClient,
  input: TVerifyEmailInput,
): Promise<{ verified: true; email: string } | { verified: false; message: string }> {
  const used = await consumeUserToken(db, { token: input.token, purpose: "VERIFY_EMAIL" });
  if (!used) return { verified: false, message: VERIFY_LINK_INVALID };
  await db.user.updateMany({ where: { id: used.userId, emailVerified: null }, data: { emailVerified: clock.now() } });
  const user = await db.user.findUniqueOrThrow({ where: { id: used.userId }, select: { email: true } });
  return { verified: true, email: user.email };
}

export async function resendVerification(
  db: DbClient,
  user: SessionUser,
  input: TResendVerificationInput,
): Promise<{ sent: boolean; alreadyVerified: boolean }> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, emailVerified: true } });
  if (row.emailVerified) return { sent: false, alreadyVerified: true };
  if (!(await accountMailAllowed(db, row.email))) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many emails to this address. Try again in an hour.");
  }
  const token = await issueUserToken(db, { userId: user.id, purpose: "VERIFY_EMAIL" });
  const callbackUrl = input.callbackUrl ? safeCallbackUrl(input.callbackUrl, "") || undefined : undefined;
  await sendVerifyEmail(row.email, token, callbackUrl);
  return { sent: true, alreadyVerified: false };
}

/** Whether the user has verified their address (the join page and the teams page ask). */
export async function getAccountStatus(db: DbClient, user: SessionUser) {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { email: true, emailVerified: true, passwordHash: true },
  });
  return { email: row.email, verified: row.emailVerified !== null, hasPassword: row.passwordHash !== null };
}
