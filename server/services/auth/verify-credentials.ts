/**
 * Checks an email + password. Returns the user or null — never says which part was wrong, and takes the
 * same time whether or not the account exists (a dummy hash is verified for unknown emails).
 */
import type { DbClient } from "@/server/db-client";
import { timingSafeDummyHash, verifyPassword } from "@/server/auth/password";
import type { TSignInInput } from "@/server/schemas/auth";

export async function verifyCredentials(
  db: DbClient,
  input: TSignInInput,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  if (!user?.passwordHash) {
    await verifyPassword(await timingSafeDummyHash(), input.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
