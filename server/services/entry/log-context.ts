/**
 * What the Log knows about one member around today, read in ONE query: their published targets (with the goal's
 * metric), the funnel steps of those goals, their daily totals from the start of the look-back window (or of the
 * earliest goal) to today, the days their plan was done, the minutes a day they have, the team's working days and
 * the member's closed days (team holidays and their own days off, from the look-back window to the last deadline:
 * today's actions skip them, streaks do not break over them).
 *
 * Logging reads this on every tap (celebrations, "today's plan done"), and the Log page on every visit, so it is
 * one round trip whatever the number of goals, funnel steps or days (docs/PERFORMANCE.md, Logging). Today's actions
 * are then computed from it in memory with the plan's own math (`goalActions`, `mergeTodayActions`), exactly as
 * `getMemberPlan` does from its own reads for the Plan page.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, compareDates, type IsoDate } from "@/server/domain/calendar";
import { closedDaysFromRows, type ClosedDays } from "@/server/services/calendar/closed-days";
import { goalActions, mergeTodayActions, RATE_HISTORY_DAYS, type FunnelStep, type MetricRef, type TodayAction } from "@/server/domain/member-actions";
import { toDbDay } from "@/server/domain/db-day";

/** How far back records, streaks and conversion rates look (records and streaks: 400 days). */
export const LOG_HISTORY_DAYS = 400;

export interface LogContextMetric extends MetricRef {
  kind: string;
}

export interface LogContextTarget {
  goalId: string;
  name: string;
  personal: number;
  /** YYYY-MM-DD */
  startDate: string;
  deadline: string;
  metric: LogContextMetric;
  /** Position by creation (the order the Log lists goals in). */
  created: number;
}

export interface LogContext {
  asOf: IsoDate;
  /** Null when the member is not in the team (then nothing is planned). */
  member: { minutesPerDay: number | null; workingDays: number[] } | null;
  /** Published goals the member has a target in, by deadline. */
  targets: LogContextTarget[];
  /** Funnel steps per goal metric (top of the funnel first); every goal metric has an entry. */
  funnels: Map<string, FunnelStep[]>;
  /** The goals' metrics, their funnel activities and the extra metrics asked for. */
  metrics: Map<string, LogContextMetric>;
  /** Per metric, per day (YYYY-MM-DD): the member's daily total, from `from` to `asOf`. */
  totals: Map<string, Map<string, number>>;
  /** Days (YYYY-MM-DD) whose plan was done (PLAN_DONE victories), over the last LOG_HISTORY_DAYS days. */
  planDoneDays: string[];
  /**
   * Team holidays and the member's days off from LOG_HISTORY_DAYS before `asOf` to the later of `asOf` and the last
   * deadline (`closedDays` is what the domain's WorkCalendar takes).
   */
  closed: ClosedDays;
}

interface ContextJson {
  member: { minutesPerDay: number | null; workingDays: number[] } | null;
  targets: { goalId: string; name: string; personal: number; startDate: string; deadline: string; metricId: string; created: number }[] | null;
  stages: { resultMetricId: string; activityMetricId: string; fromCount: number; toCount: number }[] | null;
  metrics: LogContextMetric[] | null;
  totals: [string, string, number][] | null;
  planDone: string[] | null;
  closed: { source: "holiday" | "day_off"; day: string; label: string }[] | null;
}

export async function loadLogContext(
  db: DbClient,
  args: { teamId: string; membershipId: string; asOf: IsoDate; extraMetricIds?: readonly string[] },
): Promise<LogContext> {
  const [row] = await db.$queryRaw<{ context: string }[]>(Prisma.sql`SELECT ${logContextSql(args)} AS context`);
  return parseLogContext(args.asOf, row!.context);
}

/**
 * The context as one SQL expression (a scalar subquery giving one JSON text), so that logging can read it in the
 * same statement that stores the entries. Inside that statement it sees the data as it was before the entries:
 * `addToday` then brings today's totals up to date.
 */
