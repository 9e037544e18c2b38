"use client";
/**
 * The backward plan as a chart: the cumulative target over time, with the custom checkpoints marked. The period
 * table next to it carries the same numbers for screen readers and keyboard users.
 */
import { Area, AreaChart, CartesianGrid, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDayRange, formatShortDay } from "./format";
import { Table } from "@/components/ui/table";

export function PlanChart({
  days,
  checkpoints,
  format,
  label,
}: {
  days: { date: string; cumulative: number }[];
  checkpoints: { date: string; cumulative: number }[];
  format: (amount: number) => string;
  label: string;
}) {
  return (
    <figure className="space-y-1" data-testid="plan-chart">
      <div role="img" aria-label={label} className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={days} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="date"
              tickFormatter={formatShortDay}
              minTickGap={24}
              tick={{ fontSize: 12, fill: "#334155" }}
            />
            <YAxis tickFormatter={format} width={80} tick={{ fontSize: 12, fill: "#334155" }} />
            <Tooltip formatter={(v) => format(Number(v))} labelFormatter={(d) => formatShortDay(String(d))} />
            <Area
              type="monotone"
              dataKey="cumulative"
              name="Planned total"
              stroke="#1d5fd1"
              fill="#d9eaff"
              strokeWidth={2}
              isAnimationActive={false}
            />
            {checkpoints.map((c) => (
              <ReferenceDot
                key={c.date}
                x={c.date}
                y={c.cumulative}
                r={6}
                fill="#143d85"
                stroke="#fff"
                strokeWidth={2}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-700">
        Cumulative plan{checkpoints.length > 0 ? "; dark dots are your checkpoints" : ""}. The table below has the same
        numbers.
      </figcaption>
    </figure>
  );
}

export function PeriodTable({
  periods,
  format,
  caption,
}: {
  periods: { periodStart: string; periodEnd: string; increment: number; cumulative: number }[];
  format: (amount: number) => string;
  caption: string;
}) {
  return (
    <Table
      caption={caption}
      variant="boxed"
      maxHeight
      rows={periods}
      rowKey={(p) => p.periodStart}
      columns={[
        { header: "Period", cell: (p) => formatDayRange(p.periodStart, p.periodEnd) },
        { header: "In the period", align: "right", cell: (p) => format(p.increment) },
        { header: "Total by its end", align: "right", cell: (p) => format(p.cumulative) },
      ]}
    />
  );
}
