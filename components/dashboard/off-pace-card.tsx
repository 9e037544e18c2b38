"use client";
/**
 * Who is off pace in the viewed branch, furthest behind first (the first view's `offPace`, cut from the one roll-up):
 * each with their own actual vs expected for the period and the pace in words; "Open" drills into them.
 */
import { Card } from "@/components/ui/card";
import { OpenMemberButton } from "./open-member-button";
import { PaceBadge } from "./pace-badge";
import { PERIOD_LABELS, type DashboardView } from "./types";

export function OffPaceCard({
  data,
  fmt,
  onOpen,
}: {
  data: DashboardView;
  fmt: (n: number) => string;
  onOpen: (id: string) => void;
}) {
  const period = PERIOD_LABELS[data.period.kind].toLowerCase();
  return (
    <section aria-labelledby="off-pace-heading">
      <Card className="space-y-3">
        <h2 id="off-pace-heading" className="text-xl font-semibold">
          Furthest behind
        </h2>
        <p className="text-sm text-slate-700" data-testid="off-pace-count">
          {data.offPaceCount === 0
            ? `Nobody below ${data.root.name} is off pace ${period === "goal to date" ? "so far" : period}.`
            : `${data.offPaceCount.toLocaleString("en-GB")} of ${data.root.below.total.toLocaleString("en-GB")} below ${data.root.name} are off pace (${period})${data.offPaceCount > data.offPace.length ? `; the ${data.offPace.length} furthest behind:` : ":"}`}
        </p>
        {data.offPace.length > 0 && (
          <ol className="divide-y divide-slate-200" aria-label="Furthest behind">
            {data.offPace.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-member={row.name}>
                <span className="min-w-40 flex-1 font-medium break-words text-slate-900">{row.name}</span>
                <span className="text-sm text-slate-700 tabular-nums">
                  {fmt(row.ownActual)} of {fmt(row.ownExpected)} expected
                </span>
                <PaceBadge status={row.ownStatus} size="sm" />
                <OpenMemberButton id={row.id} name={row.name} onOpen={onOpen} />
              </li>
            ))}
          </ol>
        )}
      </Card>
    </section>
  );
}
