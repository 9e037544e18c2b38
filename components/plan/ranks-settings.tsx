"use client";
/** Compensation ranks with their requirements and typical income (network marketing); the owner edits, others read. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formErrorsFrom } from "@/components/ui/form-error";
import { useTRPC } from "@/trpc/react";
import { amountFormatter, amountInputMode, parseAmount, toInputString } from "@/server/domain/money";
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
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Ranks table">
          <table className="w-full min-w-[36rem] text-sm">
            <caption className="sr-only">Ranks and their monthly requirements</caption>
            <thead>
              <tr className="text-left text-slate-700">
                {["Rank", "Personal volume", "Team volume", "Sponsored", "Qualified legs", "Typical income"].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-2 font-medium">
                    {h}
                  </th>
                ))}
                {canEdit && (
                  <th scope="col">
                    <span className="sr-only">Edit</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <th scope="row" className="py-2 pr-2 text-left font-medium">
                    {r.name}
                  </th>
                  <td className="py-2 pr-2 tabular-nums">{money(r.personalVolume)}</td>
                  <td className="py-2 pr-2 tabular-nums">{money(r.teamVolume)}</td>
                  <td className="py-2 pr-2 tabular-nums">{r.personallySponsored}</td>
                  <td className="py-2 pr-2 tabular-nums">{r.qualifiedLegs}</td>
                  <td className="py-2 pr-2 tabular-nums">{money(r.monthlyIncome)}</td>
                  {canEdit && (
                    <td className="py-2">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(r.id)}>
                        Edit<span className="sr-only"> {r.name}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && editing !== null && (
        <RankForm
          key={editing}
          rank={list.find((r) => r.id === editing)}
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

function RankForm({ rank, nextPosition, onDone }: { rank?: Rank; nextPosition: number; onDone: () => void }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const init = (v: number | undefined, m = true) => (v === undefined ? "0" : m ? toInputString(v, team.currency) : String(v));
  const [v, setV] = useState({
    name: rank?.name ?? "",
    personalVolume: init(rank?.personalVolume),
    teamVolume: init(rank?.teamVolume),
    personallySponsored: init(rank?.personallySponsored, false),
    qualifiedLegs: init(rank?.qualifiedLegs, false),
    monthlyIncome: init(rank?.monthlyIncome),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const handlers = {
    onSuccess: async () => {
      toast.success("Ranks saved.");
      await queryClient.invalidateQueries({ queryKey: trpc.rank.pathKey() });
      onDone();
    },
    onError: (e: unknown) => {
      const f = formErrorsFrom(e);
      setErrors(f.fields);
      setMessage(f.message);
    },
  };
  const save = useMutation(trpc.rank.save.mutationOptions(handlers));
  const remove = useMutation(trpc.rank.delete.mutationOptions(handlers));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Every number through the one parser: money in the team currency (minor units), the others whole; empty is 0.
    const found: Record<string, string> = {};
    const read = (key: keyof typeof v, unit: "MONEY" | "COUNT") => {
      const parsed = parseAmount(v[key].trim() === "" ? "0" : v[key], unit, team.currency);
      if (parsed.ok) return parsed.value;
      found[key] = parsed.message;
      return 0;
    };
    const amounts = {
      personalVolume: read("personalVolume", "MONEY"),
      teamVolume: read("teamVolume", "MONEY"),
      personallySponsored: read("personallySponsored", "COUNT"),
      qualifiedLegs: read("qualifiedLegs", "COUNT"),
      monthlyIncome: read("monthlyIncome", "MONEY"),
    };
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    save.mutate({ teamId: team.id, rankId: rank?.id, name: v.name, position: rank?.position ?? nextPosition, ...amounts });
  };
  const field = (key: keyof typeof v, label: string, money = false) => (
    <TextField
      label={money ? `${label} (${team.currency})` : label}
      inputMode={key === "name" ? undefined : amountInputMode(money ? "MONEY" : "COUNT", team.currency)}
      autoComplete="off"
      value={v[key]}
      onChange={(e) => setV((x) => ({ ...x, [key]: e.target.value }))}
      error={errors[key]}
    />
  );
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 p-3" aria-label={rank ? `Edit ${rank.name}` : "New rank"} noValidate>
      <div className="grid gap-3 sm:grid-cols-3">
        {field("name", "Name")}
        {field("personalVolume", "Personal volume", true)}
        {field("teamVolume", "Team volume", true)}
        {field("personallySponsored", "Personally sponsored")}
        {field("qualifiedLegs", "Qualified legs")}
        {field("monthlyIncome", "Typical monthly income", true)}
      </div>
      {(message || errors.position) && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {message ?? errors.position}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={save.isPending}>
          Save rank
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {rank && (
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate({ teamId: team.id, rankId: rank.id })}>
            Delete
          </Button>
        )}
      </div>
    </form>
  );
}
