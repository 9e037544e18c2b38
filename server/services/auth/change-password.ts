/**
 * A signed-in user changes their password, giving the current one. Every session ends (the session version is
 * bumped), this one included: the form signs in again with the new password.
 */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { SessionUser } from "@/server/auth/session-user";
import type { TChangePasswordInput } from "@/server/schemas/auth";

export async function changePassword(db: DbClient, user: SessionUser, input: TChangePasswordInput) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "That is not your current password.", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  return { ok: true as const };
}

/** Ends every session of the user, on every device. */
export async function signOutEverywhere(db: DbClient, user: SessionUser) {
  await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  return { ok: true as const };
}
