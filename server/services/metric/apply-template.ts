/**
 * Applies a starter template to a team (owner only: `settingsProcedure`; also used by the demo seed). Safe to repeat: metrics whose key
 * exists are kept as they are, funnels are only added for results without one, ranks only when the team has none.
 */
import type { Db, DbClient } from "@/server/db-client";
import type { TApplyTemplateInput } from "@/server/schemas/metric";
import type { TeamScope } from "@/server/services/team/scope";
import { TEMPLATES, type TemplateKey } from "@/server/domain/metric-templates";

export async function applyTemplate(db: Db, scope: TeamScope, input: TApplyTemplateInput) {
  return db.$transaction((tx) => applyTemplateToTeam(tx, { teamId: scope.team.id, template: input.template }));
}

export async function applyTemplateToTeam(db: DbClient, args: { teamId: string; template: TemplateKey }) {
  const { teamId } = args;
  const tpl = TEMPLATES[args.template];
  const existing = await db.metric.findMany({ where: { teamId }, select: { id: true, key: true, position: true } });
  const start = existing.reduce((m, e) => Math.max(m, e.position + 1), 0);
  const have = new Set(existing.map((e) => e.key));
  await db.metric.createMany({
    data: tpl.metrics.filter((m) => !have.has(m.key)).map((m, i) => ({ teamId, ...m, position: start + i })),
  });
  const metrics = await db.metric.findMany({
    where: { teamId, key: { in: tpl.metrics.map((m) => m.key) } },
    select: { id: true, key: true },
  });
  const idOf = new Map(metrics.map((m) => [m.key, m.id]));
  const withFunnel = new Set(
    (
      await db.funnelStage.findMany({
        where: { teamId },
        select: { resultMetricId: true },
        distinct: ["resultMetricId"],
      })
    ).map((s) => s.resultMetricId),
  );
  await db.funnelStage.createMany({
    data: tpl.funnels
      .filter((f) => !withFunnel.has(idOf.get(f.result)!))
      .flatMap((f) =>
        f.steps.map((s, position) => ({
          teamId,
          resultMetricId: idOf.get(f.result)!,
          activityMetricId: idOf.get(s.metric)!,
          position,
          fromCount: s.from,
          toCount: s.to,
        })),
      ),
  });
  if (tpl.ranks.length > 0 && (await db.rank.count({ where: { teamId } })) === 0) {
    await db.rank.createMany({ data: tpl.ranks.map((r, position) => ({ teamId, position, ...r })) });
  }
  await db.team.update({ where: { id: teamId }, data: { template: tpl.key } });
  return { template: tpl.key, metrics: metrics.length };
}
