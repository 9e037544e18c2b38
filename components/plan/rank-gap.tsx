"use client";
/** The gap to my next rank this month (teams with ranks only): what is still missing, requirement by requirement. */
import { useQuery } from "@tanstack/react-query";
import { Award } from "lucide-react";
import Link from "next/link";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { amountFormatter } from "@/server/domain/money";
import { RankPlan } from "./rank-plan";

export function RankGap() {
  const team = useTeam();
  const trpc = useTRPC();
  const progress = useQuery(trpc.rank.progress.queryOptions({ teamId: team.id }));
  const p = progress.data;
  if (!p?.standing) return null;
  const money = amountFormatter("MONEY", team.currency);
  const gap = p.gap;
  const missing = gap
    ? [
        gap.personalVolume > 0 && `${money(gap.personalVolume)} personal volume`,
        gap.teamVolume > 0 && `${money(gap.teamVolume)} team volume`,
        gap.personallySponsored > 0 && `${gap.personallySponsored} personally sponsored`,
        gap.qualifiedLegs > 0 && `${gap.qualifiedLegs} qualified ${gap.qualifiedLegs === 1 ? "leg" : "legs"}`,
      ].filter(Boolean)
    : [];
  return (
    <Card role="region" aria-labelledby="rank-gap-heading" className="space-y-2" data-testid="rank-gap">
      <h3 id="rank-gap-heading" className="flex items-center gap-2 text-lg font-semibold">
        <Award aria-hidden className="size-5" />
        My rank this month
      </h3>
      <p>
        {p.current ? (
          <>
            You qualify for <strong>{p.current.name}</strong>.
          </>
        ) : (
          "You have not reached the first rank yet this month."
        )}
      </p>
      {p.next ? (
        <p className="text-slate-800">
          To reach <strong>{p.next.name}</strong>
          {p.next.monthlyIncome > 0 ? ` (typically ${money(p.next.monthlyIncome)} a month)` : ""}:{" "}
          {missing.length ? `${missing.join(", ")} to go.` : "nothing missing."}
        </p>
      ) : (
        <p>You are at the top rank.</p>
      )}
      <p>
        <Link href={`/${team.slug}/plan/rank`} className="text-brand-700 font-medium underline">
          Open my rank report
        </Link>{" "}
        — every requirement, your legs, and when you reach the next rank at this pace.
      </p>
      <RankPlan ranks={p.ranks} />
    </Card>
  );
}
