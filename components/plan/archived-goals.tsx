"use client";
/** The Plan's "Archived" list: archived goals the caller may see, each still readable (and restorable on its page). */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { amountFormatter } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { formatDayRange } from "./format";

export function ArchivedGoals() {
  const team = useTeam();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const archived = useQuery({ ...trpc.goal.archived.queryOptions({ teamId: team.id }), enabled: open });
  return (
    <section aria-labelledby="archived-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="archived-heading" className="text-xl font-semibold">
          Archived goals
        </h2>
        <Button variant="ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? "Hide archived" : "Show archived"}
        </Button>
      </div>
      {open &&
        (archived.isPending ? (
          <p className="text-slate-700">Loading archived goals…</p>
        ) : archived.isError ? (
          <p className="text-slate-700">Could not load the archived goals.</p>
        ) : archived.data.length === 0 ? (
          <p className="text-slate-700">No archived goals.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {archived.data.map((g) => (
              <li key={g.id}>
                <Link
                  href={`/${team.slug}/plan/goals/${g.id}`}
                  className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400"
                >
                  <span className="block font-semibold break-words">{g.name}</span>
                  <span className="mt-1 block text-sm text-slate-700">
                    {amountFormatter(g.metric.unit, team.currency)(g.target)} {g.metric.name.toLowerCase()} ·{" "}
                    {formatDayRange(g.startDate, g.deadline)} · {g.rootName}&apos;s team
                    {g.wasPublished ? "" : " · never published"}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
