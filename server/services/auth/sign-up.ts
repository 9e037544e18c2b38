/** Creates a user with an email + password. Emails are unique, case-insensitively. */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { hashPassword } from "@/server/auth/password";
import type { TSignUpInput } from "@/server/schemas/auth";

export async function signUp(db: DbClient, input: TSignUpInput): Promise<{ id: string; email: string; name: string }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw new AppError(
      "CONFLICT",
      "An account with this email already exists. Sign in instead, or use an email link.",
      {
        field: "email",
      },
    );
  }
  const passwordHash = await hashPassword(input.password);
  return db.user.create({
    data: { email: input.email, name: input.name, passwordHash },
    select: { id: true, email: true, name: true },
  });
}
