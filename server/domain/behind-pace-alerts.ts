/**
 * Behind-pace alerts (issue 20): who is told what, on which morning. Pure — the job
 * (server/services/alerts/behind-pace.ts) loads the dashboard's roll-up rows and the members, this decides.
 *
 * Rules (docs/OPERATIONS.md, "Alerts"):
 * - A person is alerted in their own zone, in the morning: from `ALERT_HOUR` (08:00) for `ALERT_WINDOW_HOURS` hours (a
 *   tick missed while the worker was down is made up until 11:00), never on their rest day (a weekday the team does
 *   not work, a team holiday, one of their days off).
 * - The member (BEHIND_PACE): when their OWN numbers of this week are behind (`ownStatus` "behind" — the dashboard's
 *   red badge): "You're 2 presentations behind this week", the amount = own expected so far − own actual.
 * - Their upline (DOWNLINE_BEHIND): the nearest member above who leads a branch (roles follow the tree: the direct
 *   upline where sponsors lead branches, else the nearest leader or the owner), only when the member's numbers — the
 *   dashboard focused on them, their team's — are behind this week AND were behind at the end of last week ("for the
 *   second week in a row"). One alert a day per upline: one member named, or one summary naming them all.
 * - At most one alert a day per person and kind: the dedupe keys carry the recipient's membership and local day
 *   (`behind:<membershipId>:<day>`, `downline-behind:<uplineId>:<day>`), and notify() makes a key once.
 * - Every number comes from the roll-up rows (`getRollup`, whose pace is `paceModel`'s): the week's expected and actual,
 *   and the goal's catch-up per open day. Amounts are formatted as the dashboard formats them (money.ts, whole units).
 */
import { dayOfWeek, type IsoDate } from "./calendar";
import { formatAmount, type MetricUnit } from "./money";
import type { PaceStatus } from "./pace";

/** The local hour alerts start at, and how many hours a missed tick may still send them. */
export const ALERT_HOUR = 8;
export const ALERT_WINDOW_HOURS = 3;
/** How many members an upline's summary names before "and N more". */
export const SUMMARY_NAMES = 5;

/** Whether a local hour (0–23) is in the morning window alerts are sent in. */
export function inAlertWindow(localHour: number): boolean {
  return localHour >= ALERT_HOUR && localHour < ALERT_HOUR + ALERT_WINDOW_HOURS;
}

/** Whether a day is a rest day for a member: not a working weekday of the team, a team holiday, or a day off. */
export function isRestDay(
  day: IsoDate,
  calendar: { workingDays: readonly number[]; holidays: ReadonlySet<IsoDate>; daysOff: ReadonlySet<IsoDate> },
): boolean {
  return !calendar.workingDays.includes(dayOfWeek(day)) || calendar.holidays.has(day) || calendar.daysOff.has(day);
}

/** A member as the alerts see them, at the moment of the tick. */
export interface AlertMember {
  id: string;
  userId: string;
  name: string;
  parentId: string | null;
  role: "OWNER" | "LEADER" | "MEMBER";
  /** The member's day and hour now, in their zone (`memberToday`). */
  localDay: IsoDate;
  localHour: number;
  /** Whether `localDay` is a rest day for them (`isRestDay`). */
  restDay: boolean;
}

/** The roll-up row's numbers an alert reads (a `DashboardRow` of period "week"). */
export interface AlertRow {
  id: string;
  children: number;
  ownActual: number;
  ownExpected: number;
  ownStatus: PaceStatus;
  teamActual: number;
  teamExpected: number;
  teamStatus: PaceStatus;
  goal: { catchUpPerDay: number };
}

export interface BehindPaceInput {
  team: { id: string; slug: string; currency: string; sponsorsLeadBranches: boolean };
  goal: { id: string; name: string; metric: { name: string; unit: MetricUnit } };
  /** The team's active members (ancestors outside the goal's branch included, to find uplines). */
  members: readonly AlertMember[];
  /** This week's roll-up rows of the goal, by member id. */
  thisWeek: ReadonlyMap<string, AlertRow>;
  /** The members whose team numbers were behind at the end of last week (the roll-up seen on its last day). */
  behindLastWeek: ReadonlySet<string>;
}

export interface AlertNotification {
  userId: string;
  teamId: string;
  kind: "BEHIND_PACE" | "DOWNLINE_BEHIND";
  title: string;
  body: string;
  url: string;
  dedupeKey: string;
}

/** "2 presentations" (counts), "£250 of Sales" / "90 min of Calls" (money, minutes): dashboard formatting. */
export function amountOf(
  amount: number,
  metric: { name: string; unit: MetricUnit },
  currency: string,
): { n: string; phrase: string } {
  const n = formatAmount(amount, metric.unit, currency, undefined, { wholeUnits: true });
  const name = metric.name.toLowerCase();
  if (metric.unit !== "COUNT") return { n, phrase: `${n} of ${name}` };
  const singular = amount === 1 && name.endsWith("s") && !name.endsWith("ss") ? name.slice(0, -1) : name;
  return { n, phrase: `${n} ${singular}` };
}

