"use client";
/** Compensation ranks with their requirements and typical income (network marketing); the owner edits, others read. */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { Table } from "@/components/ui/table";
import { amountFormatter } from "@/server/domain/money";
import { RankForm } from "./rank-form";
import type { Rank } from "./types";

export function RanksSettings({ canEdit }: { canEdit: boolean }) {
  const team = useTeam();
  const trpc = useTRPC();
  const ranks = useQuery(trpc.rank.list.queryOptions({ teamId: team.id }));
  const progress = useQuery(trpc.rank.progress.queryOptions({ teamId: team.id }));
  const [editing, setEditing] = useState<string | null>(null);
  const money = amountFormatter("MONEY", team.currency);
  if (!ranks.data) return <p className="text-slate-700">Loading ranks…</p>;
  const list = ranks.data;
  const p = progress.data;
  return (
    <div className="space-y-4">
      {p?.standing && (
        <p className="rounded-lg bg-slate-50 p-3 text-sm" data-testid="rank-progress">
          This month you are {p.current ? <strong>{p.current.name}</strong> : "below the first rank"}.
          {p.next && p.gap
            ? ` To reach ${p.next.name}: ${
                [
                  p.gap.personalVolume > 0 && `${money(p.gap.personalVolume)} personal volume`,
                  p.gap.teamVolume > 0 && `${money(p.gap.teamVolume)} team volume`,
                  p.gap.personallySponsored > 0 && `${p.gap.personallySponsored} sponsored`,
                  p.gap.qualifiedLegs > 0 && `${p.gap.qualifiedLegs} qualified legs`,
                ]
                  .filter(Boolean)
                  .join(", ") || "nothing"
              } to go.`
            : " You are at the top rank."}
        </p>
      )}
      {list.length === 0 ? (
        <p className="text-slate-700">No ranks. Teams without a compensation plan can skip this.</p>
      ) : (
        <Table
          label="Ranks table"
          caption="Ranks and their monthly requirements"
          minWidth="min-w-[52rem]"
          rowHeader="strong"
          rows={list}
          rowKey={(r) => r.id}
          columns={[
            { header: "Rank", cell: (r) => r.name },
            { header: "Personal volume", className: "tabular-nums", cell: (r) => money(r.personalVolume) },
            { header: "Team volume", className: "tabular-nums", cell: (r) => money(r.teamVolume) },
            { header: "Sponsored", className: "tabular-nums", cell: (r) => r.personallySponsored },
            {
              header: "Qualified legs",
              cell: (r) =>
                r.qualifiedLegs === 0
                  ? "0"
                  : `${r.qualifiedLegs} at ${list.find((x) => x.id === r.legRankId)?.name ?? list[0]?.name ?? ""}`,
            },
            {
              header: "Leg cap",
              className: "tabular-nums",
              cell: (r) => (r.legCapPct === null ? "None" : `${r.legCapPct} %`),
            },
            {
              header: "Active members",
              cell: (r) =>
                r.activeMembers === 0 ? "0" : `${r.activeMembers} (≥ ${money(Math.max(1, r.activeMinVolume))})`,
            },
            { header: "Typical income", className: "tabular-nums", cell: (r) => money(r.monthlyIncome) },
            ...(canEdit
              ? [
                  {
                    header: "Edit",
                    hideHeader: true,
                    cell: (r: Rank) => (
                      <Button size="sm" variant="ghost" onClick={() => setEditing(r.id)}>
                        Edit<span className="sr-only"> {r.name}</span>
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canEdit && editing !== null && (
        <RankForm
          key={editing}
          rank={list.find((r) => r.id === editing)}
          ranks={list}
          nextPosition={list.reduce((mx, r) => Math.max(mx, r.position + 1), 0)}
          onDone={() => setEditing(null)}
        />
      )}
      {canEdit && editing === null && (
        <Button variant="secondary" onClick={() => setEditing("new")}>
          Add a rank
        </Button>
      )}
    </div>
  );
}
