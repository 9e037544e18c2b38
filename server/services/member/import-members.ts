/**
 * Import members from CSV (name, email, upline email); the owner and leaders (`memberImportProcedure`). Importing
 * never attaches anyone: each valid row becomes a pending INVITATION bound to that address (single use, expiring,
 * landing under the given upline) and an email with its link; the person joins only by accepting it (verified
 * accounts only, server/services/invite/accept-invite.ts), in the email or on their teams page. No account is
 * created, and nobody's real name is shown: the importer sees only what they typed.
 *
 * A file can import a tree: a row's upline may be another row of the file (server/domain/import-chain.ts). That
 * row's invitation waits for its upline's and is sent once they have joined, landing under them (or, if they
 * decline or the invitation is revoked, where theirs would have landed: server/services/invite/
 * release-waiting-invites.ts). Every chain must end at a member of the importer's part of the team.
 *
 * Nothing the preview says depends on who uses Backplan outside the importer's part of the team: the upline must
 * be a member of the importer's subtree (the owner: anyone in the team) or a row of the file — any other address gets the same error,
 * whether it is a member elsewhere in the team or nobody; an address already in the importer's subtree is flagged
 * (they can see it in their tree anyway); an address that is a member outside it is treated like any other row and
 * simply gets no invitation. A preview (commit = false) writes nothing; a commit writes every invitation in ONE
 * transaction, and only when every row is valid unless `onlyValid` is chosen. Constant number of queries whatever
 * the file size (mails are sent after the commit, rate limited per address).
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { z } from "zod";
import type { Db } from "@/server/db-client";
import { ZEmail, ZPersonName } from "@/server/schemas/common";
import type { TImportMembersInput } from "@/server/schemas/member";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { sendInvitationEmail } from "@/server/services/invite/invitation-mail";
import { IMPORT_INVITATION_DAYS } from "@/server/services/invite/invitation-days";
import { newInviteToken } from "@/server/services/invite/invite-token";
import { chainOrder, chainRows } from "@/server/domain/import-chain";
import type { TeamScope } from "@/server/services/team/scope";
import { listSubtree, lockTeamTree } from "@/server/queries/tree";
import * as clock from "@/server/clock";

const DAY_MS = 86_400_000;

export const MAX_IMPORT_ROWS = 5000;

export interface ImportRowResult {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  name: string;
  email: string;
  upline: string;
  /** The upline is another row of the file (this address): the invitation waits until they have joined. */
  waitsFor?: string;
  errors: string[];
}

export interface ImportResult {
  rows: ImportRowResult[];
  valid: number;
  invalid: number;
  /** True when invitations were written. */
  committed: boolean;
  /** Rows invited (each person gets an invitation to accept). */
  invited: number;
  /** Valid rows whose upline is another row of the file: their invitation is sent once that person has joined. */
  waiting: number;
  /** Why a commit wrote nothing (rows with errors and `onlyValid` not chosen). */
  message?: string;
}

const HEADERS: Record<string, "name" | "email" | "upline"> = {
  name: "name",
  "full name": "name",
  email: "email",
  "e-mail": "email",
  upline: "upline",
  "upline email": "upline",
  upline_email: "upline",
  "upline e-mail": "upline",
  sponsor: "upline",
  "sponsor email": "upline",
};

const firstError = (r: { success: boolean; error?: z.ZodError }) => r.error?.issues[0]?.message ?? "Invalid";

