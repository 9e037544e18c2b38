"use client";
/** Cumulative plan vs actual for the goal, day by day, with the checkpoints as dots, and a one-line text summary. */
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, Tooltip, XAxis, YAxis } from "recharts";
import { formatAmount } from "@/server/domain/money";
import { DASHBOARD_AMOUNTS, formatDay } from "./format";
import type { DashboardCharts } from "./types";

export function CumulativeChart({ data, currency }: { data: DashboardCharts; currency: string }) {
  const fmt = (n: number) => formatAmount(n, data.unit, currency, undefined, DASHBOARD_AMOUNTS);
  const tick = (n: number) => formatAmount(n, data.unit, currency, undefined, { compact: true });
  const today = data.cumulative.findLast((d) => d.actual !== null);
  const planned = data.cumulative.find((d) => d.date === today?.date)?.planned ?? 0;
  return (
    <figure className="space-y-2">
      <figcaption className="font-semibold">Cumulative plan vs actual</figcaption>
      <p className="text-sm text-slate-700">
        {today
          ? `By ${formatDay(today.date)}: ${fmt(today.actual ?? 0)} done of ${fmt(planned)} planned.`
          : "Nothing to compare yet: the goal has not started."}{" "}
        {data.checkpoints.length > 0 &&
          `Checkpoints: ${data.checkpoints.map((c) => `${fmt(c.planned)} by ${formatDay(c.date)}`).join(", ")}.`}
      </p>
      <div aria-hidden>
        <ComposedChart
          responsive
          width="100%"
          height={280}
          data={data.cumulative}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={formatDay} minTickGap={32} stroke="#475569" />
          <YAxis tickFormatter={(v: number) => tick(v)} width={64} stroke="#475569" />
          <Tooltip
            labelFormatter={(d) => formatDay(String(d))}
            formatter={(v) => (typeof v === "number" ? fmt(v) : String(v))}
          />
          <Legend />
          <Line
            type="monotone"
            dataKey="planned"
            name="Planned"
            stroke="#475569"
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="actual"
            name="Actual"
            stroke="#1d5fd1"
            strokeWidth={3}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          {data.checkpoints.map((c) => (
            <ReferenceDot key={c.date} x={c.date} y={c.planned} r={5} fill="#9a5b00" stroke="#fff" />
          ))}
        </ComposedChart>
      </div>
    </figure>
  );
}
