"use client";
/**
 * The rank report card (a network-marketing back office's, and more): for the viewer or anyone in their branch, a
 * month of the member's calendar — every requirement as required / actual / remaining / %, the rank paid this period
 * vs the highest reached, the legs, and for this month the projection "at this pace you reach Gold on 26 Mar" with
 * the leg to grow. On one's own card: "Save this as my plan" and the saved plans. The URL keeps who, which month and
 * which rank (?member=&period=&rank=), so Back works and a leg's card is a link.
 */
import { useQuery } from "@tanstack/react-query";
import { Award, TrendingUp, Users } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { QueryState } from "@/components/ui/query-state";
import { formatDay } from "@/components/plan/format";
import { StatusBadge, StatusNote } from "@/components/plan/status";
import { amountFormatter } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { RankPlans, SaveRankPlan } from "./rank-plan-save";
import type { RankCard } from "./types";

export function RankReport({ memberId, period, rankId }: { memberId?: string; period?: string; rankId?: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const card = useQuery({
    ...trpc.rank.card.queryOptions({ teamId: team.id, membershipId: memberId, period, rankId }),
    retry: false,
  });
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href={`/${team.slug}/plan`} className="text-brand-700 text-sm underline">
          ← Plan
        </Link>
        <h1 className="text-2xl font-semibold sm:text-3xl">Rank report</h1>
      </div>
      <QueryState query={card} variant="card" loading="Loading the rank report…" error="Could not load the rank report">
        {(data) => <RankReportView data={data} />}
      </QueryState>
    </div>
  );
}