export async function importMembers(db: Db, scope: TeamScope, input: TImportMembersInput): Promise<ImportResult> {
  const { actor } = scope;
  const teamId = scope.team.id;

  const parsed = Papa.parse<Record<string, string>>(input.csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => HEADERS[h.trim().toLowerCase()] ?? h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = (["name", "email", "upline"] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    return {
      rows: [],
      valid: 0,
      invalid: 0,
      committed: false,
      invited: 0,
      waiting: 0,
      message: `The file needs the columns name, email and upline email (missing: ${missing.join(", ")}).`,
    };
  }
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      valid: 0,
      invalid: 0,
      committed: false,
      invited: 0,
      waiting: 0,
      message: `At most ${MAX_IMPORT_ROWS} rows per file.`,
    };
  }

  const rows: ImportRowResult[] = parsed.data.map((raw, i) => ({
    line: i + 2,
    name: (raw.name ?? "").trim(),
    email: (raw.email ?? "").trim().toLowerCase(),
    upline: (raw.upline ?? "").trim().toLowerCase(),
    errors: [],
  }));

  // Only the importer's part of the team is consulted: whatever lies outside it must not change any answer.
  const visible = await listSubtree(db, { teamId, rootId: actor.id });
  const emails = [...new Set(rows.flatMap((r) => [r.email, r.upline]).filter(Boolean))];
  const inMyPart = await db.membership.findMany({
    where: { id: { in: visible.map((v) => v.id) }, status: "ACTIVE", user: { email: { in: emails } } },
    select: { id: true, user: { select: { email: true } } },
  });
  const visibleByEmail = new Map(inMyPart.map((m) => [m.user.email, m.id]));

  const fileEmails = new Map<string, number>();
  for (const r of rows) fileEmails.set(r.email, (fileEmails.get(r.email) ?? 0) + 1);

  for (const r of rows) {
    const name = ZPersonName.safeParse(r.name);
    if (!name.success) r.errors.push(`Name: ${firstError(name)}`);
    const email = ZEmail.safeParse(r.email);
    if (!email.success) r.errors.push(`Email: ${firstError(email)}`);
    else if ((fileEmails.get(r.email) ?? 0) > 1) r.errors.push(`Email: ${r.email} appears more than once in the file`);
    else if (visibleByEmail.has(r.email)) r.errors.push(`Email: ${r.email} is already in your part of the team`);
    if (!r.upline) r.errors.push("Upline email: Required");
    else if (r.upline === r.email) r.errors.push("Upline email: a member cannot be their own upline");
    else if (!visibleByEmail.has(r.upline) && !fileEmails.has(r.upline))
      r.errors.push(`Upline email: ${r.upline} is not a member of your part of the team`);
  }
  chainRows(rows, visibleByEmail);

  const validRows = rows.filter((r) => r.errors.length === 0);
  const result: ImportResult = {
    rows,
    valid: validRows.length,
    invalid: rows.length - validRows.length,
    committed: false,
    invited: 0,
    waiting: validRows.filter((r) => r.waitsFor).length,
  };
  if (!input.commit) return result;
  if (result.invalid > 0 && !input.onlyValid) {
    return {
      ...result,
      message: `${result.invalid} row(s) have errors. Fix them, or choose to invite only the valid rows.`,
    };
  }
  if (validRows.length === 0) return { ...result, message: "There is nothing to import." };

  const now = clock.now();
  const expiresAt = new Date(now.getTime() + IMPORT_INVITATION_DAYS * DAY_MS);
  const skip = new Set<string>();
  const invitations = await db.$transaction(async (tx) => {
    await lockTeamTree(tx, teamId);
    // Members elsewhere in the team get no invitation (and the importer is not told: the row counts as invited);
    // rows waiting for such a row take its place (its upline, or what it waited for).
    const members = await tx.membership.findMany({
      where: { teamId, status: "ACTIVE", user: { email: { in: validRows.map((r) => r.email) } } },
      select: { user: { select: { email: true } } },
    });
    for (const m of members) skip.add(m.user.email);
    const planned = planInvitations(validRows, visibleByEmail, skip);
    await tx.invite.createMany({
      data: planned.map((i) => ({
        id: i.id,
        teamId,
        tokenHash: i.tokenHash,
        createdById: actor.id,
        email: i.row.email,
        parentId: i.parentId,
        afterInviteId: i.afterInviteId,
        role: "MEMBER" as const,
        maxUses: 1,
        expiresAt,
        createdAt: now,
      })),
    });
    await recordActorEvent(tx, actor, { action: "member.invited_by_import", data: { count: validRows.length } });
    return planned;
  });
  // Only open invitations are mailed now; waiting ones are mailed when the one they wait for is settled.
  for (const i of invitations) {
    if (i.afterInviteId) continue;
    await sendInvitationEmail(db, { to: i.row.email, token: i.token, teamName: scope.team.name });
  }
  return { ...result, committed: true, invited: validRows.length };
}

/**
 * The invitations to write, uplines first: each with its id and token, landing under its upline member, or waiting
 * for its upline row's invitation (then landing, until it opens, under the member that chain starts from).
 */
function planInvitations(rows: ImportRowResult[], membersByEmail: ReadonlyMap<string, string>, skip: Set<string>) {
  const planned = new Map<ImportRowResult, { id: string; parentId: string }>();
  return chainOrder(rows, skip).map(({ row, upline }) => {
    const after = "row" in upline ? planned.get(upline.row)! : null;
    const parentId = "row" in upline ? after!.parentId : membersByEmail.get(upline.member)!;
    const invitation = { row, id: randomUUID(), parentId, afterInviteId: after?.id ?? null, ...newInviteToken() };
    planned.set(row, invitation);
    return invitation;
  });
}
