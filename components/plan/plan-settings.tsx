"use client";
/** Metrics, funnels and ranks: the owner edits, leaders and members read. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { FunnelEditor } from "./funnel-editor";
import { MetricsSettings } from "./metrics-settings";
import { RanksSettings } from "./ranks-settings";
import { StatusNote } from "./status";
import { TemplatePicker } from "./template-picker";

export function PlanSettings() {
  const team = useTeam();
  const trpc = useTRPC();
  const list = useQuery(trpc.metric.list.queryOptions({ teamId: team.id }));
  const canEdit = team.role === "OWNER";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href={`/${team.slug}/plan`} className="text-brand-700 text-sm underline">
          ← Plan
        </Link>
        <h1 className="text-2xl font-semibold sm:text-3xl">Metrics, funnels and ranks</h1>
        {!canEdit && <StatusNote tone="info" label="Read only.">Only the team owner can change these.</StatusNote>}
        <p className="text-sm text-slate-700">
          Team holidays are on the{" "}
          <Link href={`/${team.slug}/plan/calendar`} className="text-brand-700 underline">
            team calendar
          </Link>
          .
        </p>
      </div>
      {list.isPending ? (
        <Card aria-busy="true">Loading…</Card>
      ) : list.isError ? (
        <Card role="alert">Could not load the metrics: {list.error.message}</Card>
      ) : (
        <>
          <Card className="space-y-3" role="region" aria-labelledby="template-heading">
            <h2 id="template-heading" className="text-lg font-semibold">
              Starter template
            </h2>
            <TemplatePicker current={list.data.template} canEdit={canEdit} />
          </Card>
          <Card className="space-y-3" role="region" aria-labelledby="metrics-heading">
            <h2 id="metrics-heading" className="text-lg font-semibold">
              Metrics
            </h2>
            <MetricsSettings metrics={list.data.metrics} canEdit={canEdit} />
          </Card>
          <Card className="space-y-4" role="region" aria-labelledby="funnels-heading">
            <h2 id="funnels-heading" className="text-lg font-semibold">
              Funnels
            </h2>
            <p className="text-sm text-slate-700">How activities turn into results — the daily plan is worked back through these ratios.</p>
            {list.data.metrics
              .filter((m) => m.kind === "RESULT")
              .map((r) => (
                <section key={r.id} aria-label={`Funnel for ${r.name}`} className="space-y-2 border-t border-slate-200 pt-3">
                  <h3 className="font-semibold">{r.name}</h3>
                  <FunnelEditor
                    key={JSON.stringify(list.data.funnels.find((f) => f.resultMetricId === r.id)?.steps ?? [])}
                    result={r}
                    funnel={list.data.funnels.find((f) => f.resultMetricId === r.id)}
                    metrics={list.data.metrics}
                    canEdit={canEdit}
                  />
                </section>
              ))}
          </Card>
          <Card className="space-y-3" role="region" aria-labelledby="ranks-heading">
            <h2 id="ranks-heading" className="text-lg font-semibold">
              Ranks
            </h2>
            <RanksSettings canEdit={canEdit} />
          </Card>
        </>
      )}
    </div>
  );
}
