"use client";
/** This week / this month / goal to date, as a radio group that looks like a segmented control. */
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { PERIOD_LABELS, type DashboardPeriod } from "./types";

const PERIODS: DashboardPeriod[] = ["week", "month", "goal"];

export function PeriodPicker({ value, onChange }: { value: DashboardPeriod; onChange: (p: DashboardPeriod) => void }) {
  const name = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Period</legend>
      <div className="mt-1 inline-flex rounded-lg border border-slate-300 bg-white p-0.5">
        {PERIODS.map((p) => (
          <label
            key={p}
            className={cn(
              "has-focus-visible:outline-brand-600 flex min-h-10 cursor-pointer items-center rounded-md px-3 text-sm font-medium has-focus-visible:outline-2",
              value === p ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-100",
            )}
          >
            <input
              type="radio"
              name={name}
              value={p}
              checked={value === p}
              onChange={() => onChange(p)}
              className="sr-only"
            />
            {PERIOD_LABELS[p]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
