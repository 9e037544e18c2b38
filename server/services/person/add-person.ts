/**
 * `person.add`: a person on the caller's own list. The id is made on the device, so a retried or offline-synced add
 * creates the person once: the same id again (from the same member) returns the person already there, unchanged
 * (`created: false`). The same id on someone else's list is a CONFLICT that says nothing of that person.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { toDbDay } from "@/server/domain/db-day";
import type { TAddPersonInput } from "@/server/schemas/person";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";

export async function addPerson(db: Db, scope: TeamScope, input: TAddPersonInput) {
  const { actor } = scope;
  return db.$transaction(async (tx) => {
    const inserted = await tx.person.createMany({
      data: {
        id: input.id,
        teamId: actor.teamId,
        membershipId: actor.id,
        name: input.name,
        phone: input.phone,
        email: input.email,
        handle: input.handle,
        source: input.source,
        tags: input.tags ?? [],
        notes: input.notes,
        nextFollowUp: input.nextFollowUp ? toDbDay(input.nextFollowUp) : null,
        sharedWithUpline: input.sharedWithUpline ?? false,
      },
      skipDuplicates: true,
    });
    const person = await tx.person.findUniqueOrThrow({
      where: { id: input.id },
      select: { id: true, membershipId: true, name: true },
    });
    if (person.membershipId !== actor.id) {
      throw new AppError("CONFLICT", "That person id is already used. Add the person again.");
    }
    const created = inserted.count === 1;
    if (created) await recordActorEvent(tx, actor, { action: "person.added", subjectId: person.id });
    return { id: person.id, name: person.name, created };
  });
}
