"use client";
/**
 * A big branch's search, on the server (`dashboard.search`): its first view holds only the direct downline, so the
 * name is looked up in the whole branch (never beyond it), each match with the path down to them; "Open" drills in.
 */
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { SearchField } from "@/components/ui/search-field";
import { useTRPC } from "@/trpc/react";
import { OpenMemberButton } from "./open-member-button";
import { PaceBadge } from "./pace-badge";
import type { DashboardPeriod } from "./types";

/** A deep path names its top, then the last two uplines: "Ana › … › Ben › Cleo" (the whole path on hover). */
const shortPath = (path: readonly string[]) =>
  path.length <= 4 ? path.join(" › ") : [path[0], "…", ...path.slice(-2)].join(" › ");

export function BranchSearch({
  goalId,
  period,
  rootId,
  fmt,
  onOpen,
}: {
  goalId: string;
  period: DashboardPeriod;
  rootId: string;
  fmt: (n: number) => string;
  onOpen: (id: string) => void;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const search = useQuery({
    ...trpc.dashboard.search.queryOptions({ teamId: team.id, goalId, period, rootId, query: deferred }),
    enabled: deferred.length > 0,
    placeholderData: (prev) => prev,
  });
  const found = deferred.length > 0 ? search.data : undefined;
  return (
    <div className="space-y-2">
      <SearchField
        id="branch-search"
        label="Search a member"
        value={query}
        onChange={setQuery}
        maxLength={80}
        className="max-w-md"
      />
      <p aria-live="polite" className="text-sm text-slate-700">
        {deferred.length === 0
          ? ""
          : search.isError
            ? search.error.message
            : !found
              ? "Searching…"
              : found.total === 0
                ? `No member matches “${found.query}”.`
                : `${found.total.toLocaleString("en-GB")} member${found.total === 1 ? "" : "s"} match “${found.query}”${found.total > found.matches.length ? `; the first ${found.matches.length}:` : "."}`}
      </p>
      {found && found.matches.length > 0 && (
        <ul
          className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
          aria-label="Search results"
        >
          {found.matches.map(({ row, path }) => (
            <li key={row.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2" data-member={row.name}>
              <div className="min-w-40 flex-1">
                <div className="font-medium break-words text-slate-900">{row.name}</div>
                <div className="text-xs break-words text-slate-600" title={path.join(" › ")}>
                  {shortPath(path)}
                </div>
              </div>
              <span className="text-sm text-slate-700 tabular-nums">
                {fmt(row.teamActual)} of {fmt(row.teamTarget)}
              </span>
              <PaceBadge status={row.teamStatus} size="sm" />
              <OpenMemberButton id={row.id} name={row.name} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
