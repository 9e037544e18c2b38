/**
 * SQL of the names list (issue 18): a page of a member's list (search, stage and tag filters, keyset paging on the
 * name — ONE read per page), the counts per stage of every list in a subtree (no names), and the people a downline
 * shares with their upline. Each query decodes its rows through one zod schema; round trip tested in
 * person.integration.test.ts. Who may read what is decided before (server/services/team/permissions.ts
 * `personAccess`): these queries take the membership whose list they read.
 */
import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import type { DbClient } from "@/server/db-client";
import { subtreeCte } from "./tree";
import { queryRows, zcol, zodRows } from "./decode";

const ZIsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ZOutcome = z.enum(["JOINED", "CUSTOMER", "LOST"]);

const ZPersonRow = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  handle: z.string().nullable(),
  source: z.string().nullable(),
  tags: z.array(z.string()),
  stageMetricId: z.string().nullable(),
  outcome: ZOutcome.nullable(),
  nextFollowUp: ZIsoDay.nullable(),
  sharedWithUpline: z.boolean(),
  archived: z.boolean(),
  /** The paging key: lower(name). */
  sortName: z.string(),
});
export type PersonListRow = z.output<typeof ZPersonRow>;
const personRows = zodRows("person.page", ZPersonRow);

/** LIKE's wildcards and escape taken literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PeoplePageArgs {
  membershipId: string;
  search?: string;
  /** A funnel metric id, "none" (no stage, no outcome) or an outcome. */
  stage?: string;
  tag?: string;
  archived?: boolean;
  /** Rows after this (sortName, id), exclusive. */
  after?: { sortName: string; id: string } | null;
  limit: number;
}

/** One page of a member's list, ordered by name (then id): `limit` rows, in ONE query. */
export function readPeoplePage(db: DbClient, args: PeoplePageArgs): Promise<PersonListRow[]> {
  const where: Prisma.Sql[] = [Prisma.sql`p."membershipId" = ${args.membershipId}`];
  where.push(args.archived ? Prisma.sql`p."archivedAt" IS NOT NULL` : Prisma.sql`p."archivedAt" IS NULL`);
  const search = args.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    const digits = search.replace(/\D/g, "");
    const byPhone =
      digits.length >= 3
        ? Prisma.sql`OR regexp_replace(coalesce(p.phone, ''), '\\D', '', 'g') LIKE ${likePattern(digits)}`
        : Prisma.empty;
    where.push(Prisma.sql`(
      lower(p.name) LIKE ${pattern}
      OR lower(coalesce(p.email, '')) LIKE ${pattern}
      OR lower(coalesce(p.handle, '')) LIKE ${pattern}
      OR lower(coalesce(p.phone, '')) LIKE ${pattern}
      OR EXISTS (SELECT 1 FROM unnest(p.tags) AS t(tag) WHERE t.tag LIKE ${pattern})
      ${byPhone})`);
  }
  if (args.stage === "none") where.push(Prisma.sql`p."stageMetricId" IS NULL AND p.outcome IS NULL`);
  else if (args.stage === "JOINED" || args.stage === "CUSTOMER" || args.stage === "LOST")
    where.push(Prisma.sql`p.outcome = ${args.stage}::"PersonOutcome"`);
  else if (args.stage) where.push(Prisma.sql`p."stageMetricId" = ${args.stage} AND p.outcome IS NULL`);
  if (args.tag) where.push(Prisma.sql`${args.tag} = ANY (p.tags)`);
  if (args.after) where.push(Prisma.sql`(lower(p.name), p.id) > (${args.after.sortName}, ${args.after.id})`);
  return queryRows(
    db,
    personRows,
    Prisma.sql`
    SELECT p.id, p.name, p.phone, p.email, p.handle, p.source, p.tags, p."stageMetricId", p.outcome::text AS outcome,
           to_char(p."nextFollowUp", 'YYYY-MM-DD') AS "nextFollowUp", p."sharedWithUpline",
           (p."archivedAt" IS NOT NULL) AS archived, lower(p.name) AS "sortName"
      FROM "Person" p
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY lower(p.name), p.id
     LIMIT ${args.limit}`,
  );
}

const ZStageCountRow = z.object({
  membershipId: z.string(),
  parentId: z.string().nullable(),
  depth: zcol.int,
  memberName: z.string(),
  stageMetricId: z.string().nullable(),
  outcome: ZOutcome.nullable(),
  count: zcol.int,
});
export type StageCountRow = z.output<typeof ZStageCountRow>;
const stageCountRows = zodRows("person.stageCounts", ZStageCountRow);

/**
 * For every active member of the subtree rooted at `rootId`: how many people of their (not archived) list are at each
 * stage — counts only, never a name of the list. A member with an empty list has one row with count 0.
 */
export function readStageCounts(db: DbClient, args: { teamId: string; rootId: string }): Promise<StageCountRow[]> {
  return queryRows(
    db,
    stageCountRows,
    Prisma.sql`${subtreeCte({ teamId: args.teamId, rootId: args.rootId })}
    SELECT d.id AS "membershipId", d."parentId", d.depth, u.name AS "memberName",
           p."stageMetricId", p.outcome::text AS outcome, count(p.id) AS count
      FROM down d
      JOIN "Membership" m ON m.id = d.id
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "Person" p ON p."membershipId" = d.id AND p."archivedAt" IS NULL
     GROUP BY d.id, d."parentId", d.depth, u.name, u.email, p."stageMetricId", p.outcome
     ORDER BY d.depth, d.id`,
  );
}

const ZTagRow = z.object({ tag: z.string(), count: zcol.int });
export type TagCountRow = z.output<typeof ZTagRow>;
const tagRows = zodRows("person.tags", ZTagRow);

/** Every tag on a member's list (archived people left out) with how many people carry it, by use then name. */
export function readListTags(db: DbClient, args: { membershipId: string }): Promise<TagCountRow[]> {
  return queryRows(
    db,
    tagRows,
    Prisma.sql`SELECT t.tag, count(*) AS count
      FROM "Person" p CROSS JOIN LATERAL unnest(p.tags) AS t(tag)
     WHERE p."membershipId" = ${args.membershipId} AND p."archivedAt" IS NULL
     GROUP BY t.tag
     ORDER BY count(*) DESC, lower(t.tag), t.tag`,
  );
}

const ZSharedRow = z.object({
  id: z.string(),
  name: z.string(),
  stageMetricId: z.string().nullable(),
  outcome: ZOutcome.nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
});
export type SharedPersonRow = z.output<typeof ZSharedRow>;
const sharedRows = zodRows("person.sharedWithMe", ZSharedRow);

/**
 * The people shared with their upline (`sharedWithUpline`, not archived) by the active members of the subtree rooted
 * at `rootId`, the root's own list excluded: name and stage only.
 */
export function readSharedPeople(db: DbClient, args: { teamId: string; rootId: string }): Promise<SharedPersonRow[]> {
  return queryRows(
    db,
    sharedRows,
    Prisma.sql`${subtreeCte({ teamId: args.teamId, rootId: args.rootId })}
    SELECT p.id, p.name, p."stageMetricId", p.outcome::text AS outcome, d.id AS "ownerId",
           u.name AS "ownerName"
      FROM down d
      JOIN "Membership" m ON m.id = d.id
      JOIN "User" u ON u.id = m."userId"
      JOIN "Person" p ON p."membershipId" = d.id
     WHERE d.id <> ${args.rootId} AND p."sharedWithUpline" AND p."archivedAt" IS NULL
     ORDER BY lower(p.name), p.id`,
  );
}
