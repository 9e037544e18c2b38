/**
 * The signed-in member's profile in a team: their account (name, address, whether it is verified, a change of address
 * waiting for its link, whether they have a password) and their settings in this team (minutes a day for the
 * business, time zone, reminder time) and the split weight their leader set. Their own conversion rates are
 * `getMyConversionRates`; their days off are the calendar's (`calendar.myDaysOff`).
 */
import type { DbClient } from "@/server/db-client";
import { DEFAULT_MINUTES_PER_DAY } from "@/server/domain/member-actions";
import { memberToday } from "@/server/clock";
import { pendingEmailChange } from "@/server/services/auth/change-email";
import type { TeamScope } from "@/server/services/team/scope";

export async function getMyProfile(db: DbClient, scope: TeamScope) {
  const { actor, team } = scope;
  const m = await db.membership.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      id: true,
      role: true,
      minutesPerDay: true,
      splitWeight: true,
      timeZone: true,
      reminderTime: true,
      user: { select: { id: true, name: true, email: true, emailVerified: true, passwordHash: true, locale: true } },
    },
  });
  const pending = await pendingEmailChange(db, m.user.id);
  return {
    membershipId: m.id,
    role: m.role,
    name: m.user.name,
    email: m.user.email,
    /** The formats of dates and numbers in their emails; null = the default (en-GB). */
    locale: m.user.locale,
    verified: m.user.emailVerified !== null,
    hasPassword: m.user.passwordHash !== null,
    /** A new address waiting for its link (until then `email` is the account's). */
    pendingEmail: pending,
    /** null = not said: plans assume `defaultMinutesPerDay`. */
    minutesPerDay: m.minutesPerDay,
    defaultMinutesPerDay: DEFAULT_MINUTES_PER_DAY,
    /** Percentage of a full-time share under the weighted split rule (set by their leader). */
    splitWeight: m.splitWeight,
    timeZone: m.timeZone,
    teamTimeZone: team.timeZone,
    reminderTime: m.reminderTime,
    today: memberToday({ ...actor, timeZone: m.timeZone }, team),
  };
}
