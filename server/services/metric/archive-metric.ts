/** Archives a metric (owner only): it leaves lists and funnels; logged history and goals keep pointing at it. */
import type { Db } from "@/server/db-client";
import { badRequest, notFound } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { assertCanEditSettings } from "./settings-access";
import * as clock from "@/server/clock";

export async function archiveMetric(db: Db, args: { actor: ActorMembership; metricId: string }) {
  assertCanEditSettings(args.actor);
  const teamId = args.actor.teamId;
  const metric = await db.metric.findFirst({ where: { id: args.metricId, teamId, archivedAt: null }, select: { id: true, name: true } });
  if (!metric) throw notFound("Metric");
  const live = await db.goal.count({ where: { metricId: metric.id, status: "PUBLISHED" } });
  if (live > 0) throw badRequest(`${metric.name} is used by ${live} published goal${live === 1 ? "" : "s"}; archive those first.`);
  return db.$transaction(async (tx) => {
    await tx.funnelStage.deleteMany({ where: { OR: [{ resultMetricId: metric.id }, { activityMetricId: metric.id }] } });
    await tx.metric.update({ where: { id: metric.id }, data: { archivedAt: clock.now() } });
    return { id: metric.id };
  });
}
