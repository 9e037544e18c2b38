/**
 * A signed-in user chooses the formats of dates and numbers in their emails (the account's, in every team). The
 * words stay English; reminders and digests format days and amounts in this locale (server/domain/locale.ts).
 */
import type { DbClient } from "@/server/db-client";
import type { SessionUser } from "@/server/auth/session-user";
import type { TSetLocaleInput } from "@/server/schemas/profile";

export async function setLocale(db: DbClient, user: SessionUser, input: TSetLocaleInput) {
  const updated = await db.user.update({
    where: { id: user.id },
    data: { locale: input.locale },
    select: { locale: true },
  });
  return { locale: updated.locale };
}