/** The nearest member above who leads a branch (see the module comment), or null. */
export function branchLeaderOf(
  member: Pick<AlertMember, "parentId">,
  byId: ReadonlyMap<string, AlertMember>,
  sponsorsLeadBranches: boolean,
): AlertMember | null {
  let up = member.parentId ? byId.get(member.parentId) : undefined;
  // The direct upline has a downline (this member), so with sponsors leading branches they lead one.
  if (sponsorsLeadBranches) return up ?? null;
  const seen = new Set<string>();
  while (up && !seen.has(up.id)) {
    if (up.role !== "MEMBER") return up;
    seen.add(up.id);
    up = up.parentId ? byId.get(up.parentId) : undefined;
  }
  return null;
}

/** The alerts of one goal at one tick (see the module comment). At most one per recipient and kind. */
export function behindPaceAlerts(input: BehindPaceInput): AlertNotification[] {
  const { team, goal } = input;
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const due = (m: AlertMember) => inAlertWindow(m.localHour) && !m.restDay;
  const amount = (n: number) => amountOf(n, goal.metric, team.currency);
  const dashboard = (rootId: string) =>
    `/${team.slug}/dashboard?goal=${encodeURIComponent(goal.id)}&root=${encodeURIComponent(rootId)}`;
  const out: AlertNotification[] = [];

  // The members behind this week.
  for (const m of input.members) {
    const row = input.thisWeek.get(m.id);
    if (!row || !due(m) || row.ownStatus !== "behind") continue;
    const gap = row.ownExpected - row.ownActual;
    if (gap <= 0) continue;
    const catchUp = row.children === 0 && row.goal.catchUpPerDay > 0 ? row.goal.catchUpPerDay : null;
    out.push({
      userId: m.userId,
      teamId: team.id,
      kind: "BEHIND_PACE",
      title: `You're ${amount(gap).phrase} behind this week — today's plan has them`,
      body:
        catchUp === null
          ? `${goal.name}: your Log has today's plan to catch up.`
          : `${goal.name}: ${amount(catchUp).phrase} a day catches up and finishes on target; your Log has today's plan.`,
      url: `/${team.slug}/log`,
      dedupeKey: `behind:${m.id}:${m.localDay}`,
    });
  }

  // Their uplines, on the second week in a row: one alert per upline.
  const perUpline = new Map<
    string,
    { upline: AlertMember; behind: { m: AlertMember; row: AlertRow; gap: number }[] }
  >();
  for (const m of input.members) {
    const row = input.thisWeek.get(m.id);
    if (!row || m.restDay || row.teamStatus !== "behind" || !input.behindLastWeek.has(m.id)) continue;
    const gap = row.teamExpected - row.teamActual;
    if (gap <= 0) continue;
    const upline = branchLeaderOf(m, byId, team.sponsorsLeadBranches);
    if (!upline || !due(upline)) continue;
    const entry = perUpline.get(upline.id) ?? { upline, behind: [] };
    entry.behind.push({ m, row, gap });
    perUpline.set(upline.id, entry);
  }
  for (const { upline, behind } of perUpline.values()) {
    behind.sort((a, b) => b.gap - a.gap || a.m.name.localeCompare(b.m.name));
    const dedupeKey = `downline-behind:${upline.id}:${upline.localDay}`;
    if (behind.length === 1) {
      const { m, row, gap } = behind[0]!;
      const catchUp = row.goal.catchUpPerDay;
      out.push({
        userId: upline.userId,
        teamId: team.id,
        kind: "DOWNLINE_BEHIND",
        title: `${m.name} is ${amount(gap).phrase} behind this week, for the second week in a row`,
        body:
          catchUp > 0
            ? `${goal.name}: ${m.name}'s catch-up is ${amount(catchUp).phrase} a day to finish on target.`
            : `${goal.name}: see ${m.name}'s numbers on the dashboard.`,
        url: dashboard(m.id),
        dedupeKey,
      });
      continue;
    }
    const named = behind.slice(0, SUMMARY_NAMES).map(({ m, row, gap }) => {
      const catchUp = row.goal.catchUpPerDay;
      return `${m.name} (${amount(gap).phrase} behind${catchUp > 0 ? `, catch-up ${amount(catchUp).n} a day` : ""})`;
    });
    const more = behind.length - named.length;
    out.push({
      userId: upline.userId,
      teamId: team.id,
      kind: "DOWNLINE_BEHIND",
      title: `${behind.length} people in your branch are behind this week, for the second week in a row`,
      body: `${goal.name}: ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`,
      url: dashboard(upline.id),
      dedupeKey,
    });
  }
  return out;
}