export function logContextSql(args: { teamId: string; membershipId: string; asOf: IsoDate; extraMetricIds?: readonly string[] }): Prisma.Sql {
  const { teamId, membershipId, asOf } = args;
  const historyStart = addDays(asOf, -LOG_HISTORY_DAYS);
  return Prisma.sql`(
    WITH tg AS (
      SELECT mt.personal, g.id AS "goalId", g.name, g."startDate", g.deadline, g."metricId",
             row_number() OVER (ORDER BY g."createdAt", g.id)::int AS created
        FROM "MemberTarget" mt
        JOIN "Goal" g ON g.id = mt."goalId"
       WHERE g."teamId" = ${teamId} AND mt."membershipId" = ${membershipId} AND g.status = 'PUBLISHED'
    ), st AS (
      SELECT fs."resultMetricId", fs."activityMetricId", fs."fromCount", fs."toCount", fs.position
        FROM "FunnelStage" fs
       WHERE fs."teamId" = ${teamId} AND fs."resultMetricId" IN (SELECT "metricId" FROM tg)
    ), ms AS (
      SELECT m.id, m.key, m.name, m.unit::text AS unit, m."minutesPerAction", m.kind::text AS kind
        FROM "Metric" m
       WHERE m."teamId" = ${teamId}
         AND m.id IN (SELECT "metricId" FROM tg UNION SELECT "activityMetricId" FROM st
                      UNION SELECT unnest(${[...(args.extraMetricIds ?? [])]}::text[]))
    )
    SELECT json_build_object(
      'member', (SELECT json_build_object('minutesPerDay', m."minutesPerDay", 'workingDays', t."workingDays")
                   FROM "Membership" m JOIN "Team" t ON t.id = m."teamId"
                  WHERE m.id = ${membershipId} AND m."teamId" = ${teamId}),
      'targets', (SELECT json_agg(json_build_object('goalId', "goalId", 'name', name, 'personal', personal,
                                                    'startDate', "startDate", 'deadline', deadline,
                                                    'metricId', "metricId", 'created', created)
                                  ORDER BY deadline, "goalId") FROM tg),
      'stages', (SELECT json_agg(json_build_object('resultMetricId', "resultMetricId", 'activityMetricId', "activityMetricId",
                                                   'fromCount', "fromCount", 'toCount', "toCount")
                                 ORDER BY "resultMetricId", position) FROM st),
      'metrics', (SELECT json_agg(ms) FROM ms),
      'totals', (SELECT json_agg(json_build_array(dt."metricId", dt.day, dt.total))
                   FROM "DailyTotal" dt
                  WHERE dt."membershipId" = ${membershipId} AND dt."metricId" IN (SELECT id FROM ms)
                    AND dt.day >= LEAST(${historyStart}::date, (SELECT min("startDate") FROM tg)) AND dt.day <= ${asOf}::date),
      'planDone', (SELECT json_agg(v.day) FROM "Victory" v
                    WHERE v."membershipId" = ${membershipId} AND v.kind = 'PLAN_DONE' AND v.day >= ${historyStart}::date),
      'closed', (SELECT json_agg(json_build_object('source', c.source, 'day', to_char(c.day, 'YYYY-MM-DD'), 'label', c.label))
                   FROM (SELECT 'holiday' AS source, h.day, h.name AS label FROM "TeamHoliday" h WHERE h."teamId" = ${teamId}
                         UNION ALL
                         SELECT 'day_off', d.day, d.kind::text FROM "MemberDayOff" d WHERE d."membershipId" = ${membershipId}) c
                  WHERE c.day >= ${historyStart}::date AND c.day <= GREATEST(${asOf}::date, (SELECT max(deadline) FROM tg)))
    )::text
  )`;
}

