"use client";
/**
 * The new goal as it will be published — the chart, the table by period, the cascade — with Publish and Save as
 * draft; or why it cannot be planned. The heading takes the focus when a preview arrives.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { TGoalFieldsInput } from "@/server/schemas/goal";
import { useTRPC } from "@/trpc/react";
import { GoalPreview } from "./goal-preview";
import { StatusNote } from "./status";

export interface PreviewedGoal {
  input: TGoalFieldsInput;
  name: string;
}

/** The preview query of what was last previewed (idle until then); the form shows its busy state. */
export function useGoalPreview(previewed: PreviewedGoal | null) {
  const team = useTeam();
  const trpc = useTRPC();
  return useQuery({
    ...trpc.goal.preview.queryOptions({ teamId: team.id, ...(previewed?.input ?? ({} as TGoalFieldsInput)) }),
    enabled: previewed !== null,
    retry: false,
  });
}

export function NewGoalPreview({
  previewed,
  preview,
  changedSince,
}: {
  previewed: PreviewedGoal | null;
  preview: ReturnType<typeof useGoalPreview>;
  /** The form was edited after this preview. */
  changedSince: boolean;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The heading takes the focus when a new preview arrives — not when the same one is read again (a split weight
  // changed in it), which would pull the focus away from the field just used.
  const focusedFor = useRef<PreviewedGoal | null>(null);
  useEffect(() => {
    if (!preview.data || focusedFor.current === previewed) return;
    focusedFor.current = previewed;
    headingRef.current?.focus();
  }, [preview.data, previewed]);
  const create = useMutation(
    trpc.goal.create.mutationOptions({
      onSuccess: async (goal) => {
        toast.success("Goal published. Everyone's targets are set.");
        await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
        router.push(`/${team.slug}/plan/goals/${goal.id}`);
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <>
      {preview.isError && (
        <Card role="alert">
          <p className="font-medium text-red-800">This goal cannot be planned: {preview.error.message}</p>
        </Card>
      )}
      {previewed && preview.data && (
        <Card className="space-y-4">
          <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
            Preview: {previewed.name}
          </h2>
          {changedSince && (
            <StatusNote tone="info" label="You changed the form since this preview.">
              Preview again to see the new plan; Publish saves what is shown here.
            </StatusNote>
          )}
          <GoalPreview preview={preview.data} name={previewed.name} splitRule={previewed.input.splitRule} />
          <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4">
            <Button
              busy={create.isPending}
              disabled={preview.data.conflicts.length > 0}
              onClick={() => create.mutate({ teamId: team.id, ...previewed.input, publish: true })}
            >
              Publish goal
            </Button>
            <Button
              variant="secondary"
              busy={create.isPending}
              onClick={() => create.mutate({ teamId: team.id, ...previewed.input, publish: false })}
            >
              Save as draft
            </Button>
          </div>
        </Card>
      )}
    </>
  );
}
