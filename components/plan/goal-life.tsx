"use client";
/**
 * The life of a goal on its page, for whoever may change it: edit (a draft on its own form; a published goal's name,
 * dates, curve and checkpoints through the preview → "what changes for whom" → save path of every re-plan), make it
 * the team's main goal (the owner), archive / restore, delete a draft (after a confirmation).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Pencil, Star, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { amountFormatter, amountInputMode, amountToInput } from "@/server/domain/money";
import { readAmountField } from "@/server/schemas/money";
import { useTRPC } from "@/trpc/react";
import { ChangeDiff } from "./change-diff";
import { ChangePreview, useGoalChange } from "./change-preview";
import { formatDayRange } from "./format";
import { curveStrengthHint, CurveSelect } from "./curve-select";
import { GoalCheckpoints } from "./goal-checkpoints";
import type { GoalChange, GoalDetail } from "./types";

const linkButton =
  "inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100";

export function GoalLifeActions({ detail }: { detail: GoalDetail }) {
  const team = useTeam();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { goal } = detail;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
  const ref = { teamId: team.id, goalId: goal.id, version: goal.version };
  const onError = (e: { message: string }) => toast.error(e.message);
  const archive = useMutation(
    trpc.goal.archive.mutationOptions({
      onSuccess: async () => {
        toast.success("Goal archived. It is under Archived on the Plan page.");
        await refresh();
      },
      onError,
    }),
  );
  const restore = useMutation(
    trpc.goal.restore.mutationOptions({
      onSuccess: async (r) => {
        toast.success(r.status === "PUBLISHED" ? "Goal restored and published again." : "Goal restored as a draft.");
        await refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.goal.delete.mutationOptions({
      onSuccess: async () => {
        toast.success("Draft deleted.");
        await refresh();
        router.push(`/${team.slug}/plan`);
      },
      onError,
    }),
  );
  const setMain = useMutation(
    trpc.goal.setMain.mutationOptions({
      onSuccess: async (r) => {
        toast.success(r.mainGoalId === goal.id ? "This is now the team's main goal." : "No longer the main goal.");
        await refresh();
      },
      onError,
    }),
  );
  const archived = goal.status === "ARCHIVED";
  const draft = goal.status === "DRAFT";

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {draft && (
          <Link href={`/${team.slug}/plan/goals/${goal.id}/edit`} className={linkButton}>
            <Pencil aria-hidden className="size-4" /> Edit draft
          </Link>
        )}
        {goal.status === "PUBLISHED" && detail.main.canChoose && (
          <Button
            variant="secondary"
            busy={setMain.isPending}
            aria-pressed={detail.main.isMain}
            onClick={() => setMain.mutate({ teamId: team.id, goalId: goal.id, main: !detail.main.isMain })}
          >
            <Star aria-hidden className="size-4" />
            {detail.main.isMain ? "Stop being the main goal" : "Make it the main goal"}
          </Button>
        )}
        {archived ? (
          <Button variant="secondary" busy={restore.isPending} onClick={() => restore.mutate(ref)}>
            <ArchiveRestore aria-hidden className="size-4" /> Restore
          </Button>
        ) : (
          <Button variant="secondary" busy={archive.isPending} onClick={() => archive.mutate(ref)}>
            <Archive aria-hidden className="size-4" /> Archive
          </Button>
        )}
        {draft && !confirmDelete && (
          <Button variant="danger" onClick={() => setConfirmDelete(true)}>
            <Trash2 aria-hidden className="size-4" /> Delete draft
          </Button>
        )}
      </div>
      {confirmDelete && (
        <div role="alertdialog" aria-labelledby="delete-q" className="space-y-2 rounded-lg border border-red-300 p-3">
          <p id="delete-q" className="font-medium">
            Delete the draft “{goal.name}”? This cannot be undone.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate(ref)}>
              Yes, delete it
            </Button>
            <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
              Keep it
            </Button>
          </div>
        </div>
      )}
      {!archived && (
        <p className="text-sm text-slate-700">
          Archiving takes the goal off the Log, My plan and the dashboard; nothing is lost and it can be restored.
        </p>
      )}
    </div>
  );
}

/** The edit form as typed (amounts as text in major units) → the `edit` change to preview. */
function editSchema(unit: GoalDetail["metric"]["unit"], currency: string) {
  return z
    .object({
      name: z.string().trim().min(2, "At least 2 characters").max(120, "At most 120 characters"),
      startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date"),
      deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date"),
      curve: z.enum(["LINEAR", "FRONT_LOADED", "BACK_LOADED", "CUSTOM"]),
      curveStrength: z.string(),
      checkpoints: z.array(z.object({ weeksToGo: z.number().int().min(0).max(520), amount: z.string() })),
    })
    .transform((v, ctx): GoalChange => {
      if (v.startDate > v.deadline) {
        ctx.addIssue({ code: "custom", message: "The start must be on or before the deadline.", path: ["startDate"] });
        return z.NEVER;
      }
      const strength = v.curveStrength.trim() === "" ? null : Number(v.curveStrength);
      if (strength !== null && !(Number.isInteger(strength) && strength >= 0 && strength <= 100)) {
        ctx.addIssue({ code: "custom", message: "A whole percent from 0 to 100.", path: ["curveStrength"] });
        return z.NEVER;
      }
      if (v.curve === "CUSTOM" && v.checkpoints.length === 0) {
        ctx.addIssue({ code: "custom", message: "Add at least one checkpoint", path: ["checkpoints"] });
        return z.NEVER;
      }
      const amounts = v.checkpoints.map((c, i) =>
        readAmountField(ctx, ["checkpoints", i, "amount"], c.amount, unit, currency),
      );
      if (v.curve === "CUSTOM" && amounts.some((a) => a === undefined)) return z.NEVER;
      return {
        kind: "edit",
        name: v.name,
        startDate: v.startDate,
        deadline: v.deadline,
        curve: v.curve,
        curveStrength: v.curve === "FRONT_LOADED" || v.curve === "BACK_LOADED" ? strength : null,
        checkpoints:
          v.curve === "CUSTOM"
            ? v.checkpoints.map((c, i) => ({ weeksToGo: c.weeksToGo, cumulative: amounts[i]! }))
            : [],
      };
    });
}
type EditIn = z.input<ReturnType<typeof editSchema>>;