/** The context from the JSON text of `logContextSql`. */
export function parseLogContext(asOf: IsoDate, text: string): LogContext {
  const json = JSON.parse(text) as ContextJson;
  const metrics = new Map((json.metrics ?? []).map((m) => [m.id, m]));
  const targets: LogContextTarget[] = [];
  for (const t of json.targets ?? []) {
    const metric = metrics.get(t.metricId);
    if (metric) targets.push({ goalId: t.goalId, name: t.name, personal: t.personal, startDate: t.startDate, deadline: t.deadline, metric, created: t.created });
  }
  const funnels = new Map<string, FunnelStep[]>(targets.map((t) => [t.metric.id, []]));
  for (const s of json.stages ?? []) {
    const activity = metrics.get(s.activityMetricId);
    if (!activity) continue;
    const { kind: _kind, ...ref } = activity;
    funnels.get(s.resultMetricId)?.push({ ...ref, fromCount: s.fromCount, toCount: s.toCount });
  }
  const totals = new Map<string, Map<string, number>>();
  for (const [metricId, day, total] of json.totals ?? []) {
    let series = totals.get(metricId);
    if (!series) totals.set(metricId, (series = new Map()));
    series.set(day, total);
  }
  return { asOf, member: json.member, targets, funnels, metrics, totals, planDoneDays: json.planDone ?? [], closed: closedDaysFromRows(json.closed ?? []) };
}

/** Adds amounts just logged for `asOf` to a context read before they were stored (as it would be read now). */
export function addToday(context: LogContext, added: ReadonlyMap<string, number>): LogContext {
  for (const [metricId, amount] of added) {
    let series = context.totals.get(metricId);
    if (!series) context.totals.set(metricId, (series = new Map()));
    series.set(context.asOf, (series.get(context.asOf) ?? 0) + amount);
  }
  return context;
}

/** Per metric: the sum of the member's daily totals in [from, to] (inclusive); metrics without a row are left out. */
function sumTotals(context: LogContext, metricIds: readonly string[], from: IsoDate, to: IsoDate): Record<string, number> {
  const out: Record<string, number> = {};
  if (compareDates(to, from) < 0) return out;
  for (const id of new Set(metricIds)) {
    const series = context.totals.get(id);
    if (!series) continue;
    let sum = 0;
    let any = false;
    for (const [day, total] of series) {
      if (compareDates(day, from) >= 0 && compareDates(day, to) <= 0) {
        sum += total;
        any = true;
      }
    }
    if (any) out[id] = sum;
  }
  return out;
}


/**
 * Today's actions over every published goal of the member — the same math and inputs as the Plan page's
 * (`getMemberPlan`, server/services/goal/get-member-plan.ts), from the context instead of separate reads.
 */
export function todayActionsFrom(context: LogContext): TodayAction[] {
  const { member, asOf } = context;
  if (!member || context.targets.length === 0) return [];
  const yesterday = addDays(asOf, -1);
  const historyMetricIds = [...context.funnels].flatMap(([id, steps]) => [id, ...steps.map((s) => s.id)]);
  const history = sumTotals(context, historyMetricIds, addDays(asOf, -RATE_HISTORY_DAYS), yesterday);
  const lists: TodayAction[][] = [];
  for (const target of context.targets) {
    const steps = context.funnels.get(target.metric.id) ?? [];
    const doneThroughYesterday = sumTotals(context, [target.metric.id, ...steps.map((s) => s.id)], target.startDate, yesterday);
    const { today, inPlan } = goalActions({
      goal: { startDate: toDbDay(target.startDate), deadline: toDbDay(target.deadline), metric: target.metric },
      personal: target.personal,
      steps,
      history,
      doneThroughYesterday,
      workingDays: member.workingDays,
      closedDays: context.closed.closedDays,
      minutesPerDay: member.minutesPerDay,
      asOf,
    });
    lists.push(inPlan ? today.actions : []);
  }
  return mergeTodayActions(lists);
}
