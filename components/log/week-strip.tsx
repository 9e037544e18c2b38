/**
 * "My week": each day's plan completion as a word and an icon (never colour alone) and the current streak. The days
 * are computed by server/domain/week-strip.ts (on the server, and for today's taps still on the device).
 */
import { Check, Flame, Minus, Moon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { WeekDay } from "@/server/domain/week-strip";
import type { LogDayData } from "./types";
import { dayOfMonth, longDay, shortWeekday } from "./day-label";

function status(d: WeekDay): { word: string; long: string; icon: "done" | "off" | "none" | "part" } {
  if (d.met) return { word: "Done", long: "plan done", icon: "done" };
  if (d.isFuture) return { word: "—", long: "still to come", icon: "none" };
  if (!d.isWorkingDay)
    return {
      word: d.logged > 0 ? `${d.logged}` : "Off",
      long: d.logged > 0 ? `day off, ${d.logged} logged` : "day off",
      icon: "off",
    };
  if (d.percent !== null) return { word: `${d.percent}%`, long: `${d.percent}% of the plan done`, icon: "part" };
  return {
    word: d.logged > 0 ? `${d.logged}` : "—",
    long: d.logged > 0 ? `${d.logged} logged, no plan` : "nothing logged",
    icon: "none",
  };
}

export function WeekStrip({ week, streak }: { week: readonly WeekDay[]; streak: LogDayData["streak"] }) {
  return (
    <section aria-labelledby="my-week" className="rounded-xl border border-slate-200 bg-white p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="my-week" className="text-sm font-semibold text-slate-800">
          My week
        </h2>
        <p className="flex items-center gap-1 text-sm font-medium text-slate-800">
          <Flame aria-hidden className={cn("size-4", streak.current > 0 ? "text-orange-600" : "text-slate-500")} />
          {streak.current === 1 ? "1-day streak" : `${streak.current}-day streak`}
          {streak.best > streak.current && <span className="font-normal text-slate-600">· best {streak.best}</span>}
        </p>
      </div>
      <ol className="grid grid-cols-7 gap-1">
        {week.map((d) => {
          const s = status(d);
          return (
            <li
              key={d.day}
              aria-label={`${longDay(d.day)}${d.isToday ? " (today)" : ""}: ${s.long}`}
              className={cn(
                "flex flex-col items-center gap-0.5 rounded-lg py-1.5 text-xs",
                d.isToday ? "ring-brand-600 bg-brand-50 ring-2" : "bg-slate-50",
              )}
            >
              <span aria-hidden className={cn("text-slate-700", d.isToday && "font-bold text-slate-900")}>
                {shortWeekday(d.day)}
              </span>
              <span aria-hidden className="text-slate-600">
                {dayOfMonth(d.day)}
              </span>
              <span
                aria-hidden
                className={cn(
                  "flex size-6 items-center justify-center rounded-full",
                  s.icon === "done"
                    ? "bg-ahead text-white"
                    : s.icon === "part"
                      ? "border-on-track border-2"
                      : "text-slate-500",
                )}
              >
                {s.icon === "done" ? (
                  <Check className="size-4" />
                ) : s.icon === "off" ? (
                  <Moon className="size-3.5" />
                ) : s.icon === "none" ? (
                  <Minus className="size-3.5" />
                ) : null}
              </span>
              <span aria-hidden className={cn("font-medium", s.icon === "done" ? "text-ahead" : "text-slate-700")}>
                {s.word}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
