"use client";
/** The activity funnel for the period so far: planned vs done over the same days at each step, as bars and a table. */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatAmount } from "@/server/domain/money";
import { DASHBOARD_AMOUNTS, formatDay } from "./format";
import type { DashboardCharts } from "./types";
import { Table } from "@/components/ui/table";

export function FunnelChart({ data, currency }: { data: DashboardCharts; currency: string }) {
  const last = data.funnel.length - 1;
  const fmt = (n: number, i: number) =>
    formatAmount(n, i === last ? data.unit : "COUNT", currency, undefined, DASHBOARD_AMOUNTS);
  // The bars show the activity steps (counts on one scale); the result, in its own unit, is in the table below.
  const activity = data.funnel.slice(0, last);
  return (
    <figure className="space-y-2">
      <figcaption className="font-semibold">
        Funnel: planned vs done, {formatDay(data.period.from)}–
        {formatDay(data.period.asOf < data.period.from ? data.period.from : data.period.asOf)}
      </figcaption>
      {activity.length > 0 && (
        <div aria-hidden>
          <BarChart
            responsive
            width="100%"
            height={220}
            data={activity}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="name" stroke="#475569" />
            <YAxis stroke="#475569" width={60} />
            <Tooltip />
            <Legend />
            <Bar dataKey="planned" name="Planned" fill="#94a3b8" isAnimationActive={false} />
            <Bar dataKey="done" name="Done" fill="#1d5fd1" isAnimationActive={false} />
          </BarChart>
        </div>
      )}
      <Table
        caption="Funnel steps: planned and done to date"
        region={false}
        density="compact"
        rows={data.funnel.map((s, i) => ({ ...s, i }))}
        rowKey={(s) => s.key}
        columns={[
          { header: "Step", cell: (s) => s.name },
          { header: "Planned to date", cell: (s) => fmt(s.planned, s.i), className: "tabular-nums" },
          { header: "Done to date", cell: (s) => fmt(s.done, s.i), className: "tabular-nums" },
          {
            header: "Done / planned",
            cell: (s) => (s.planned > 0 ? `${Math.round((s.done / s.planned) * 100)}%` : "—"),
            className: "tabular-nums",
          },
        ]}
      />
    </figure>
  );
}
