/**
 * A signed-in user changes the name others see (in every team they are in: the name is the account's). Sessions keep
 * working; pages read the name again on their next load.
 */
import type { DbClient } from "@/server/db-client";
import type { SessionUser } from "@/server/auth/session-user";
import type { TSetNameInput } from "@/server/schemas/profile";

export async function setName(db: DbClient, user: SessionUser, input: TSetNameInput) {
  const updated = await db.user.update({ where: { id: user.id }, data: { name: input.name }, select: { name: true } });
  return { name: updated.name };
}