const monthYear = (value: string) =>
  new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${value}-01T00:00:00.000Z`),
  );

function RankReportView({ data }: { data: RankCard }) {
  const team = useTeam();
  const router = useRouter();
  const pathname = usePathname();
  const money = amountFormatter("MONEY", team.currency);
  const who = data.subject.isViewer ? "You" : data.subject.name;
  const go = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    const next = {
      member: data.subject.isViewer ? undefined : data.subject.id,
      period: data.period.isCurrent ? undefined : data.period.value,
      rank: undefined as string | undefined,
      ...changes,
    };
    for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
    router.push(`${pathname}${params.size ? `?${params.toString()}` : ""}`);
  };
  const memberHref = (id: string) => `${pathname}?member=${encodeURIComponent(id)}`;

  if (data.ranks.length === 0 || !data.target) {
    return (
      <Card>
        <p className="text-slate-700">
          This team has no ranks yet. The owner adds them (with their rules) under{" "}
          <Link href={`/${team.slug}/plan/settings`} className="text-brand-700 underline">
            Metrics &amp; ranks
          </Link>
          .
        </p>
      </Card>
    );
  }
  const target = data.target;
  const labels: Record<string, { label: string; money: boolean }> = {
    personalVolume: { label: "Personal volume", money: true },
    teamVolume: {
      label:
        target.legCap === null
          ? "Team volume"
          : `Team volume (at most ${money(target.legCap)} from one leg, ${target.legCapPct} %)`,
      money: true,
    },
    qualifiedLegs: { label: `Legs holding ${target.legRankName}`, money: false },
    activeMembers: { label: `Active members (logged at least ${money(target.activeMinVolume)})`, money: false },
    personallySponsored: { label: "Personally sponsored", money: false },
  };
  const fmt = (key: string, v: number) => (labels[key]!.money ? money(v) : v.toLocaleString("en-GB"));

  return (
    <div className="space-y-6">
      <Card className="space-y-4" role="region" aria-labelledby="rank-summary-heading">
        <h2 id="rank-summary-heading" className="text-xl font-semibold break-words">
          {data.subject.isViewer ? "Your ranks" : `${data.subject.name}'s ranks`}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label="Period" value={data.period.value} onChange={(e) => go({ period: e.target.value })}>
            {data.periods.map((p, i) => (
              <option key={p.value} value={p.value}>
                {i === 0 ? `This month (${p.label})` : i === 1 ? `Last month (${p.label})` : p.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Measured against" value={target.id} onChange={(e) => go({ rank: e.target.value })}>
            {data.ranks.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
        </div>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div className="rounded-lg bg-slate-50 p-3">
            <dt className="text-sm text-slate-700">Paid as in {data.period.label}</dt>
            <dd className="flex items-center gap-2 text-2xl font-bold" data-testid="paid-as">
              <Award aria-hidden className="size-6" />
              {data.paidAs?.name ?? "No rank"}
            </dd>
          </div>
          <div className="rounded-lg bg-slate-50 p-3">
            <dt className="text-sm text-slate-700">Highest rank (last 24 months)</dt>
            <dd className="text-2xl font-bold" data-testid="highest-rank">
              {data.highest ? (
                <>
                  {data.highest.name}{" "}
                  <span className="text-base font-normal text-slate-700">in {monthYear(data.highest.month)}</span>
                </>
              ) : (
                "None yet"
              )}
            </dd>
          </div>
        </dl>
        <Projection data={data} who={who} money={money} />
      </Card>

      <Card className="space-y-3" role="region" aria-labelledby="requirements-heading">
        <h2 id="requirements-heading" className="text-xl font-semibold">
          {target.name}: requirements in {data.period.label}
        </h2>
        {data.metricsMissing && (
          <StatusNote tone="warn" label="No volume metric.">
            The team has no “team_volume” metric, so no volume is counted.
          </StatusNote>
        )}
        <ul className="divide-y divide-slate-200" aria-label={`Requirements for ${target.name}`}>
          {data.lines.map((l) => {
            const met = l.remaining === 0;
            return (
              <li key={l.key} className="space-y-2 py-3" data-testid={`requirement-${l.key}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium break-words">{labels[l.key]!.label}</span>
                  {met ? <StatusBadge tone="ok" label="Met" /> : <StatusBadge tone="warn" label="Not yet" />}
                </div>
                <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-slate-700">Required</dt>
                    <dd className="font-semibold tabular-nums">{fmt(l.key, l.required)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-700">Actual</dt>
                    <dd className="font-semibold tabular-nums">{fmt(l.key, l.actual)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-700">Remaining</dt>
                    <dd className="font-semibold tabular-nums">{fmt(l.key, l.remaining)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-700">Done</dt>
                    <dd className="font-semibold tabular-nums">{l.percent} %</dd>
                  </div>
                </dl>
                <div aria-hidden className="h-2 overflow-hidden rounded-full bg-slate-200">
                  <div
                    className={met ? "h-full bg-emerald-600" : "h-full bg-amber-500"}
                    style={{ width: `${l.percent}%` }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      </Card>

      <Card className="space-y-3" role="region" aria-labelledby="legs-heading">
        <h2 id="legs-heading" className="flex items-center gap-2 text-xl font-semibold">
          <Users aria-hidden className="size-5" />
          Legs
        </h2>
        {data.legs.length === 0 ? (
          <p className="text-slate-700">{who === "You" ? "You have" : `${who} has`} no one in the downline yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label="Legs">
            {data.legs.map((leg) => (
              <li key={leg.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link href={memberHref(leg.id)} className="text-brand-700 font-medium break-words underline">
                    {leg.name}
                  </Link>
                  <p className="text-sm text-slate-700">
                    Leg volume <span className="tabular-nums">{money(leg.volume)}</span>
                    {leg.counted < leg.volume && (
                      <>
                        {" "}
                        · counts <span className="tabular-nums">{money(leg.counted)}</span> (capped)
                      </>
                    )}
                  </p>
                </div>
                {leg.holds ? (
                  <StatusBadge tone="ok" label={`Holds ${leg.heldRank ?? target.legRankName}`} />
                ) : (
                  <StatusBadge tone="info" label={leg.heldRank ? `Holds ${leg.heldRank}` : "No rank held"} />
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {data.subject.isViewer && (
        <Card className="space-y-4" role="region" aria-labelledby="rank-plan-heading">
          <h2 id="rank-plan-heading" className="text-xl font-semibold">
            My rank plans
          </h2>
          <SaveRankPlan
            key={`${target.id}:${data.projection?.date ?? ""}`}
            rank={target}
            defaultDeadline={data.projection?.date ?? (data.period.isCurrent ? data.period.end : data.today)}
          />
          <RankPlans />
        </Card>
      )}
    </div>
  );
}

function Projection({ data, who, money }: { data: RankCard; who: string; money: (v: number) => string }) {
  const target = data.target!;
  const grow = data.growLeg;
  const growText = grow ? (
    <>
      {" "}
      The leg to grow is <strong>{grow.name}&apos;s</strong> ({money(grow.amount)} more).
    </>
  ) : null;
  let note;
  if (target.met) {
    note = (
      <StatusNote tone="ok" label={`${who} ${data.period.isCurrent ? "qualify" : "qualified"} for ${target.name}`}>
        in {data.period.label}.
      </StatusNote>
    );
  } else if (!data.period.isCurrent || !data.projection) {
    note = (
      <StatusNote tone="info" label={`${target.name} not reached in ${data.period.label}.`}>
        {growText}
      </StatusNote>
    );
  } else if (data.projection.date) {
    note = (
      <StatusNote tone="ok" label={`At this pace ${who.toLowerCase() === "you" ? "you" : who} reach ${target.name}`}>
        on {formatDay(data.projection.date)}.{growText}
      </StatusNote>
    );
  } else {
    const short = (data.projection.atEnd ?? []).filter((l) => l.remaining > 0).length;
    note = (
      <StatusNote tone="warn" label={`At this pace ${target.name} is not reached this month`}>
        ({short} {short === 1 ? "requirement falls" : "requirements fall"} short by {formatDay(data.period.end)}).
        {growText}
      </StatusNote>
    );
  }
  return (
    <div data-testid="rank-projection" className="space-y-1">
      <h3 className="flex items-center gap-2 font-semibold">
        <TrendingUp aria-hidden className="size-5" />
        Projection
      </h3>
      {note}
    </div>
  );
}
