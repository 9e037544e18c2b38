/**
 * The team's settings as the settings page reads them (`team.settings`): every setting, the version the form saves
 * against, whether the currency is locked (and why), and the old addresses that still redirect here.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { currencyLockReason } from "./currency-lock";
import type { TeamScope } from "./scope";

export const teamSettingsSelect = {
  id: true,
  name: true,
  slug: true,
  currency: true,
  timeZone: true,
  weekStartsOn: true,
  workingDays: true,
  backdateDays: true,
  membersCanInvite: true,
  uplineCanEditEntries: true,
  leaderboardEnabled: true,
  sponsorsLeadBranches: true,
  leadersCanEditSettings: true,
  reviewWeekday: true,
  reviewTime: true,
  reviewMinutes: true,
  settingsVersion: true,
} satisfies Prisma.TeamSelect;

export type TeamSettingsRow = Prisma.TeamGetPayload<{ select: typeof teamSettingsSelect }>;

export async function getTeamSettings(db: DbClient, scope: TeamScope) {
  const teamId = scope.team.id;
  const [team, currencyLocked, redirects] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSettingsSelect }),
    currencyLockReason(db, teamId),
    db.teamSlugRedirect.findMany({ where: { teamId }, select: { slug: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const { settingsVersion, ...settings } = team;
  return {
    ...settings,
    version: settingsVersion,
    currencyLocked,
    oldSlugs: redirects.map((r) => r.slug),
    /** The owner alone decides whether leaders may change settings, hands the team over and deletes it. */
    isOwner: scope.actor.role === "OWNER",
  };
}

/** May this member change the team's settings? The owner; a leader where the owner allows it. */
export async function canChangeTeamSettings(db: DbClient, scope: TeamScope): Promise<boolean> {
  if (scope.actor.role === "OWNER") return true;
  if (scope.actor.role !== "LEADER") return false;
  const team = await db.team.findUnique({ where: { id: scope.team.id }, select: { leadersCanEditSettings: true } });
  return team?.leadersCanEditSettings === true;
}
