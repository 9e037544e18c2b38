"use client";
/** The activity funnel for the period so far: planned vs done over the same days at each step, as bars and a table. */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatAmount } from "@/server/domain/money";
import { DASHBOARD_AMOUNTS, formatDay } from "./format";
import type { DashboardCharts } from "./types";

export function FunnelChart({ data, currency }: { data: DashboardCharts; currency: string }) {
  const last = data.funnel.length - 1;
  const fmt = (n: number, i: number) => formatAmount(n, i === last ? data.unit : "COUNT", currency, undefined, DASHBOARD_AMOUNTS);
  // The bars show the activity steps (counts on one scale); the result, in its own unit, is in the table below.
  const activity = data.funnel.slice(0, last);
  return (
    <figure className="space-y-2">
      <figcaption className="font-semibold">
        Funnel: planned vs done, {formatDay(data.period.from)}–{formatDay(data.period.asOf < data.period.from ? data.period.from : data.period.asOf)}
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
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="text-slate-700">
            <th scope="col" className="py-1 pr-2 font-medium">
              Step
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Planned to date
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Done to date
            </th>
            <th scope="col" className="py-1 font-medium">
              Done / planned
            </th>
          </tr>
        </thead>
        <tbody>
          {data.funnel.map((s, i) => (
            <tr key={s.key} className="border-t border-slate-200">
              <th scope="row" className="py-1 pr-2 font-normal">
                {s.name}
              </th>
              <td className="py-1 pr-2 tabular-nums">{fmt(s.planned, i)}</td>
              <td className="py-1 pr-2 tabular-nums">{fmt(s.done, i)}</td>
              <td className="py-1 tabular-nums">
                {s.planned > 0 ? `${Math.round((s.done / s.planned) * 100)}%` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
