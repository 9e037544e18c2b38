import { router, teamProcedure } from "@/server/api/trpc";
import { ZApplyTemplateInput, ZCreateMetricInput, ZMetricRef, ZSetFunnelInput, ZUpdateMetricInput } from "@/server/schemas/metric";
import { applyTemplate } from "@/server/services/metric/apply-template";
import { archiveMetric } from "@/server/services/metric/archive-metric";
import { createMetric } from "@/server/services/metric/create-metric";
import { listMetrics } from "@/server/services/metric/list-metrics";
import { listTemplates } from "@/server/services/metric/list-templates";
import { setFunnel } from "@/server/services/metric/set-funnel";
import { updateMetric } from "@/server/services/metric/update-metric";

export const metricRouter = router({
  list: teamProcedure.query(({ ctx }) => listMetrics(ctx.db, { teamId: ctx.team.id })),
  templates: teamProcedure.query(() => listTemplates()),
  applyTemplate: teamProcedure
    .input(ZApplyTemplateInput)
    .mutation(({ ctx, input }) => applyTemplate(ctx.db, { actor: ctx.membership, template: input.template })),
  create: teamProcedure
    .input(ZCreateMetricInput)
    .mutation(({ ctx, input }) => createMetric(ctx.db, { actor: ctx.membership, input })),
  update: teamProcedure
    .input(ZUpdateMetricInput)
    .mutation(({ ctx, input }) => updateMetric(ctx.db, { actor: ctx.membership, input })),
  archive: teamProcedure
    .input(ZMetricRef)
    .mutation(({ ctx, input }) => archiveMetric(ctx.db, { actor: ctx.membership, metricId: input.metricId })),
  setFunnel: teamProcedure
    .input(ZSetFunnelInput)
    .mutation(({ ctx, input }) => setFunnel(ctx.db, { actor: ctx.membership, input })),
});