/** Stored checkpoints counted in weeks to go, for the form (others are shown as weeks to go, rounded down). */
function formCheckpoints(detail: GoalDetail, currency: string): EditIn["checkpoints"] {
  const list = (Array.isArray(detail.goal.checkpoints) ? detail.goal.checkpoints : []) as Array<{
    weeksToGo?: number;
    daysToGo?: number;
    date?: string;
    cumulative: number;
  }>;
  return list.map((c) => ({
    weeksToGo:
      c.weeksToGo ??
      (c.daysToGo !== undefined
        ? Math.floor(c.daysToGo / 7)
        : c.date
          ? Math.max(0, Math.floor((Date.parse(detail.goal.deadline) - Date.parse(c.date)) / (7 * 86_400_000)))
          : 0),
    amount: amountToInput(c.cumulative, detail.metric.unit, currency),
  }));
}

/** Edit a published goal: the form, then what changes for whom (targets, milestones), then save. */
export function EditPublishedGoal({ detail }: { detail: GoalDetail }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unit = detail.metric.unit;
  const fmt = amountFormatter(unit, team.currency);
  const schema = useMemo(() => editSchema(unit, team.currency), [unit, team.currency]);
  const { register, handleSubmit, control, formState, setError } = useForm<EditIn, unknown, GoalChange>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: detail.goal.name,
      startDate: detail.goal.startDate,
      deadline: detail.goal.deadline,
      curve: detail.goal.curve,
      curveStrength: detail.goal.curveStrength === null ? "" : String(detail.goal.curveStrength),
      checkpoints: formCheckpoints(detail, team.currency),
    },
  });
  const curve = useWatch({ control, name: "curve" });
  const goalChange = useGoalChange({
    goalId: detail.goal.id,
    version: detail.goal.version,
    idle: { kind: "edit" },
    onSaved: async (r, clear) => {
      toast.success(`Goal saved. ${r.changed} ${r.changed === 1 ? "target" : "targets"} changed.`);
      clear();
      await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
    },
    onError: (message) => setError("root", { message }),
  });
  const { setAsked, preview } = goalChange;
  const e = formState.errors;
  const money = unit === "MONEY";
  const calendar = preview.data?.calendar;

  return (
    <div className="space-y-4">
      <form
        onSubmit={(ev) => void handleSubmit((change) => setAsked(change))(ev)}
        noValidate
        aria-label="Edit the goal"
        className="space-y-3"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Goal name" {...register("name")} error={e.name?.message} />
          <CurveSelect {...register("curve")} />
          <TextField label="Start" type="date" {...register("startDate")} error={e.startDate?.message} />
          <TextField label="Deadline" type="date" {...register("deadline")} error={e.deadline?.message} />
          {(curve === "FRONT_LOADED" || curve === "BACK_LOADED") && (
            <TextField
              label="Curve strength (%)"
              inputMode="numeric"
              {...register("curveStrength")}
              error={e.curveStrength?.message}
              hint={curveStrengthHint(curve)}
            />
          )}
        </div>
        {curve === "CUSTOM" && (
          <GoalCheckpoints
            control={control as never}
            register={register as never}
            errors={e.checkpoints as never}
            amountLabel={(l: string) => (money ? `${l} (${team.currency})` : l)}
            inputMode={amountInputMode(unit, team.currency)}
          />
        )}
        <FormAlert message={e.root?.message} />
        <Button type="submit" variant="secondary" busy={preview.isFetching}>
          Preview changes
        </Button>
      </form>

      <ChangePreview
        state={goalChange}
        format={fmt}
        testId="edit-preview"
        body={
          preview.data && (
            <>
              {preview.data.goal.length === 0 ? (
                <p className="text-slate-700">Nothing changes: the goal is already like this.</p>
              ) : (
                <ChangeDiff data={preview.data} format={fmt} />
              )}
              {calendar && calendar.milestones.length > 0 && (
                <div className="space-y-1">
                  <p className="font-medium">
                    Milestones that move ({calendar.affected.members}{" "}
                    {calendar.affected.members === 1 ? "member's plan" : "members' plans"} change with them):
                  </p>
                  <ul className="list-disc space-y-0.5 pl-5 text-sm">
                    {calendar.milestones.slice(0, 12).map((p) => (
                      <li key={p.periodStart}>
                        {formatDayRange(p.periodStart, p.periodEnd)}: {fmt(p.from)} → {fmt(p.to)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          )
        }
        canSave={(preview.data?.goal.length ?? 0) > 0}
        reasonLabel="Reason (shown to the members whose plan changes)"
        saveLabel="Save and publish the change"
      />
    </div>
  );
}
