"use client";
/**
 * "Reach rank X by then": choose a rank (or the monthly income wanted) and a date; see the requirements month by
 * month, what is missing this month, and the actions it takes today.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";
import { Table } from "@/components/ui/table";
import { amountFormatter, amountInputMode } from "@/server/domain/money";
import { ZIsoDate } from "@/server/schemas/goal";
import { readAmountField } from "@/server/schemas/money";
import { formatDay } from "./format";
import { StatusNote } from "./status";
import type { Rank } from "./types";
import * as clock from "@/server/clock";
import { toDbDay } from "@/server/domain/db-day";

type Ask = { rankId?: string; monthlyIncome?: number; deadline: string };

function endOfYear(today: string): string {
  return `${today.slice(0, 4)}-12-31`;
}

function askSchema(currency: string) {
  return z.object({ choice: z.string(), income: z.string(), deadline: ZIsoDate }).transform((v, ctx): Ask => {
    if (v.choice !== "income") return { rankId: v.choice, deadline: v.deadline };
    const monthlyIncome = readAmountField(ctx, ["income"], v.income, "MONEY", currency, { min: 1 });
    return monthlyIncome === undefined ? z.NEVER : { monthlyIncome, deadline: v.deadline };
  });
}
type AskIn = z.input<ReturnType<typeof askSchema>>;

export function RankPlan({ ranks }: { ranks: Rank[] }) {
  const team = useTeam();
  const trpc = useTRPC();
  const [today] = useState(() => clock.todayIn(team.timeZone));
  const schema = useMemo(() => askSchema(team.currency), [team.currency]);
  const { register, handleSubmit, control, formState } = useForm<AskIn, unknown, Ask>({
    resolver: zodResolver(schema),
    defaultValues: { choice: ranks[1]?.id ?? ranks[0]?.id ?? "", income: "", deadline: endOfYear(today) },
  });
  const choice = useWatch({ control, name: "choice" });
  const [ask, setAsk] = useState<Ask | null>(null);
  const plan = useQuery({
    ...trpc.rank.planToRank.queryOptions({ teamId: team.id, ...(ask ?? { deadline: today }) }),
    enabled: ask !== null,
    retry: false,
  });
  const money = amountFormatter("MONEY", team.currency);
  const submit = handleSubmit(setAsk);
  const month = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

  return (
    <div className="space-y-3 border-t border-slate-200 pt-3">
      <h4 className="font-semibold">Plan to reach a rank</h4>
      <form
        onSubmit={(e) => void submit(e)}
        className="grid gap-3 sm:grid-cols-3 sm:items-end"
        aria-label="Plan to reach a rank"
        noValidate
      >
        <SelectField label="Reach" {...register("choice")}>
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
            {...register("income")}
            error={formState.errors.income?.message}
          />
        )}
        <TextField label="By" type="date" {...register("deadline")} error={formState.errors.deadline?.message} />
        <Button type="submit" variant="secondary" busy={plan.isFetching}>
          Work it out
        </Button>
      </form>
      {ask && plan.isError && (
        <StatusNote tone="warn" label="Cannot plan this:">
          {plan.error.message}
        </StatusNote>
      )}
      {ask && plan.data && (
        <div className="space-y-3" aria-live="polite" data-testid="rank-plan">
          <p>
            <strong>{plan.data.rank.name}</strong> by {formatDay(ask.deadline)}: month by month, from last month&apos;s
            standing.
          </p>
          <Table
            label="Requirements month by month"
            caption={`Requirements to reach ${plan.data.rank.name}, month by month`}
            density="compact"
            minWidth="min-w-[30rem]"
            rows={plan.data.months}
            rowKey={(m) => m.start}
            columns={[
              { header: "Month", cell: (m) => month.format(toDbDay(m.start)) },
              { header: "Personal volume", className: "tabular-nums", cell: (m) => money(m.personalVolume) },
              { header: "Team volume", className: "tabular-nums", cell: (m) => money(m.teamVolume) },
              { header: "Sponsored", className: "tabular-nums", cell: (m) => m.personallySponsored },
              { header: "Legs", className: "tabular-nums", cell: (m) => m.qualifiedLegs },
            ]}
          />
          <p className="text-sm">
            Still to do this month: {money(plan.data.gapThisMonth.personalVolume)} personal volume,{" "}
            {money(plan.data.gapThisMonth.teamVolume)} team volume, {plan.data.gapThisMonth.personallySponsored}{" "}
            sponsored, {plan.data.gapThisMonth.qualifiedLegs} qualified legs.
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
