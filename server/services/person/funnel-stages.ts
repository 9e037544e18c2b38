/**
 * The stages of a person on a names list: the team's funnel metrics in funnel order (issue 18), then the outcomes.
 *
 * The funnel is the team's FunnelStage chains (one per result metric: its activities by `position`, then the result
 * itself); where each metric sits is the domain's one rule (`funnelStageRanks`); ties keep the team's metric order. Only counted metrics are stages: a person does not reach "team
 * volume" (money) or minutes. Archived metrics are left out of new choices but still named on people at them.
 */
import type { DbClient } from "@/server/db-client";
import { funnelStageRanks, type FunnelStageRow } from "@/server/domain/person-stage";
import { badRequest } from "@/server/errors";
import { PERSON_OUTCOMES, type TPersonOutcome } from "@/server/schemas/person";

export interface FunnelStageOption {
  metricId: string;
  key: string;
  name: string;
  kind: "ACTIVITY" | "RESULT";
  archived: boolean;
}

export const OUTCOME_LABELS: Record<TPersonOutcome, string> = {
  JOINED: "Joined the team",
  CUSTOMER: "Customer",
  LOST: "Not now",
};

export interface PersonStages {
  stages: FunnelStageOption[];
  outcomes: { outcome: TPersonOutcome; label: string }[];
}

/**
 * Pure: the counted funnel metrics in funnel order — by their rank (`funnelStageRanks`, the one rule of where a stage
 * sits, server/domain/person-stage.ts), ties in the team's metric order.
 */
export function orderFunnelStages(
  metrics: readonly (FunnelStageOption & { unit: string; position: number })[],
  chains: readonly FunnelStageRow[],
): FunnelStageOption[] {
  const ranks = funnelStageRanks(chains, new Set(metrics.filter((m) => m.unit === "COUNT").map((m) => m.metricId)));
  return metrics
    .filter((m) => ranks.has(m.metricId))
    .sort((a, b) => ranks.get(a.metricId)! - ranks.get(b.metricId)! || a.position - b.position)
    .map(({ metricId, key, name, kind, archived }) => ({ metricId, key, name, kind, archived }));
}

/** The team's stages in funnel order, then the outcomes. Two small reads (metrics, funnel links). */
export async function listPersonStages(db: DbClient, teamId: string): Promise<PersonStages> {
  const [metrics, chains] = await Promise.all([
    db.metric.findMany({
      where: { teamId },
      select: { id: true, key: true, name: true, kind: true, unit: true, position: true, archivedAt: true },
    }),
    db.funnelStage.findMany({
      where: { teamId },
      select: { resultMetricId: true, activityMetricId: true, position: true },
    }),
  ]);
  const stages = orderFunnelStages(
    metrics.map((m) => ({
      metricId: m.id,
      key: m.key,
      name: m.name,
      kind: m.kind,
      unit: m.unit,
      position: m.position,
      archived: m.archivedAt !== null,
    })),
    chains,
  );
  return { stages, outcomes: PERSON_OUTCOMES.map((outcome) => ({ outcome, label: OUTCOME_LABELS[outcome] })) };
}

/** Throws a 400 unless `metricId` is one of the team's (live) funnel stages. */
export async function assertFunnelStage(db: DbClient, teamId: string, metricId: string): Promise<void> {
  const { stages } = await listPersonStages(db, teamId);
  if (!stages.some((s) => s.metricId === metricId && !s.archived)) {
    throw badRequest("That stage is not a step of your team's funnel.", "stageMetricId");
  }
}
