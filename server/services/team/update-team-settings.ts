/**
 * Changes a team's settings (`team.updateSettings`; the dashboard's leaderboard switch comes here too): only the
 * fields that differ are written, each one recorded as an AuditEvent `team.setting_changed` { field, from, to }.
 *
 * - Optimistic concurrency: `version` is the settings version the form was filled from; a save on stale settings is
 *   a CONFLICT (nothing written), and every save that changes something bumps the version. The write itself is a
 *   compare-and-set on the version, so two racing saves cannot both win.
 * - The address (slug) is unique among current slugs; the old one keeps working through `TeamSlugRedirect`.
 * - The currency rule lives in ./currency-lock.ts.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TTeamSettingsPatch } from "@/server/schemas/team";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { currencyLockReason } from "./currency-lock";
import { teamSettingsSelect, type TeamSettingsRow } from "./team-settings";
import type { TeamScope } from "./scope";

type Field = keyof TTeamSettingsPatch;

/** The settings in the order the audit log records them. */
export const SETTING_FIELDS: readonly Field[] = [
  "name",
  "slug",
  "currency",
  "timeZone",
  "weekStartsOn",
  "workingDays",
  "backdateDays",
  "membersCanInvite",
  "uplineCanEditEntries",
  "leaderboardEnabled",
  "sponsorsLeadBranches",
  "leadersCanEditSettings",
  "reviewWeekday",
  "reviewTime",
  "reviewMinutes",
];

const sortedDays = (days: readonly number[]) => [...days].sort((a, b) => a - b);

function normalised(field: Field, value: unknown): unknown {
  return field === "workingDays" ? sortedDays(value as number[]) : value;
}

/** The fields of `patch` whose value differs from the team's, with before → after. */
export function settingChanges(current: TeamSettingsRow, patch: TTeamSettingsPatch) {
  const changes: { field: Field; from: unknown; to: unknown }[] = [];
  for (const field of SETTING_FIELDS) {
    const wanted = patch[field];
    if (wanted === undefined) continue;
    const from = normalised(field, current[field]);
    const to = normalised(field, wanted);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

export async function updateTeamSettings(db: Db, scope: TeamScope, input: TTeamSettingsPatch & { version?: number }) {
  const { version, ...patch } = input;
  const teamId = scope.team.id;
  return db.$transaction(async (tx) => {
    const current = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSettingsSelect });
    if (version !== undefined && version !== current.settingsVersion) throw staleSettings();
    const changes = settingChanges(current, patch);
    if (changes.length === 0) return { ...withoutVersion(current), version: current.settingsVersion, changed: [] };

    const fields = new Set(changes.map((c) => c.field));
    if (fields.has("slug")) {
      const taken = await tx.team.findFirst({ where: { slug: patch.slug, NOT: { id: teamId } }, select: { id: true } });
      if (taken) throw new AppError("CONFLICT", "Another team already uses this address.", { field: "slug" });
    }
    // The weekly review meeting is a weekday and a time together (or neither: no meeting in the calendar feeds).
    const weekday = patch.reviewWeekday !== undefined ? patch.reviewWeekday : current.reviewWeekday;
    const time = patch.reviewTime !== undefined ? patch.reviewTime : current.reviewTime;
    if ((weekday === null) !== (time === null))
      throw new AppError(
        "BAD_REQUEST",
        weekday === null ? "Choose the meeting's day, or clear its time." : "Choose the meeting's time.",
        { field: weekday === null ? "reviewWeekday" : "reviewTime" },
      );
    if (fields.has("currency")) {
      const reason = await currencyLockReason(tx, teamId);
      if (reason) throw new AppError("BAD_REQUEST", reason, { field: "currency" });
    }

    const data: Prisma.TeamUpdateManyMutationInput = { settingsVersion: { increment: 1 } };
    for (const { field, to } of changes) Object.assign(data, { [field]: to });
    const written = await tx.team.updateMany({ where: { id: teamId, settingsVersion: current.settingsVersion }, data });
    if (written.count !== 1) throw staleSettings();

    if (fields.has("slug")) {
      // The old address redirects here; the new one, if it was an old address of this team, is current again.
      await tx.teamSlugRedirect.deleteMany({ where: { teamId, slug: patch.slug } });
      await tx.teamSlugRedirect.upsert({
        where: { teamId_slug: { teamId, slug: current.slug } },
        create: { teamId, slug: current.slug },
        update: {},
      });
    }
    for (const { field, from, to } of changes) {
      await recordActorEvent(tx, scope.actor, {
        action: "team.setting_changed",
        subjectId: teamId,
        data: { field, from, to } as Prisma.InputJsonValue,
      });
    }
    const saved = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSettingsSelect });
    return { ...withoutVersion(saved), version: saved.settingsVersion, changed: changes.map((c) => c.field) };
  });
}

function withoutVersion(row: TeamSettingsRow) {
  const { settingsVersion: _version, ...rest } = row;
  return rest;
}

function staleSettings() {
  return new AppError(
    "CONFLICT",
    "Someone else changed the team settings while you were editing. Reload the page to see their changes, then save again.",
  );
}
