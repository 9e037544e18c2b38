"use client";
/**
 * The Review section: leaders and the owner start (or resume) the weekly review of a goal — of the last completed
 * week inside it, or this week so far in its first week (server/domain/review-week.ts); everyone enters their own
 * commitment; past reviews are listed and can be reopened (read-only once closed).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { CalendarCheck, ChevronRight, Lock, PlayCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { formatDay, formatLongDay } from "@/components/dashboard/format";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { SelectField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZStartReviewInput } from "@/server/schemas/review";
import { useTRPC } from "@/trpc/react";
import { MyCommitments } from "./my-commitments";
import { toIsoDay } from "@/server/domain/db-day";

export function ReviewHome() {
  const team = useTeam();
  const leads = team.leadsBranch;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">Weekly review</h1>
        <p className="mt-1 text-slate-700">
          {leads
            ? "Run the team meeting on a shared screen: the scoreboard, who is off pace, the wins and the coming week's commitments."
            : "Enter your commitment before or during the team meeting."}
        </p>
      </div>
      {leads && <StartReview />}
      <MyCommitments />
      <PastReviews />
    </div>
  );
}

function StartReview() {
  const team = useTeam();
  const trpc = useTRPC();
  const goals = useQuery(trpc.dashboard.goals.queryOptions({ teamId: team.id }));
  // Whose team to review: mine by default, or any upline in my part of the tree (e.g. one branch's meeting).
  const tree = useQuery(trpc.member.tree.queryOptions({ teamId: team.id, depth: 4 }));
  const uplines = useMemo(
    () =>
      (tree.data?.nodes ?? [])
        .filter((n) => n.id === tree.data?.rootId || (n.childCount > 0 && n.depth <= 3))
        .sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name))
        .slice(0, 300),
    [tree.data],
  );
  return (
    <section aria-labelledby="start-heading">
      <Card className="space-y-4">
        <h2 id="start-heading" className="flex items-center gap-2 text-xl font-semibold">
          <CalendarCheck aria-hidden className="size-5" /> This week&apos;s meeting
        </h2>
        <QueryState
          query={goals}
          loading="Loading goals…"
          error="Could not load the goals"
          empty={{
            when: (list) => list.length === 0,
            children: (
              <p className="text-slate-700">Publish a goal in Plan to review the team&apos;s week against it.</p>
            ),
          }}
        >
          {(list) => <StartReviewForm goals={list} uplines={uplines} />}
        </QueryState>
        <p className="text-sm text-slate-700">
          It reviews the last completed week of the goal (this week so far, in the goal&apos;s first week) and agrees
          commitments for the coming week. An open review for the same goal and week is resumed, not duplicated.
        </p>
      </Card>
    </section>
  );
}

/** The procedure's input; "whose team" is the caller's own (no root sent) unless another upline is chosen. */
function startSchema(membershipId: string) {
  return z.object({
    goalId: ZStartReviewInput.shape.goalId,
    rootId: z
      .string()
      .transform((id) => (id && id !== membershipId ? id : undefined))
      .pipe(ZStartReviewInput.shape.rootId),
  });
}
type StartIn = z.input<ReturnType<typeof startSchema>>;
type StartOut = z.output<ReturnType<typeof startSchema>>;

function StartReviewForm({
  goals,
  uplines,
}: {
  goals: { id: string; name: string }[];
  uplines: { id: string; name: string; descendantCount: number }[];
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const router = useRouter();
  const schema = useMemo(() => startSchema(team.membershipId), [team.membershipId]);
  const { register, handleSubmit, setError, formState } = useForm<StartIn, unknown, StartOut>({
    resolver: zodResolver(schema),
    defaultValues: { goalId: goals[0]?.id ?? "", rootId: team.membershipId },
  });
  const errors = formState.errors;
  const start = useMutation(
    trpc.review.start.mutationOptions({
      onSuccess: (r) => router.push(`/${team.slug}/review/${r.id}`),
      onError: (e) => setServerErrors(e, setError, ["goalId", "rootId"]),
    }),
  );
  const submit = handleSubmit((values) => start.mutate({ teamId: team.id, ...values }));
  return (
    <form className="space-y-3" noValidate onSubmit={(e) => void submit(e)}>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Goal" {...register("goalId")} error={errors.goalId?.message} className="min-w-64 flex-1">
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        {uplines.length > 1 && (
          <SelectField
            label="Whose team"
            {...register("rootId")}
            error={errors.rootId?.message}
            className="min-w-56 flex-1"
          >
            {uplines.map((n) => (
              <option key={n.id} value={n.id}>
                {n.id === team.membershipId ? "My whole team" : `${n.name}'s team`} ({n.descendantCount + 1} people)
              </option>
            ))}
          </SelectField>
        )}
        <Button type="submit" size="lg" busy={start.isPending}>
          <PlayCircle aria-hidden className="size-5" /> Start the weekly review
        </Button>
      </div>
      <FormAlert message={errors.root?.server?.message} />
    </form>
  );
}

function PastReviews() {
  const team = useTeam();
  const trpc = useTRPC();
  const reviews = useQuery(trpc.review.list.queryOptions({ teamId: team.id }));
  return (
    <section aria-labelledby="past-heading">
      <Card className="space-y-3">
        <h2 id="past-heading" className="text-xl font-semibold">
          Reviews
        </h2>
        <QueryState
          query={reviews}
          loading="Loading…"
          error="Could not load the reviews"
          empty={{
            when: (list) => list.length === 0,
            children: <p className="text-slate-700">No reviews yet.</p>,
          }}
        >
          {(list) => (
            <ul className="divide-y divide-slate-200" aria-label="Past and open reviews">
              {list.map((r) => (
                <li key={r.id}>
                  <Link
                    href={`/${team.slug}/review/${r.id}`}
                    className="flex min-h-14 items-center gap-3 rounded-md px-2 py-2 hover:bg-slate-50"
                  >
                    {r.status === "OPEN" ? (
                      <PlayCircle aria-hidden className="text-on-track size-5 shrink-0" />
                    ) : (
                      <Lock aria-hidden className="size-5 shrink-0 text-slate-600" />
                    )}
                    <span className="min-w-0 flex-1">
                      <span className="block font-medium">
                        Week of {formatLongDay(r.weekStart)} — {r.goalName}
                      </span>
                      <span className="block text-sm text-slate-700">
                        {r.rootName}&apos;s team ·{" "}
                        {r.status === "OPEN"
                          ? "Open"
                          : `Closed${r.closedAt ? ` on ${formatDay(toIsoDay(new Date(r.closedAt)))}` : ""}`}
                      </span>
                    </span>
                    <ChevronRight aria-hidden className="size-5 text-slate-500" />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </Card>
    </section>
  );
}
