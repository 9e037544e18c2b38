"use client";
/** Why targets changed: who changed what, when, from → to — the goal's own changes and one member's. */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { QueryState } from "@/components/ui/query-state";
import { SelectField } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";
import { amountFormatter, type MetricUnit } from "@/server/domain/money";
import { formatDay, splitWord } from "./format";
import type { HistoryRow } from "./types";

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

export function ChangeHistory({
  goalId,
  unit,
  people,
  initialMemberId,
}: {
  goalId: string;
  unit: MetricUnit;
  people: { id: string; name: string }[];
  initialMemberId: string;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const [memberId, setMemberId] = useState(initialMemberId);
  const history = useQuery(trpc.goal.history.queryOptions({ teamId: team.id, goalId, membershipId: memberId }));
  const fmt = amountFormatter(unit, team.currency);
  return (
    <div className="space-y-3" data-testid="change-history">
      {people.length > 1 && (
        <SelectField label="Show changes for" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === team.membershipId ? `${p.name} (me)` : p.name}
            </option>
          ))}
        </SelectField>
      )}
      <QueryState
        query={history}
        loading="Loading the history…"
        error="Could not load the history"
        empty={{
          when: (rows) => rows.length === 0,
          children: <p className="text-slate-700">No changes yet.</p>,
        }}
      >
        {(rows) => (
          <ol className="space-y-2">
            {rows.map((h) => (
              <li key={h.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                <p className="font-medium">{h.reason}</p>
                <p className="text-slate-800">{describe(h, fmt)}</p>
                <p className="text-xs text-slate-600">
                  {h.actorName ?? "Someone"} ·{" "}
                  <time dateTime={new Date(h.createdAt).toISOString()}>{when.format(new Date(h.createdAt))}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </div>
  );
}

function describe(h: HistoryRow, fmt: (a: number) => string): string {
  const data = (h.data ?? {}) as { from?: unknown; to?: unknown };
  const v = (x: number | null) => (x === null ? "none" : fmt(x));
  switch (h.field) {
    case "personal":
      return h.membershipId ? `Personal target: ${v(h.fromValue)} → ${v(h.toValue)}` : "";
    case "team":
      return `Team target: ${v(h.fromValue)} → ${v(h.toValue)}`;
    case "override":
      return `Hand-set target: ${v(h.fromValue)} → ${v(h.toValue)}`;
    case "goal":
      return `Goal target: ${v(h.toValue)}`;
    case "target":
      return `Goal target: ${v(h.fromValue)} → ${v(h.toValue)}`;
    case "deadline":
      return `Deadline: ${formatDay(String(data.from))} → ${formatDay(String(data.to))}`;
    case "splitRule":
      return `Split: ${splitWord(String(data.from))} → ${splitWord(String(data.to))}`;
    case "holidays":
      return `Holidays planned around: ${holidayWords(data.from)} → ${holidayWords(data.to)}`;
    case "replan":
      return `Rest re-planned from ${fmt(h.fromValue ?? 0)} done to ${v(h.toValue)} by the deadline`;
    case "followTree":
      return (h.data as { skipped?: string } | null)?.skipped
        ? "No target changed: re-plan the goal to share the rest."
        : "Re-split for the rest of the goal; every team target stays the same.";
    case "name":
      return `Name: ${String(data.from)} → ${String(data.to)}`;
    case "startDate":
      return `Start: ${formatDay(String(data.from))} → ${formatDay(String(data.to))}`;
    case "curve":
      return `Curve: ${String(data.from)} → ${String(data.to)}`;
    case "checkpoints":
      return `Checkpoints: ${String(data.from)} → ${String(data.to)}`;
    default:
      return "";
  }
}

/** A goal's holidays as stored in its history ("2027-03-26, 2027-03-29" or "none") in words. */
function holidayWords(list: unknown): string {
  const text = String(list ?? "none");
  return text === "none" ? "none" : text.split(", ").map(formatDay).join(", ");
}
