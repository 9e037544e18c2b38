"use client";
/**
 * Change a published goal: a member's target by hand, the split, the deadline or the target. Every change is
 * previewed first — what changes for whom, from → to — and only then saved, with the goal's version so a change
 * made meanwhile by someone else is refused with a clear message instead of overwritten.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";
import { amountFormatter, formatDay, fromMinor, splitWord, toMinor } from "./format";
import { StatusNote } from "./status";
import type { ChangePreview, GoalChange, GoalDetail } from "./types";

type Kind = GoalChange["kind"];

export function ChangePanel({
  detail,
  initialMemberId,
  onDone,
}: {
  detail: GoalDetail;
  initialMemberId?: string;
  onDone?: () => void;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unit = detail.metric.unit;
  const fmt = amountFormatter(unit, team.currency);
  const money = unit === "MONEY";
  const ids = useId();
  const people = detail.members;
  const [kind, setKind] = useState<Kind>(initialMemberId ? "override" : "target");
  const [memberId, setMemberId] = useState(initialMemberId ?? people[1]?.id ?? people[0]?.id ?? "");
  const current = people.find((p) => p.id === memberId);
  const [personal, setPersonal] = useState(current?.personal != null ? String(fromMinor(current.personal, unit)) : "");
  const [target, setTarget] = useState(String(fromMinor(detail.goal.target, unit)));
  const [deadline, setDeadline] = useState(detail.goal.deadline);
  const [split, setSplit] = useState<"EVEN" | "HISTORY" | "WEIGHT">(detail.goal.splitRule);
  const [reason, setReason] = useState("");
  const [asked, setAsked] = useState<GoalChange | null>(null);
  const [error, setError] = useState<string | undefined>();
  const resultRef = useRef<HTMLHeadingElement>(null);

  const preview = useQuery({
    ...trpc.goal.previewChange.queryOptions({ teamId: team.id, goalId: detail.goal.id, change: asked ?? { kind: "target", target: 1 } }),
    enabled: asked !== null,
    retry: false,
  });
  useEffect(() => {
    if (preview.data) resultRef.current?.focus();
  }, [preview.data]);

  const apply = useMutation(
    trpc.goal.applyChange.mutationOptions({
      onSuccess: async (r) => {
        toast.success(`Saved. ${r.changed} ${r.changed === 1 ? "target" : "targets"} changed.`);
        setAsked(null);
        setReason("");
        await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
        onDone?.();
      },
      onError: (e) => setError(e.message),
    }),
  );

  const build = (): GoalChange | string => {
    if (kind === "override") {
      if (!memberId) return "Choose a member.";
      if (personal.trim() === "") return { kind: "override", membershipId: memberId, personal: null };
      const v = Number(personal);
      if (!Number.isFinite(v) || v < 0) return "Enter an amount of zero or more, or leave it empty to clear the hand-set target.";
      return { kind: "override", membershipId: memberId, personal: toMinor(v, unit) };
    }
    if (kind === "target") {
      const v = Number(target);
      if (!Number.isFinite(v) || v <= 0) return "Enter a target above zero.";
      return { kind: "target", target: toMinor(v, unit) };
    }
    if (kind === "deadline") return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? { kind: "deadline", deadline } : "Choose a date.";
    return { kind: "split", splitRule: split };
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    const change = build();
    if (typeof change === "string") {
      setError(change);
      return;
    }
    setError(undefined);
    setAsked(change);
  };

  return (
    <div className="space-y-4">
      <form onSubmit={onPreview} className="space-y-3" aria-label="Change the goal" noValidate>
        <SelectField
          label="What to change"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setAsked(null);
          }}
        >
          <option value="override">A member&apos;s target (set by hand)</option>
          <option value="target">The goal&apos;s target</option>
          <option value="deadline">The deadline</option>
          <option value="split">How it is split</option>
        </SelectField>
        {kind === "override" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label="Member"
              id={`${ids}-member`}
              value={memberId}
              onChange={(e) => {
                setMemberId(e.target.value);
                const p = people.find((x) => x.id === e.target.value);
                setPersonal(p?.personal != null ? String(fromMinor(p.personal, unit)) : "");
                setAsked(null);
              }}
            >
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={money ? `Personal target (${team.currency})` : "Personal target"}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={personal}
              onChange={(e) => setPersonal(e.target.value)}
              hint="Kept when the goal is rebalanced. Leave empty to go back to the automatic share."
            />
          </div>
        )}
        {kind === "target" && (
          <TextField
            label={money ? `New target (${team.currency})` : "New target"}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        )}
        {kind === "deadline" && <TextField label="New deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />}
        {kind === "split" && (
          <SelectField label="Split between members" value={split} onChange={(e) => setSplit(e.target.value as typeof split)}>
            <option value="EVEN">Evenly</option>
            <option value="HISTORY">By recent results</option>
            <option value="WEIGHT">By each member&apos;s weight</option>
          </SelectField>
        )}
        {error && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" variant="secondary" busy={preview.isFetching}>
          Preview changes
        </Button>
      </form>

      {asked && preview.isError && (
        <StatusNote tone="warn" label="Cannot preview:">
          {preview.error.message}
        </StatusNote>
      )}
      {asked && preview.data && (
        <div className="space-y-3 rounded-lg border border-slate-300 p-3" data-testid="change-preview">
          <h3 ref={resultRef} tabIndex={-1} className="font-semibold outline-none">
            What changes for whom
          </h3>
          <ChangeDiff data={preview.data} format={fmt} />
          {preview.data.conflicts.length > 0 ? (
            <StatusNote tone="warn" label="Cannot be saved:">
              {preview.data.conflicts.map((c) => c.message).join(" ")}
            </StatusNote>
          ) : (
            <>
              <TextField label="Reason (shown to the members whose target changes)" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
              <Button
                busy={apply.isPending}
                onClick={() => apply.mutate({ teamId: team.id, goalId: detail.goal.id, version: detail.goal.version, change: asked, reason: reason.trim() || undefined })}
              >
                Save change
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function ChangeDiff({ data, format }: { data: ChangePreview; format: (a: number) => string }) {
  const show = (field: string, v: string | number) =>
    field === "target" && typeof v === "number" ? format(v) : field === "deadline" ? formatDay(String(v)) : field === "splitRule" ? splitWord(String(v)) : String(v);
  const words: Record<string, string> = { target: "Goal target", deadline: "Deadline", splitRule: "Split" };
  return (
    <div className="space-y-2">
      {data.goal.map((g) => (
        <p key={g.field}>
          {words[g.field]}: {show(g.field, g.from)} <ArrowRight aria-hidden className="inline size-4" /><span className="sr-only">to</span> {show(g.field, g.to)}
        </p>
      ))}
      {data.members.length === 0 ? (
        <p className="text-slate-700">No member&apos;s target changes.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Targets that change</caption>
            <thead>
              <tr className="text-left text-slate-700">
                <th scope="col" className="py-1 font-medium">
                  Member
                </th>
                <th scope="col" className="py-1 font-medium">
                  Personal
                </th>
                <th scope="col" className="py-1 font-medium">
                  Team
                </th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((d) => (
                <tr key={d.membershipId} className="border-t border-slate-200">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {d.name}
                    {d.personalOverride.to !== null && <span className="block text-xs text-slate-600">set by hand</span>}
                  </th>
                  <td className="py-1 pr-2 tabular-nums">
                    {d.isNew ? "new" : format(d.personal.from)} → {format(d.personal.to)}
                  </td>
                  <td className="py-1 tabular-nums">
                    {d.isNew ? "new" : format(d.team.from)} → {format(d.team.to)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
