"use client";
/** The days a member may log for: today and earlier days of this week within the team's limit. Never the future. */
import { cn } from "@/components/ui/cn";
import { dayLabel, longDay } from "./day-label";

export function DayPicker({
  days,
  today,
  value,
  onChange,
}: {
  days: string[];
  today: string;
  value: string;
  onChange: (day: string) => void;
}) {
  if (days.length <= 1) {
    return (
      <p className="text-sm text-slate-700">
        Only today is open for logging — earlier days of this week, when your team allows them, appear here.
      </p>
    );
  }
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-slate-800">Day to log</legend>
      <div className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1">
        {days.map((d) => (
          <label
            key={d}
            className={cn(
              "has-focus-visible:outline-brand-600 relative flex min-h-11 shrink-0 cursor-pointer items-center rounded-full border px-4 text-sm font-medium has-focus-visible:outline-2 has-focus-visible:outline-offset-2",
              d === value
                ? "border-brand-700 bg-brand-700 text-white"
                : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
            )}
          >
            <input
              type="radio"
              name="log-day"
              value={d}
              checked={d === value}
              onChange={() => onChange(d)}
              className="sr-only"
              aria-label={`${dayLabel(d, today)}, ${longDay(d)}`}
            />
            <span aria-hidden>{dayLabel(d, today)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
