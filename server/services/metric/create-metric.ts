/** Adds a metric to the team (owner only). Keys are unique within the team. */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TMetricFields } from "@/server/schemas/metric";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { metricSelect } from "./list-metrics";
import { assertCanEditSettings } from "./settings-access";

export async function createMetric(db: DbClient, args: { actor: ActorMembership; input: TMetricFields }) {
  assertCanEditSettings(args.actor);
  const { input } = args;
  const teamId = args.actor.teamId;
  const clash = await db.metric.findUnique({ where: { teamId_key: { teamId, key: input.key } }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", `The team already has a metric with the key "${input.key}".`, { field: "key" });
  const last = await db.metric.aggregate({ where: { teamId }, _max: { position: true } });
  return db.metric.create({
    data: { teamId, ...input, minutesPerAction: input.kind === "ACTIVITY" || input.minutesPerAction !== null ? input.minutesPerAction : null, position: (last._max.position ?? -1) + 1 },
    select: metricSelect,
  });
}
