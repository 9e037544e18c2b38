/**
 * One-time links mailed to a user: verify the address, reset the password, confirm a new address. 32 random bytes, url-safe; only the
 * SHA-256 is stored (UserToken). A token is used once, atomically (two clicks racing: one wins), before it expires.
 */
import { createHash, randomBytes } from "node:crypto";
import type { DbClient } from "@/server/db-client";
import type { UserTokenPurpose } from "@/generated/prisma/enums";
import * as clock from "@/server/clock";

/** How long a link works. */
export const USER_TOKEN_MINUTES: Record<UserTokenPurpose, number> = {
  VERIFY_EMAIL: 48 * 60,
  RESET_PASSWORD: 60,
  CHANGE_EMAIL: 48 * 60,
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** `email`: for CHANGE_EMAIL, the new address the link applies. */
export async function issueUserToken(
  db: DbClient,
  args: { userId: string; purpose: UserTokenPurpose; email?: string },
) {
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  await db.userToken.create({
    data: {
      userId: args.userId,
      purpose: args.purpose,
      tokenHash: hashToken(token),
      email: args.email ?? null,
      expiresAt: new Date(now.getTime() + USER_TOKEN_MINUTES[args.purpose] * 60_000),
    },
  });
  return token;
}

/** The user a valid, unused token of `purpose` belongs to (and marks it used), or null; `email` as it was issued. */
export async function consumeUserToken(
  db: DbClient,
  args: { token: string; purpose: UserTokenPurpose },
): Promise<{ userId: string; email: string | null } | null> {
  const now = clock.now();
  const tokenHash = hashToken(args.token);
  const found = await db.userToken.findUnique({
    where: { tokenHash },
    select: { id: true, userId: true, purpose: true, email: true },
  });
  if (found?.purpose !== args.purpose) return null;
  const used = await db.userToken.updateMany({
    where: { id: found.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return used.count === 1 ? { userId: found.userId, email: found.email } : null;
}
