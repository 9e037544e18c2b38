"use client";
/** Metrics, funnels and ranks: the owner edits, leaders and members read. */
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import Link from "next/link";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
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
        {!canEdit && (
          <StatusNote tone="info" label="Read only.">
            Only the team owner can change these.
          </StatusNote>
        )}
        <p className="text-sm text-slate-700">
          Team holidays are on the{" "}
          <Link href={`/${team.slug}/plan/calendar`} className="text-brand-700 underline">
            team calendar
          </Link>
          .
        </p>
      </div>
      <QueryState query={list} variant="card" error="Could not load the metrics">
        {(data) => (
          <>
            <Section id="template-heading" title="Starter template">
              <TemplatePicker current={data.template} canEdit={canEdit} />
            </Section>
            <Section id="metrics-heading" title="Metrics">
              <MetricsSettings metrics={data.metrics} canEdit={canEdit} />
            </Section>
            <Section id="funnels-heading" title="Funnels" className="space-y-4">
              <p className="text-sm text-slate-700">
                How activities turn into results — the daily plan is worked back through these ratios.
              </p>
              {data.metrics
                .filter((m) => m.kind === "RESULT")
                .map((r) => {
                  const funnel = data.funnels.find((f) => f.resultMetricId === r.id);
                  return (
                    <section
                      key={r.id}
                      aria-label={`Funnel for ${r.name}`}
                      className="space-y-2 border-t border-slate-200 pt-3"
                    >
                      <h3 className="font-semibold">{r.name}</h3>
                      <FunnelEditor
                        key={JSON.stringify(funnel?.steps ?? [])}
                        result={r}
                        funnel={funnel}
                        metrics={data.metrics}
                        canEdit={canEdit}
                      />
                    </section>
                  );
                })}
            </Section>
            <Section id="ranks-heading" title="Ranks">
              <RanksSettings canEdit={canEdit} />
            </Section>
          </>
        )}
      </QueryState>
    </div>
  );
}

/** One settings card: a region named by its heading. */
function Section({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className ?? "space-y-3"} role="region" aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}
