/**
 * Import members from CSV (name, email, upline email); the owner and leaders (`memberImportProcedure`). A preview (commit = false) validates every row and writes
 * nothing; a commit writes in ONE transaction, and only when every row is valid unless `onlyValid` is chosen.
 * New people get accounts without a password (they sign in by magic link) and land under the given upline, who
 * must be in the importer's subtree (the owner: anyone in the team) or another valid row of the same file.
 * Constant number of queries whatever the file size.
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { z } from "zod";
import type { Db } from "@/server/db-client";
import { ZEmail, ZPersonName } from "@/server/schemas/common";
import type { TImportMembersInput } from "@/server/schemas/member";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { listSubtree, lockTeamTree } from "@/server/queries/tree";

export const MAX_IMPORT_ROWS = 5000;

export interface ImportRowResult {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  name: string;
  email: string;
  upline: string;
  errors: string[];
}

export interface ImportResult {
  rows: ImportRowResult[];
  valid: number;
  invalid: number;
  /** True when rows were written. */
  committed: boolean;
  imported: number;
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
      imported: 0,
      message: `The file needs the columns name, email and upline email (missing: ${missing.join(", ")}).`,
    };
  }
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      valid: 0,
      invalid: 0,
      committed: false,
      imported: 0,
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

  // What the database knows: who is in the importer's subtree (by email), and who is already in the team.
  const visible = await listSubtree(db, { teamId, rootId: actor.id });
  const emails = [...new Set(rows.flatMap((r) => [r.email, r.upline]).filter(Boolean))];
  const known = await db.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, memberships: { where: { teamId, status: "ACTIVE" }, select: { id: true } } },
  });
  const visibleIds = new Set(visible.map((v) => v.id));
  const userByEmail = new Map(known.map((u) => [u.email, u]));
  const memberInTeam = (email: string) => userByEmail.get(email)?.memberships[0]?.id;

  const fileEmails = new Map<string, number>();
  for (const r of rows) fileEmails.set(r.email, (fileEmails.get(r.email) ?? 0) + 1);

  for (const r of rows) {
    const name = ZPersonName.safeParse(r.name);
    if (!name.success) r.errors.push(`Name: ${firstError(name)}`);
    const email = ZEmail.safeParse(r.email);
    if (!email.success) r.errors.push(`Email: ${firstError(email)}`);
    else if ((fileEmails.get(r.email) ?? 0) > 1) r.errors.push(`Email: ${r.email} appears more than once in the file`);
    else if (memberInTeam(r.email)) r.errors.push(`Email: ${r.email} is already a member of this team`);
    if (!r.upline) r.errors.push("Upline email: Required");
    else if (r.upline === r.email) r.errors.push("Upline email: a member cannot be their own upline");
    else {
      const uplineId = memberInTeam(r.upline);
      if (uplineId) {
        if (!visibleIds.has(uplineId)) r.errors.push(`Upline email: ${r.upline} is not in your part of the team`);
      } else if (!fileEmails.has(r.upline)) {
        r.errors.push(`Upline email: ${r.upline} is not a member of this team or a row of this file`);
      }
    }
  }
  // A row whose upline is another row is valid only if that row is (repeat until stable; also catches cycles).
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const resolved = new Map<string, boolean>();
  const okChain = (r: ImportRowResult, seen: Set<string>): boolean => {
    if (resolved.has(r.email)) return resolved.get(r.email)!;
    if (r.errors.length > 0) return false;
    if (memberInTeam(r.upline)) return true;
    const up = byEmail.get(r.upline);
    if (!up || seen.has(up.email)) return false;
    seen.add(r.email);
    const ok = okChain(up, seen);
    resolved.set(r.email, ok);
    return ok;
  };
  for (const r of rows) {
    if (r.errors.length === 0 && !memberInTeam(r.upline) && !okChain(r, new Set())) {
      r.errors.push(`Upline email: the row for ${r.upline} cannot be imported (it has errors or forms a loop)`);
    }
  }

  const validRows = rows.filter((r) => r.errors.length === 0);
  const result: ImportResult = {
    rows,
    valid: validRows.length,
    invalid: rows.length - validRows.length,
    committed: false,
    imported: 0,
  };
  if (!input.commit) return result;
  if (result.invalid > 0 && !input.onlyValid) {
    return {
      ...result,
      message: `${result.invalid} row(s) have errors. Fix them, or choose to import only the valid rows.`,
    };
  }
  if (validRows.length === 0) return { ...result, message: "There is nothing to import." };

  // Parents before children: a row goes after the row of its upline.
  const ids = new Map<string, string>();
  const ordered: ImportRowResult[] = [];
  const placed = new Set<string>();
  const place = (r: ImportRowResult) => {
    if (placed.has(r.email)) return;
    const up = byEmail.get(r.upline);
    if (!memberInTeam(r.upline) && up) place(up);
    placed.add(r.email);
    ordered.push(r);
  };
  validRows.forEach(place);
  for (const r of ordered) ids.set(r.email, randomUUID());

  await db.$transaction(async (tx) => {
    await lockTeamTree(tx, teamId);
    const newUsers = ordered.filter((r) => !userByEmail.has(r.email));
    await tx.user.createMany({
      data: newUsers.map((r) => ({ email: r.email, name: r.name, passwordHash: null })),
      skipDuplicates: true,
    });
    const users = await tx.user.findMany({
      where: { email: { in: ordered.map((r) => r.email) } },
      select: { id: true, email: true },
    });
    const userId = new Map(users.map((u) => [u.email, u.id]));
    await tx.membership.createMany({
      data: ordered.map((r) => ({
        id: ids.get(r.email)!,
        teamId,
        userId: userId.get(r.email)!,
        parentId: memberInTeam(r.upline) ?? ids.get(r.upline)!,
        role: "MEMBER" as const,
      })),
    });
    await recordActorEvent(tx, actor, { action: "member.imported", data: { count: ordered.length } });
  });
  return { ...result, committed: true, imported: ordered.length };
}
