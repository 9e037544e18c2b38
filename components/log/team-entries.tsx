"use client";
/**
 * An upline's look at their direct members' entries for the days still open (today and earlier days of this week
 * within the team's limit): with history always, and edit/delete when the team lets uplines change entries
 * (Team.uplineCanEditEntries; the server checks it again). Loaded only when opened.
 */
import { useId, useState } from "react";
import { lightClient } from "@/trpc/light";
import type { MetricUnit } from "@/server/domain/money";
import { dayLabel } from "./day-label";
import { EntryRow } from "./entry-row";
import { useLightQuery } from "./light-query";

interface Props {
  teamId: string;
  membershipId: string;
  currency: string;
  today: string;
  allowedDays: string[];
  metric: (metricId: string) => { name: string; unit: MetricUnit };
  canChange: boolean;
}

export function TeamEntries({ teamId, membershipId, currency, today, allowedDays, metric, canChange }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [memberId, setMemberId] = useState("");
  const tree = useLightQuery(open ? `member.tree:${membershipId}` : null, () =>
    lightClient.member.tree({ teamId, rootId: membershipId, depth: 1 }),
  );
  const members = (tree.data?.nodes ?? [])
    .filter((n) => n.id !== membershipId)
    .sort((a, b) => a.name.localeCompare(b.name));
  const from = allowedDays[allowedDays.length - 1] ?? today;
  const list = useLightQuery(open && memberId !== "" ? `entry.list:${memberId}:${from}:${today}` : null, () =>
    lightClient.entry.list({ teamId, membershipId: memberId, from, to: today }),
  );
  const chosen = members.find((m) => m.id === memberId);

  return (
    <details
      className="rounded-xl border border-slate-200 bg-white p-4"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="min-h-11 cursor-pointer content-center text-base font-semibold text-slate-900">
        Your members&apos; entries
      </summary>
      {tree.error ? (
        <p className="mt-2 text-sm text-red-700">{tree.error.message}</p>
      ) : !tree.data ? (
        <p className="mt-2 text-sm text-slate-700">Loading your members…</p>
      ) : members.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No one is below you in the tree yet.</p>
      ) : (
        <div className="mt-3 space-y-3">
          <p className="text-sm text-slate-700">
            {canChange
              ? "You can correct your direct members' entries for the days still open. Every change is kept in the history."
              : "Your team lets only members change their own entries; you can see them and their history."}
          </p>
          <div className="space-y-1">
            <label htmlFor={`${id}-member`} className="block text-sm font-medium text-slate-800">
              Member
            </label>
            <select
              id={`${id}-member`}
              value={memberId}
              onChange={(e) => setMemberId(e.target.value)}
              className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2 text-base"
            >
              <option value="">Choose a member</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          {memberId !== "" &&
            (list.error ? (
              <p className="text-sm text-red-700">{list.error.message}</p>
            ) : !list.data ? (
              <p className="text-sm text-slate-700">Loading entries…</p>
            ) : list.data.length === 0 ? (
              <p className="text-sm text-slate-700">{chosen?.name ?? "They"} logged nothing on the open days.</p>
            ) : (
              <ul className="divide-y divide-slate-200" aria-label={`Entries of ${chosen?.name ?? "member"}`}>
                {list.data.map((e) => (
                  <EntryRow
                    key={e.id}
                    entry={{
                      id: e.id,
                      metricId: e.metricId,
                      amount: e.amount,
                      note: e.note,
                      version: e.version,
                      at: new Date(e.createdAt),
                      pending: false,
                    }}
                    metric={metric(e.metricId)}
                    teamId={teamId}
                    currency={currency}
                    day={e.day}
                    dayText={dayLabel(e.day, today)}
                    today={today}
                    allowedDays={allowedDays}
                    canChange={canChange}
                    onRemovePending={() => undefined}
                  />
                ))}
              </ul>
            ))}
        </div>
      )}
    </details>
  );
}
