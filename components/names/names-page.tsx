"use client";
/**
 * My names list (issue 18), phone first: quick add (a name is enough; works offline — people wait on the device and
 * are created once when it is back online), search by name, email, phone, handle or tag, filters by stage (the
 * team's funnel, then the outcomes) and tag, the list in pages, and a person's sheet. People shared with the caller
 * by their downline are listed below, read-only.
 */
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CloudOff, Share2 } from "lucide-react";
import { useDeferredValue, useMemo, useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { useUrlParam } from "@/components/ui/use-url-param";
import { useTRPC } from "@/trpc/react";
import { PersonSheet } from "./person-sheet";
import { QuickAdd } from "./quick-add";
import { stageLabel, NOT_CONTACTED } from "./stage-label";
import { usePeopleSync } from "./use-people-sync";

export function NamesPage() {
  const team = useTeam();
  const trpc = useTRPC();
  const sync = usePeopleSync({ teamId: team.id, membershipId: team.membershipId });
  const [search, setSearch] = useState("");
  const [stage, setStage] = useState("");
  const [tag, setTag] = useState("");
  const [archived, setArchived] = useState(false);
  // A person has their own address (…/names?person=<id>): a link, a reload or the back button opens or closes them.
  const [open, setOpen] = useUrlParam("person");
  const deferredSearch = useDeferredValue(search.trim());

  const stages = useQuery(trpc.person.stages.queryOptions({ teamId: team.id }, { staleTime: 5 * 60_000 }));
  const input = {
    teamId: team.id,
    ...(deferredSearch ? { search: deferredSearch.slice(0, 100) } : {}),
    ...(stage ? { stage } : {}),
    ...(tag ? { tag } : {}),
    ...(archived ? { archived } : {}),
  };
  const list = useInfiniteQuery(
    trpc.person.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
      placeholderData: (previous) => previous,
    }),
  );
  const shared = useQuery(trpc.person.sharedWithMe.queryOptions({ teamId: team.id }));
  const people = useMemo(() => list.data?.pages.flatMap((page) => page.people) ?? [], [list.data]);
  const tags = useQuery(trpc.person.tags.queryOptions({ teamId: team.id }));
  const listed = new Set(people.map((p) => p.id));
  const waiting = sync.waiting.filter((row) => !listed.has(row.id));
  const filtering = Boolean(deferredSearch || stage || tag || archived);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold sm:text-3xl">Names</h1>
          <p className="mt-1 text-slate-700">The people you want to reach — yours alone.</p>
        </div>
        <Link href={`/${team.slug}/names/import`} className="text-brand-700 text-sm font-medium underline">
          Import or export
        </Link>
      </div>

      <Card>
        <QuickAdd onAdd={sync.add} />
        {!sync.online && (
          <p role="status" className="mt-3 flex items-center gap-2 text-sm text-slate-800">
            <CloudOff aria-hidden className="size-4" /> Offline: people you add wait on this phone and are added when
            you are back online.
          </p>
        )}
        {sync.storageProblem && (
          <p role="alert" className="mt-3 text-sm font-medium text-red-700">
            This browser does not let the app keep people on the device: adding needs a connection.
          </p>
        )}
      </Card>

      {waiting.length > 0 && (
        <section aria-labelledby="waiting-heading" className="space-y-2">
          <h2 id="waiting-heading" className="text-lg font-semibold">
            Waiting to be added ({waiting.length})
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {waiting.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-3 p-3" data-testid="waiting-person">
                <div className="min-w-0">
                  <p className="truncate font-medium">{row.person.name}</p>
                  <p className="text-sm text-slate-700">
                    {row.state === "failed" ? `Not added: ${row.message ?? "refused"}` : "On this phone, not sent yet"}
                  </p>
                </div>
                {row.state === "failed" && (
                  <Button variant="ghost" size="sm" onClick={() => void sync.drop(row.id)}>
                    Remove
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="sr-only">
          My list
        </h2>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <TextField
            className="col-span-2 sm:col-span-1"
            label="Search"
            type="search"
            placeholder="Name, email, phone, @handle, tag"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <SelectField label="Stage" value={stage} onChange={(event) => setStage(event.target.value)}>
            <option value="">All stages</option>
            <option value="none">{NOT_CONTACTED}</option>
            {stages.data?.stages.map((s) => (
              <option key={s.metricId} value={s.metricId}>
                {s.name}
              </option>
            ))}
            {stages.data?.outcomes.map((o) => (
              <option key={o.outcome} value={o.outcome}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Tag" value={tag} onChange={(event) => setTag(event.target.value)}>
            <option value="">All tags</option>
            {tag && !tags.data?.some((t) => t.tag === tag) && <option value={tag}>{tag}</option>}
            {tags.data?.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </SelectField>
        </div>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-5"
            checked={archived}
            onChange={(e) => setArchived(e.target.checked)}
          />
          Show archived people
        </label>

        {list.isPending ? (
          <p className="text-slate-700">Loading your list…</p>
        ) : list.isError ? (
          <p role="alert" className="text-red-700">
            Could not load your list: {list.error.message}{" "}
            <Button variant="ghost" size="sm" onClick={() => void list.refetch()}>
              Try again
            </Button>
          </p>
        ) : people.length === 0 ? (
          <p className="text-slate-700">
            {filtering ? "Nobody matches." : "Your list is empty. Add the first name above — a name is enough."}
          </p>
        ) : (
          <ul aria-label="People" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {people.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  onClick={() => setOpen(p.id)}
                  className="flex min-h-14 w-full items-center justify-between gap-3 p-3 text-left hover:bg-slate-50"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{p.name}</span>
                    <span className="block truncate text-sm text-slate-700">
                      {[p.handle, p.tags.map((t) => `#${t}`).join(" ")].filter(Boolean).join(" · ")}
                    </span>
                  </span>
                  <span className="shrink-0 text-right text-sm">
                    <span className="block font-medium text-slate-800">{stageLabel(stages.data, p)}</span>
                    {p.nextFollowUp && <span className="block text-slate-700">Follow up {p.nextFollowUp}</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Show more
          </Button>
        )}
      </section>

      {shared.data && shared.data.length > 0 && (
        <section aria-labelledby="shared-heading" className="space-y-2">
          <h2 id="shared-heading" className="flex items-center gap-2 text-lg font-semibold">
            <Share2 aria-hidden className="size-5" /> Shared with me
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {shared.data.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  onClick={() => setOpen(p.id)}
                  className="flex min-h-14 w-full items-center justify-between gap-3 p-3 text-left hover:bg-slate-50"
                >
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{p.name}</span>
                    <span className="block truncate text-sm text-slate-700">From {p.owner.name}</span>
                  </span>
                  <span className="shrink-0 text-sm font-medium text-slate-800">{stageLabel(stages.data, p)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {open && <PersonSheet personId={open} choices={stages.data} onClose={() => setOpen(null)} />}
    </div>
  );
}
