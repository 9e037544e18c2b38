/**
 * Commitment due (the hourly job `alerts.commitment-due`): a member's commitment for a week (Commitment, made at the
 * weekly review or by the member — `commitmentWeeks` in server/domain/review-week.ts) is due on the LAST open day of
 * that week for them (a working weekday of the team that is not a team holiday or one of their days off). That
 * morning, in their zone (the alerts' window, server/domain/behind-pace-alerts.ts), they get COMMITMENT_DUE once per
 * commitment (dedupe key `commitment-due:<commitmentId>`), with what they logged of it this week when it names a
 * metric and an amount. A week with no open day for them has no due day: no alert.
 *
 * Set-based: the commitments of the weeks that can be due now (one read), the teams' holidays and their days off
 * (one read each), what they logged of the named metrics (one grouped read); one insert.
 */
import type { DbClient } from "@/server/db-client";
import { memberTimeZone, nowMs, todayIn } from "@/server/clock";
import { amountOf, inAlertWindow, isRestDay } from "@/server/domain/behind-pace-alerts";
import { hourInTimeZone } from "@/server/domain/zoned-time";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { notifyMany, type NotifyInput } from "@/server/services/notification/notify";

/** The last day of the week from `weekStart` that is not a rest day, or null. */
export function commitmentDueDay(weekStart: IsoDate, isRest: (day: IsoDate) => boolean): IsoDate | null {
  for (let k = 6; k >= 0; k--) {
    const day = addDays(weekStart, k);
    if (!isRest(day)) return day;
  }
  return null;
}

export async function sendCommitmentDueAlerts(db: DbClient): Promise<{ made: number }> {
  const at = nowMs();
  // Every zone's today is within a day of UTC's: the weeks that can be due now started 5–8 days ago at most.
  const utcToday = todayIn("UTC");
  const commitments = await db.commitment.findMany({
    where: {
      weekStart: { gte: toDbDay(addDays(utcToday, -8)), lte: toDbDay(addDays(utcToday, 1)) },
      membership: { status: "ACTIVE" },
    },
    select: {
      id: true,
      teamId: true,
      membershipId: true,
      weekStart: true,
      text: true,
      amount: true,
      metric: { select: { id: true, name: true, unit: true } },
      membership: { select: { userId: true, timeZone: true } },
      team: { select: { slug: true, timeZone: true, workingDays: true, currency: true } },
    },
  });
  const inWindow = commitments.filter((c) => inAlertWindow(hourInTimeZone(at, memberTimeZone(c.membership, c.team))));
  if (inWindow.length === 0) return { made: 0 };

  const from = toDbDay(addDays(utcToday, -8));
  const to = toDbDay(addDays(utcToday, 8));
  const teamIds = [...new Set(inWindow.map((c) => c.teamId))];
  const memberIds = [...new Set(inWindow.map((c) => c.membershipId))];
  const [holidays, daysOff] = await Promise.all([
    db.teamHoliday.findMany({ where: { teamId: { in: teamIds }, day: { gte: from, lte: to } } }),
    db.memberDayOff.findMany({ where: { membershipId: { in: memberIds }, day: { gte: from, lte: to } } }),
  ]);
  const setOf = (rows: { key: string; day: Date }[]) => {
    const map = new Map<string, Set<IsoDate>>();
    for (const r of rows) map.set(r.key, (map.get(r.key) ?? new Set<IsoDate>()).add(toIsoDay(r.day)));
    return map;
  };
  const holidaysOf = setOf(holidays.map((h) => ({ key: h.teamId, day: h.day })));
  const offOf = setOf(daysOff.map((d) => ({ key: d.membershipId, day: d.day })));
  const none = new Set<IsoDate>();

  const due = inWindow.filter((c) => {
    const localDay = todayIn(memberTimeZone(c.membership, c.team));
    const calendar = {
      workingDays: c.team.workingDays,
      holidays: holidaysOf.get(c.teamId) ?? none,
      daysOff: offOf.get(c.membershipId) ?? none,
    };
    return commitmentDueDay(toIsoDay(c.weekStart), (d) => isRestDay(d, calendar)) === localDay;
  });
  if (due.length === 0) return { made: 0 };

  // What they logged of the named metrics over their weeks (one grouped read).
  const counted = due.filter((c) => c.metric !== null && c.amount !== null);
  const logged = new Map<string, number>();
  if (counted.length > 0) {
    const totals = await db.dailyTotal.groupBy({
      by: ["membershipId", "metricId", "day"],
      where: {
        membershipId: { in: counted.map((c) => c.membershipId) },
        metricId: { in: counted.map((c) => c.metric!.id) },
        day: { gte: from, lte: to },
      },
      _sum: { total: true },
    });
    for (const c of counted) {
      const start = toIsoDay(c.weekStart);
      const end = addDays(start, 6);
      let sum = 0;
      for (const t of totals) {
        const day = toIsoDay(t.day);
        if (t.membershipId === c.membershipId && t.metricId === c.metric!.id && day >= start && day <= end) {
          sum += t._sum.total ?? 0;
        }
      }
      logged.set(c.id, sum);
    }
  }

  const inputs: NotifyInput[] = due.map((c) => {
    const progress =
      c.metric !== null && c.amount !== null
        ? ` So far this week: ${amountOf(logged.get(c.id) ?? 0, c.metric, c.team.currency).n} of ${amountOf(c.amount, c.metric, c.team.currency).phrase}.`
        : "";
    return {
      userId: c.membership.userId,
      teamId: c.teamId,
      kind: "COMMITMENT_DUE",
      title: "Your commitment for this week is due today",
      body: `“${c.text}”${progress}`,
      url: `/${c.team.slug}/review`,
      dedupeKey: `commitment-due:${c.id}`,
    };
  });
  return { made: await notifyMany(db, inputs) };
}
