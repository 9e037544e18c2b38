"use client";
/**
 * "Reach rank X by then": choose a rank (or the monthly income wanted) and a date; see the requirements month by
 * month, what is missing this month, and the actions it takes today.
 */
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";
import { amountFormatter, amountInputMode, parseMoney } from "@/server/domain/money";
import { formatDay } from "./format";
import { StatusNote } from "./status";
import type { Rank } from "./types";
import * as clock from "@/server/clock";
import { toDbDay } from "@/server/domain/db-day";

type Ask = { rankId?: string; monthlyIncome?: number; deadline: string };

function endOfYear(today: string): string {
  return `${today.slice(0, 4)}-12-31`;
}

export function RankPlan({ ranks }: { ranks: Rank[] }) {
  const team = useTeam();
  const trpc = useTRPC();
  const [today] = useState(() => clock.todayIn(team.timeZone));
  const [choice, setChoice] = useState(ranks[1]?.id ?? ranks[0]?.id ?? "");
  const [income, setIncome] = useState("");
  const [incomeError, setIncomeError] = useState<string | undefined>();
  const [deadline, setDeadline] = useState(endOfYear(today));
  const [ask, setAsk] = useState<Ask | null>(null);
  const plan = useQuery({ ...trpc.rank.planToRank.queryOptions({ teamId: team.id, ...(ask ?? { deadline: today }) }), enabled: ask !== null, retry: false });
  const money = amountFormatter("MONEY", team.currency);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice === "income") {
      const v = parseMoney(income, team.currency, undefined, { min: 1 });
      setIncomeError(v.ok ? undefined : v.message);
      if (v.ok) setAsk({ monthlyIncome: v.value, deadline });
    } else setAsk({ rankId: choice, deadline });
  };

  return (
    <div className="space-y-3 border-t border-slate-200 pt-3">
      <h4 className="font-semibold">Plan to reach a rank</h4>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-3 sm:items-end" aria-label="Plan to reach a rank">
        <SelectField label="Reach" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {ranks.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
          <option value="income">A monthly income…</option>
        </SelectField>
        {choice === "income" && (
          <TextField
            label={`Monthly income (${team.currency})`}
            inputMode={amountInputMode("MONEY", team.currency)}
            autoComplete="off"
            value={income}
            onChange={(e) => setIncome(e.target.value)}
            error={incomeError}
          />
        )}
        <TextField label="By" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        <Button type="submit" variant="secondary" busy={plan.isFetching}>
          Work it out
        </Button>
      </form>
      {ask && plan.isError && <StatusNote tone="warn" label="Cannot plan this:">{plan.error.message}</StatusNote>}
      {ask && plan.data && (
        <div className="space-y-3" aria-live="polite" data-testid="rank-plan">
          <p>
            <strong>{plan.data.rank.name}</strong> by {formatDay(deadline)}: month by month, from last month&apos;s standing.
          </p>
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Requirements month by month">
            <table className="w-full min-w-[30rem] text-sm">
              <caption className="sr-only">Requirements to reach {plan.data.rank.name}, month by month</caption>
              <thead>
                <tr className="text-left text-slate-700">
                  {["Month", "Personal volume", "Team volume", "Sponsored", "Legs"].map((h) => (
                    <th key={h} scope="col" className="py-1 pr-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {plan.data.months.map((m) => (
                  <tr key={m.start} className="border-t border-slate-200">
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      {new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(toDbDay(m.start))}
                    </th>
                    <td className="py-1 pr-2 tabular-nums">{money(m.personalVolume)}</td>
                    <td className="py-1 pr-2 tabular-nums">{money(m.teamVolume)}</td>
                    <td className="py-1 pr-2 tabular-nums">{m.personallySponsored}</td>
                    <td className="py-1 pr-2 tabular-nums">{m.qualifiedLegs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-sm">
            Still to do this month: {money(plan.data.gapThisMonth.personalVolume)} personal volume, {money(plan.data.gapThisMonth.teamVolume)} team volume,{" "}
            {plan.data.gapThisMonth.personallySponsored} sponsored, {plan.data.gapThisMonth.qualifiedLegs} qualified legs.
          </p>
          {plan.data.todayActions.length > 0 && (
            <p className="text-sm">
              Today: {plan.data.todayActions.map((a) => `${a.planned} ${a.name.toLowerCase()}`).join(", ")}.{" "}
              {plan.data.timeCheck.fits ? "Fits your time." : "Does not fit your time this month."}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
