/**
 * Password sign-up. The answer is the same whether or not the address has an account ("check your email"), so
 * sign-up never tells a visitor who uses Backplan: a new address gets an account (unverified: it cannot join a team
 * until the link in the email is opened) and a verification link; an address that has an account gets a note with a
 * link to set a new password instead (which also proves the address, server/services/auth/reset-password.ts).
 * Emails are unique, case-insensitively. The password is hashed either way, so both answers take as long.
 */
import { safeCallbackUrl } from "@/components/auth/safe-callback";
import type { DbClient } from "@/server/db-client";
import { hashPassword } from "@/server/auth/password";
import type { TSignUpInput } from "@/server/schemas/auth";
import { sendAlreadyRegisteredEmail, sendVerifyEmail } from "./auth-mail";
import { accountMailAllowed } from "./account-mail-limit";
import { issueUserToken } from "./user-token";

export const SIGN_UP_ANSWER = "Check your email: we sent a link to finish setting up your account.";

export async function signUp(db: DbClient, input: TSignUpInput): Promise<{ ok: true; message: string }> {
  const passwordHash = await hashPassword(input.password);
  const callbackUrl = input.callbackUrl ? safeCallbackUrl(input.callbackUrl, "") || undefined : undefined;
  const created = await db.user.createManyAndReturn({
    data: [{ email: input.email, name: input.name, passwordHash }],
    skipDuplicates: true,
    select: { id: true },
  });
  const newUser = created[0];
  if (newUser) {
    const token = await issueUserToken(db, { userId: newUser.id, purpose: "VERIFY_EMAIL" });
    await sendVerifyEmail(input.email, token, callbackUrl);
  } else if (await accountMailAllowed(db, input.email)) {
    const existing = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
    const token = await issueUserToken(db, { userId: existing.id, purpose: "RESET_PASSWORD" });
    await sendAlreadyRegisteredEmail(input.email, token);
  }
  return { ok: true, message: SIGN_UP_ANSWER };
}
