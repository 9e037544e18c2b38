/**
 * Password reset by email: ask for a link (the answer never says whether the address has an account), then set a
 * new password with it. The link proves the address, so the account becomes verified; every session of the account
 * ends (the session version is bumped): whoever knew the old password is signed out.
 */
import type { DbClient } from "@/server/db-client";
import { hashPassword } from "@/server/auth/password";
import type { TRequestPasswordResetInput, TResetPasswordInput } from "@/server/schemas/auth";
import { accountMailAllowed } from "./account-mail-limit";
import { sendResetPasswordEmail } from "./auth-mail";
import { consumeUserToken, issueUserToken } from "./user-token";
import * as clock from "@/server/clock";

export const RESET_ANSWER = "If an account uses that address, a link to choose a new password is on its way.";

export async function requestPasswordReset(
  db: DbClient,
  input: TRequestPasswordResetInput,
): Promise<{ ok: true; message: string }> {
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (user && (await accountMailAllowed(db, input.email))) {
    const token = await issueUserToken(db, { userId: user.id, purpose: "RESET_PASSWORD" });
    await sendResetPasswordEmail(input.email, token);
  }
  return { ok: true, message: RESET_ANSWER };
}

export const RESET_LINK_INVALID = "This link is not valid any more. Ask for a new one.";

/** An unknown, used or expired link is an answer (`ok: false` and why), not an error: the form shows it. */
export async function resetPassword(
  db: DbClient,
  input: TResetPasswordInput,
): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  const passwordHash = await hashPassword(input.password);
  const used = await consumeUserToken(db, { token: input.token, purpose: "RESET_PASSWORD" });
  if (!used) return { ok: false, message: RESET_LINK_INVALID };
  const now = clock.now();
  const before = await db.user.findUniqueOrThrow({ where: { id: used.userId }, select: { emailVerified: true } });
  const user = await db.user.update({
    where: { id: used.userId },
    data: { passwordHash, emailVerified: before.emailVerified ?? now, sessionVersion: { increment: 1 } },
    select: { email: true },
  });
  // Any other reset link still in a mailbox stops working too.
  await db.userToken.updateMany({
    where: { userId: used.userId, purpose: "RESET_PASSWORD", usedAt: null },
    data: { usedAt: now },
  });
  return { ok: true, email: user.email };
}
