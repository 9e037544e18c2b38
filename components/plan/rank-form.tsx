"use client";
/**
 * Add or edit one rank: its name, monthly requirements and rules — the per-leg cap on team volume, the rank a leg must
 * hold, active members and what "active" means (money in the team currency; counts whole; empty is 0, an empty cap
 * is no cap).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { amountInputMode, toInputString, type MetricUnit } from "@/server/domain/money";
import { zAmountText } from "@/server/schemas/money";
import { ZRankFields } from "@/server/schemas/rank";
import { useTRPC } from "@/trpc/react";
import type { Rank } from "./types";

function rankSchema(currency: string) {
  // Every number through the one parser: money in minor units, the others whole; an empty field is 0.
  const amount = (unit: MetricUnit) =>
    z
      .string()
      .transform((text) => (text.trim() === "" ? "0" : text))
      .pipe(zAmountText(unit, currency));
  return z.object({
    name: ZRankFields.shape.name,
    personalVolume: amount("MONEY"),
    teamVolume: amount("MONEY"),
    personallySponsored: amount("COUNT"),
    qualifiedLegs: amount("COUNT"),
    monthlyIncome: amount("MONEY"),
    activeMembers: amount("COUNT"),
    activeMinVolume: amount("MONEY"),
    legCapPct: z.string().transform((text, ctx): number | null => {
      const v = text.trim().replace(/%$/, "").trim();
      if (v === "") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 100) {
        ctx.addIssue({
          code: "custom",
          message: "Enter a whole percentage from 1 to 100, or leave it empty for no cap",
        });
        return z.NEVER;
      }
      return n;
    }),
    legRankId: z.string().transform((v) => (v === "" ? null : v)),
  });
}
type RankIn = z.input<ReturnType<typeof rankSchema>>;
type RankOut = z.output<ReturnType<typeof rankSchema>>;

const FIELDS: { key: keyof RankIn; label: string; unit?: MetricUnit }[] = [
  { key: "name", label: "Name" },
  { key: "personalVolume", label: "Personal volume", unit: "MONEY" },
  { key: "teamVolume", label: "Team volume", unit: "MONEY" },
  { key: "personallySponsored", label: "Personally sponsored", unit: "COUNT" },
  { key: "qualifiedLegs", label: "Qualified legs", unit: "COUNT" },
  { key: "monthlyIncome", label: "Typical monthly income", unit: "MONEY" },
  { key: "activeMembers", label: "Active members", unit: "COUNT" },
  { key: "activeMinVolume", label: "Active means at least", unit: "MONEY" },
];

export function RankForm({
  rank,
  ranks,
  nextPosition,
  onDone,
}: {
  rank?: Rank;
  /** The team's ranks (for the rank a leg must hold). */
  ranks: Rank[];
  nextPosition: number;
  onDone: () => void;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = useMemo(() => rankSchema(team.currency), [team.currency]);
  const money = (v: number | undefined) => (v === undefined ? "0" : toInputString(v, team.currency));
  const count = (v: number | undefined) => (v === undefined ? "0" : String(v));
  const { register, handleSubmit, setError, formState } = useForm<RankIn, unknown, RankOut>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: rank?.name ?? "",
      personalVolume: money(rank?.personalVolume),
      teamVolume: money(rank?.teamVolume),
      personallySponsored: count(rank?.personallySponsored),
      qualifiedLegs: count(rank?.qualifiedLegs),
      monthlyIncome: money(rank?.monthlyIncome),
      activeMembers: count(rank?.activeMembers),
      activeMinVolume: money(rank?.activeMinVolume),
      legCapPct: rank?.legCapPct == null ? "" : String(rank.legCapPct),
      legRankId: rank?.legRankId ?? "",
    },
  });
  const errors = formState.errors;
  const handlers = {
    onSuccess: async () => {
      toast.success("Ranks saved.");
      await queryClient.invalidateQueries({ queryKey: trpc.rank.pathKey() });
      onDone();
    },
    onError: (e: unknown) => setServerErrors(e, setError, [...FIELDS.map((f) => f.key), "legCapPct", "legRankId"]),
  };
  const save = useMutation(trpc.rank.save.mutationOptions(handlers));
  const remove = useMutation(trpc.rank.delete.mutationOptions(handlers));
  const submit = handleSubmit((v) =>
    save.mutate({ teamId: team.id, rankId: rank?.id, position: rank?.position ?? nextPosition, ...v }),
  );
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="space-y-3 rounded-lg border border-slate-200 p-3"
      aria-label={rank ? `Edit ${rank.name}` : "New rank"}
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map(({ key, label, unit }) => (
          <TextField
            key={key}
            label={unit === "MONEY" ? `${label} (${team.currency})` : label}
            inputMode={unit ? amountInputMode(unit, team.currency) : undefined}
            autoComplete="off"
            {...register(key)}
            error={errors[key]?.message}
          />
        ))}
        <TextField
          label="Most from one leg (%)"
          hint="Of the team volume required; empty: no cap"
          inputMode="numeric"
          autoComplete="off"
          {...register("legCapPct")}
          error={errors.legCapPct?.message}
        />
        <SelectField
          label="A qualified leg holds"
          hint="Someone in the leg qualifies for this rank or above"
          {...register("legRankId")}
          error={errors.legRankId?.message}
        >
          <option value="">The lowest rank</option>
          {ranks
            .filter((r) => r.id !== rank?.id)
            .map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
        </SelectField>
      </div>
      <FormAlert message={errors.root?.server?.message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={save.isPending}>
          Save rank
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {rank && (
          <Button
            variant="danger"
            busy={remove.isPending}
            onClick={() => remove.mutate({ teamId: team.id, rankId: rank.id })}
          >
            Delete
          </Button>
        )}
      </div>
    </form>
  );
}
