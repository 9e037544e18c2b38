/**
 * Changing the address of an account. The change is asked for while signed in (with the current password, when the
 * account has one: a session left open on a shared computer cannot give the account away) and is applied only once
 * the NEW address is proved, through the link mailed to it (a CHANGE_EMAIL UserToken carrying the new address; only
 * its hash is stored). Until then the old address stays the account's, for signing in and for mail. An address that
 * belongs to another account is refused, without a word about whose it is. Asking again replaces the earlier request.
 *
 * When the link is opened the address changes, counts as verified, the old address is told, and every session ends
 * (the session version is bumped): sessions carry the address they were issued with, so the person signs in again
 * with the new one.
 */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { verifyPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session-user";
import * as clock from "@/server/clock";
import type { TConfirmEmailChangeInput, TRequestEmailChangeInput } from "@/server/schemas/profile";
import { accountMailAllowed } from "./account-mail-limit";
import { sendConfirmEmailChange, sendEmailChangedNotice } from "./auth-mail";
import { consumeUserToken, issueUserToken } from "./user-token";

export const EMAIL_IN_USE = "Another account uses this address. Choose another one.";
export const CHANGE_LINK_INVALID = "This link is not valid any more. Ask for the change again from your profile.";

export interface PendingEmailChange {
  email: string;
  expiresAt: Date;
}

/** The address waiting for confirmation (the latest valid request), or null. */
export async function pendingEmailChange(db: DbClient, userId: string): Promise<PendingEmailChange | null> {
  const row = await db.userToken.findFirst({
    where: { userId, purpose: "CHANGE_EMAIL", usedAt: null, expiresAt: { gt: clock.now() } },
    orderBy: { createdAt: "desc" },
    select: { email: true, expiresAt: true },
  });
  return row?.email ? { email: row.email, expiresAt: row.expiresAt } : null;
}

async function addressTaken(db: DbClient, email: string, userId: string): Promise<boolean> {
  const other = await db.user.findUnique({ where: { email }, select: { id: true } });
  return other !== null && other.id !== userId;
}

export async function requestEmailChange(
  db: DbClient,
  user: SessionUser,
  input: TRequestEmailChangeInput,
): Promise<{ email: string; pending: PendingEmailChange }> {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { email: true, passwordHash: true },
  });
  if (row.passwordHash) {
    if (!input.currentPassword)
      throw new AppError("BAD_REQUEST", "Enter your current password.", { field: "currentPassword" });
    if (!(await verifyPassword(row.passwordHash, input.currentPassword)))
      throw new AppError("BAD_REQUEST", "That is not your current password.", { field: "currentPassword" });
  }
  const newEmail = input.newEmail;
  if (newEmail === row.email) throw new AppError("BAD_REQUEST", "That is already your address.", { field: "newEmail" });
  if (await addressTaken(db, newEmail, user.id)) throw new AppError("BAD_REQUEST", EMAIL_IN_USE, { field: "newEmail" });
  if (!(await accountMailAllowed(db, newEmail)))
    throw new AppError("TOO_MANY_REQUESTS", "Too many emails to this address. Try again in an hour.");

  const token = await db.$transaction(async (tx) => {
    // One request at a time: an earlier link stops working.
    await tx.userToken.deleteMany({ where: { userId: user.id, purpose: "CHANGE_EMAIL", usedAt: null } });
    return issueUserToken(tx, { userId: user.id, purpose: "CHANGE_EMAIL", email: newEmail });
  });
  await sendConfirmEmailChange(newEmail, token);
  const pending = await pendingEmailChange(db, user.id);
  return { email: row.email, pending: pending! };
}

/** Withdraws a request: its link stops working; the address stays as it is. */
export async function cancelEmailChange(db: DbClient, user: SessionUser): Promise<{ cancelled: number }> {
  const { count } = await db.userToken.deleteMany({
    where: { userId: user.id, purpose: "CHANGE_EMAIL", usedAt: null },
  });
  return { cancelled: count };
}

/** An unknown, used or expired link — or an address taken meanwhile — is an answer, not an error: the page shows it. */
export async function confirmEmailChange(
  db: DbClient,
  input: TConfirmEmailChangeInput,
): Promise<{ changed: true; email: string } | { changed: false; message: string }> {
  const outcome = await db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, { token: input.token, purpose: "CHANGE_EMAIL" });
    if (!used?.email) return { changed: false as const, message: CHANGE_LINK_INVALID };
    const newEmail = used.email;
    if (await addressTaken(tx, newEmail, used.userId)) return { changed: false as const, message: EMAIL_IN_USE };
    const before = await tx.user.findUniqueOrThrow({ where: { id: used.userId }, select: { email: true } });
    await tx.user.update({
      where: { id: used.userId },
      data: { email: newEmail, emailVerified: clock.now(), sessionVersion: { increment: 1 } },
    });
    await tx.userToken.deleteMany({ where: { userId: used.userId, purpose: "CHANGE_EMAIL", usedAt: null } });
    return { changed: true as const, email: newEmail, oldEmail: before.email };
  });
  if (!outcome.changed) return outcome;
  // The change is made; a notice that cannot be sent must not turn it into an error on the page.
  await sendEmailChangedNotice(outcome.oldEmail, outcome.email).catch((error: unknown) =>
    console.warn(`[auth] could not tell ${outcome.oldEmail} about the address change`, error),
  );
  return { changed: true, email: outcome.email };
}
