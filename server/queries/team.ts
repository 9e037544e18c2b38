/**
 * SQL of the team: the caller's access (membership joined with its team, before every team procedure) and the pages
 * of the owner's entries export. Both are hot paths (every request; 5,000 rows a page), so rows go through the
 * strict mapper. Round trip tested in team.integration.test.ts.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { DbClient } from "@/server/db-client";
import { col, mappedRows, queryFirst, queryRows, type Row } from "./decode";
import { prepared } from "./prepared";
import { sessionRevokedSql } from "./session";

const ROLES: readonly Role[] = ["OWNER", "LEADER", "MEMBER"];

function role(row: Row, key: string): Role {
  const value = col.string(row, key);
  if (!(ROLES as readonly string[]).includes(value)) throw new Error(`column "${key}" is "${value}", expected a role`);
  return value as Role;
}

function intArray(row: Row, key: string): number[] {
  const value = row[key];
  if (!Array.isArray(value) || !value.every((v) => Number.isSafeInteger(v)))
    throw new Error(`column "${key}" is not a list of integers`);
  return value as number[];
}

export interface TeamAccessRow {
  /** The user's current session version (server/auth/session-version.ts), read here so revocation costs no query. */
  sessionVersion: number;
  /** The request's session (`sid`) was signed out (a `RevokedSession` row), read here for the same reason. */
  sessionRevoked: boolean;
  membership: {
    id: string;
    teamId: string;
    userId: string;
    parentId: string | null;
    role: Role;
    timeZone: string | null;
    /** Upline powers over their own branch: the owner, a leader, or a sponsor with a downline where the team lets
     * sponsors lead (`Team.sponsorsLeadBranches`; server/services/team/permissions.ts). */
    leadsBranch: boolean;
  };
  team: {
    id: string;
    slug: string;
    name: string;
    currency: string;
    timeZone: string;
    weekStartsOn: number;
    workingDays: number[];
    membersCanInvite: boolean;
    backdateDays: number;
    uplineCanEditEntries: boolean;
  };
}

const teamAccessRows = mappedRows("team.access", (r): TeamAccessRow => ({
  sessionVersion: col.int(r, "sessionVersion"),
  sessionRevoked: col.boolean(r, "sessionRevoked"),
  membership: {
    id: col.string(r, "id"),
    teamId: col.string(r, "teamId"),
    userId: col.string(r, "userId"),
    parentId: col.stringOrNull(r, "parentId"),
    role: role(r, "role"),
    timeZone: col.stringOrNull(r, "memberTimeZone"),
    leadsBranch: col.boolean(r, "leadsBranch"),
  },
  team: {
    id: col.string(r, "teamId"),
    slug: col.string(r, "slug"),
    name: col.string(r, "name"),
    currency: col.string(r, "currency"),
    timeZone: col.string(r, "timeZone"),
    weekStartsOn: col.int(r, "weekStartsOn"),
    workingDays: intArray(r, "workingDays"),
    membersCanInvite: col.boolean(r, "membersCanInvite"),
    backdateDays: col.int(r, "backdateDays"),
    uplineCanEditEntries: col.boolean(r, "uplineCanEditEntries"),
  },
}));

/**
 * Whether a membership (`m`, a "Membership" row) leads a branch in its team (`t`, its "Team" row) — the upline powers
 * over its own branch: the owner, a leader, or a sponsor with an active downline where the team lets sponsors lead.
 * The one SQL form of the rule of server/services/team/permissions.ts (also read by the notification of a proposal
 * waiting for a decision, server/queries/notification.ts).
 */
export function leadsBranchSql(m: Prisma.Sql, t: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${m}.role <> 'MEMBER' OR (${t}."sponsorsLeadBranches" AND EXISTS (
              SELECT 1 FROM "Membership" d WHERE d."parentId" = ${m}.id AND d.status = 'ACTIVE')))`;
}

/**
 * The user's ACTIVE membership in the team with the team's settings, their session version, whether the session
 * `sid` was signed out and whether they lead a branch (one index probe on "Membership"("parentId")), or null. ONE
 * query, before every team procedure: prepared (./prepared.ts; two texts, with or without `sid`).
 */
export function readTeamAccess(
  db: DbClient,
  args: { teamId: string; userId: string; sid?: string },
): Promise<TeamAccessRow | null> {
  return queryFirst(
    db,
    teamAccessRows,
    prepared(Prisma.sql`
    SELECT m.id, m."teamId", m."userId", m."parentId", m.role::text AS role, m."timeZone" AS "memberTimeZone",
           t.slug, t.name, t.currency, t."timeZone", t."weekStartsOn", t."workingDays", t."membersCanInvite",
           t."backdateDays", t."uplineCanEditEntries", u."sessionVersion",
           ${sessionRevokedSql(Prisma.sql`u.id`, args.sid)} AS "sessionRevoked",
           ${leadsBranchSql(Prisma.sql`m`, Prisma.sql`t`)} AS "leadsBranch"
      FROM "Membership" m
      JOIN "Team" t ON t.id = m."teamId"
      JOIN "User" u ON u.id = m."userId"
     WHERE m."teamId" = ${args.teamId} AND m."userId" = ${args.userId} AND m.status = 'ACTIVE'
     LIMIT 1`),
  );
}

export interface ExportEntryRow {
  id: string;
  day: Date;
  amount: number;
  note: string | null;
  name: string;
  email: string;
  /** ACTIVE or REMOVED. */
  status: string;
  metric: string;
  unit: string;
}

const exportEntryRows = mappedRows("team.exportEntriesPage", (r): ExportEntryRow => ({
  id: col.string(r, "id"),
  day: col.date(r, "day"),
  amount: col.int(r, "amount"),
  note: col.stringOrNull(r, "note"),
  name: col.string(r, "name"),
  email: col.string(r, "email"),
  status: col.string(r, "status"),
  metric: col.string(r, "metric"),
  unit: col.string(r, "unit"),
}));

/** One page of the team's live entries (removed members' included), keyset on (day, id), after `after`. */
export function readExportEntriesPage(
  db: DbClient,
  args: { teamId: string; after: { day: Date; id: string } | null; limit: number },
): Promise<ExportEntryRow[]> {
  const { after } = args;
  return queryRows(
    db,
    exportEntryRows,
    Prisma.sql`
    SELECT e.id, e.day, e.amount, e.note, u.name, u.email, m.status::text AS status, k.name AS metric, k.unit::text AS unit
      FROM "Entry" e
      JOIN "Membership" m ON m.id = e."membershipId"
      JOIN "User" u ON u.id = m."userId"
      JOIN "Metric" k ON k.id = e."metricId"
     WHERE e."teamId" = ${args.teamId} AND e."deletedAt" IS NULL
       ${after === null ? Prisma.empty : Prisma.sql`AND (e.day, e.id) > (${after.day}::date, ${after.id})`}
     ORDER BY e.day, e.id
     LIMIT ${args.limit}`,
  );
}
