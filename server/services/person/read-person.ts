/**
 * Reading the names list: a page of the reader's own list (`listPeople`, one SQL read per page), one person with
 * their timeline (`getPerson`: the owner sees everything; an upline reading a shared person sees it read-only), and
 * the stages in funnel order. Who reads what: `personAccess` (server/services/team/permissions.ts).
 */
import type { DbClient } from "@/server/db-client";
import { badRequest } from "@/server/errors";
import { toIsoDay } from "@/server/domain/db-day";
import { readListTags, readPeoplePage } from "@/server/queries/person";
import { PEOPLE_PAGE_SIZE, type TListPeopleInput } from "@/server/schemas/person";
import type { ListReader, PersonRef } from "./person-access";

/** The cursor is opaque to clients: base64url of [sortName, id]. */
export function encodeCursor(row: { sortName: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.sortName, row.id])).toString("base64url");
}
export function decodeCursor(cursor: string): { sortName: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      return { sortName: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw badRequest("That page link is not valid. Reload the list.", "cursor");
}

export async function listPeople(db: DbClient, reader: Pick<ListReader, "membershipId">, input: TListPeopleInput) {
  const limit = input.limit ?? PEOPLE_PAGE_SIZE;
  const rows = await readPeoplePage(db, {
    membershipId: reader.membershipId,
    search: input.search,
    stage: input.stage,
    tag: input.tag,
    archived: input.archived,
    after: input.cursor ? decodeCursor(input.cursor) : null,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    people: page.map(({ sortName: _sortName, ...person }) => person),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** The tags of the caller's own list with how many people carry each (the tag filter offers them all). */
export async function listTags(db: DbClient, reader: Pick<ListReader, "membershipId">) {
  return readListTags(db, { membershipId: reader.membershipId });
}

/** One person and their timeline (touches, newest first); `canEdit` false for an upline reading a shared person. */
export async function getPerson(db: DbClient, person: PersonRef & { access: "edit" | "read" }) {
  const shared = person.access === "read";
  const row = await db.person.findUniqueOrThrow({
    where: { id: person.id },
    select: {
      id: true,
      name: true,
      phone: !shared,
      email: !shared,
      handle: !shared,
      source: true,
      tags: true,
      notes: true,
      stageMetricId: true,
      outcome: true,
      nextFollowUp: true,
      sharedWithUpline: true,
      joinedMembershipId: true,
      archivedAt: true,
      createdAt: true,
      membership: { select: { id: true, user: { select: { name: true } } } },
      stage: { select: { id: true, name: true } },
      touches: {
        orderBy: [{ day: "desc" }, { createdAt: "desc" }],
        take: 200,
        select: {
          id: true,
          day: true,
          note: true,
          entryId: true,
          createdAt: true,
          metric: { select: { id: true, name: true } },
        },
      },
    },
  });
  return {
    id: row.id,
    name: row.name,
    phone: row.phone ?? null,
    email: row.email ?? null,
    handle: row.handle ?? null,
    source: row.source,
    tags: row.tags,
    notes: row.notes,
    stageMetricId: row.stageMetricId,
    stageName: row.stage?.name ?? null,
    outcome: row.outcome,
    nextFollowUp: row.nextFollowUp ? toIsoDay(row.nextFollowUp) : null,
    sharedWithUpline: row.sharedWithUpline,
    joinedMembershipId: row.joinedMembershipId,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt,
    owner: { id: row.membership.id, name: row.membership.user.name },
    canEdit: person.access === "edit",
    timeline: row.touches.map((t) => ({
      id: t.id,
      day: toIsoDay(t.day),
      note: t.note,
      entryId: t.entryId,
      metricId: t.metric?.id ?? null,
      metricName: t.metric?.name ?? null,
      createdAt: t.createdAt,
    })),
  };
}
