/** The team's metrics and funnels: everyone in the team reads them, the owner changes them (`settingsProcedure`). */
import { settingsProcedure } from "@/server/api/policy/metric";
import { router, teamProcedure } from "@/server/api/trpc";
import {
  ZApplyTemplateInput,
  ZCreateMetricInput,
  ZMetricRef,
  ZSetFunnelInput,
  ZUpdateMetricInput,
} from "@/server/schemas/metric";
import { applyTemplate } from "@/server/services/metric/apply-template";
import { archiveMetric } from "@/server/services/metric/archive-metric";
import { createMetric } from "@/server/services/metric/create-metric";
import { listMetrics } from "@/server/services/metric/list-metrics";
import { listTemplates } from "@/server/services/metric/list-templates";
import { setFunnel } from "@/server/services/metric/set-funnel";
import { updateMetric } from "@/server/services/metric/update-metric";

export const metricRouter = router({
  list: teamProcedure.query(({ ctx }) => listMetrics(ctx.db, ctx.scope)),
  templates: teamProcedure.query(() => listTemplates()),
  applyTemplate: settingsProcedure
    .input(ZApplyTemplateInput)
    .mutation(({ ctx, input }) => applyTemplate(ctx.db, ctx.scope, input)),
  create: settingsProcedure
    .input(ZCreateMetricInput)
    .mutation(({ ctx, input }) => createMetric(ctx.db, ctx.scope, input)),
  update: settingsProcedure
    .input(ZUpdateMetricInput)
    .mutation(({ ctx, input }) => updateMetric(ctx.db, ctx.scope, input)),
  archive: settingsProcedure.input(ZMetricRef).mutation(({ ctx, input }) => archiveMetric(ctx.db, ctx.scope, input)),
  setFunnel: settingsProcedure.input(ZSetFunnelInput).mutation(({ ctx, input }) => setFunnel(ctx.db, ctx.scope, input)),
});
