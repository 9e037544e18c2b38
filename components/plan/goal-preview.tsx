"use client";
/** What a goal will look like before it is published: the chart, the table by period, the cascade and who is flagged. */
import { useTeam } from "@/components/layout/team-context";
import { SplitWeightForm } from "@/components/team/split-weight-form";
import { CascadeTable } from "./cascade-table";
import { amountFormatter } from "@/server/domain/money";
import { formatDay } from "./format";
import { PeriodTable, PlanChart } from "./plan-chart";
import { StatusNote } from "./status";
import type { GoalPreview as GoalPreviewData } from "./types";

export function GoalPreview({
  preview,
  name,
  splitRule,
}: {
  preview: GoalPreviewData;
  name: string;
  /** The goal's split rule: when "WEIGHT", each member's split weight is shown, editable for those the viewer manages. */
  splitRule?: string;
}) {
  const team = useTeam();
  const weighted = splitRule === "WEIGHT";
  const fmt = amountFormatter(preview.metric.unit, team.currency);
  const { plan } = preview;
  return (
    <div className="space-y-6">
      <section aria-labelledby="preview-plan-heading" className="space-y-3">
        <h3 id="preview-plan-heading" className="text-lg font-semibold">
          The backward plan
        </h3>
        <p className="text-slate-700">
          {fmt(plan.target)} of {preview.metric.name.toLowerCase()} from {formatDay(plan.start)} to{" "}
          {formatDay(plan.deadline)}
          {plan.baseline > 0 ? `, starting from ${fmt(plan.baseline)}` : ""}.
          {plan.holidays.length > 0 &&
            ` Nothing is planned on the team's ${plan.holidays.length === 1 ? "holiday" : "holidays"} (${plan.holidays.map(formatDay).join(", ")}).`}
        </p>
        <PlanChart
          days={plan.days}
          checkpoints={plan.checkpoints}
          format={fmt}
          label={`Cumulative plan for ${name}: from ${fmt(plan.baseline)} on ${formatDay(plan.start)} to ${fmt(plan.target)} on ${formatDay(plan.deadline)}${
            plan.checkpoints.length
              ? `, with checkpoints ${plan.checkpoints.map((c) => `${fmt(c.cumulative)} by ${formatDay(c.date)}`).join(", ")}`
              : ""
          }.`}
        />
        <PeriodTable periods={plan.periods} format={fmt} caption="Plan by period" />
      </section>

      <section aria-labelledby="preview-cascade-heading" className="space-y-3">
        <h3 id="preview-cascade-heading" className="text-lg font-semibold">
          Who does what
        </h3>
        {preview.flagged.length > 0 ? (
          <StatusNote
            tone="warn"
            label={`${preview.flagged.length} ${preview.flagged.length === 1 ? "member's plan does" : "members' plans do"} not fit their time:`}
          >
            {preview.flagged
              .map(
                (f) => `${f.name} (busiest day needs ${f.minutesPerDayNeeded ?? "?"} min, has ${f.minutesPerDay}/day)`,
              )
              .join(", ")}
            . Consider a later deadline or setting their target by hand after publishing.
          </StatusNote>
        ) : (
          <StatusNote tone="ok" label="Everyone's plan fits their time." />
        )}
        {preview.conflicts.length > 0 && (
          <StatusNote tone="warn" label="Cannot publish as it is:">
            {preview.conflicts.map((c) => c.message).join(" ")}
          </StatusNote>
        )}
        {weighted && (
          <StatusNote tone="info" label="Split by weight:">
            each member&apos;s own share follows their weight (100% = full time, 50% = half time). Change a weight here
            and the preview follows; it is saved for the member at once.
          </StatusNote>
        )}
        <CascadeTable
          members={preview.members}
          format={fmt}
          caption="Targets by member (the cascade)"
          weight={
            weighted
              ? {
                  cell: (m) =>
                    m.id === team.membershipId ? (
                      <span>{m.splitWeight}%</span>
                    ) : (
                      <SplitWeightForm
                        key={`${m.id}-${m.splitWeight}`}
                        compact
                        memberId={m.id}
                        memberName={m.name}
                        current={m.splitWeight}
                      />
                    ),
                }
              : undefined
          }
        />
      </section>
    </div>
  );
}
