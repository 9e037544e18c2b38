"use client";
/**
 * "Targets follow the tree" for one goal: when someone joins, moves or leaves, the affected branch's targets are
 * re-split for the rest of the goal (each upline's team target kept), and the change is listed in the history.
 * Whoever may change the goal switches it off (and back on); every switch is audited.
 */
import * as Switch from "@radix-ui/react-switch";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { GitBranch } from "lucide-react";
import { useId } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { useTRPC } from "@/trpc/react";

export function FollowTreeSwitch({ goalId, followTree }: { goalId: string; followTree: boolean }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const switchId = useId();
  const statusId = useId();
  const toggle = useMutation(
    trpc.goal.setFollowTree.mutationOptions({
      onSuccess: async (r) => {
        toast.success(
          r.followTree
            ? "Targets now follow the tree for this goal."
            : "Targets no longer follow the tree for this goal.",
        );
        await queryClient.invalidateQueries({ queryKey: trpc.goal.get.queryKey({ teamId: team.id, goalId }) });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const on = toggle.isPending && toggle.variables ? toggle.variables.followTree : followTree;
  return (
    <div className="space-y-2" data-testid="follow-tree">
      <div className="flex items-start justify-between gap-3">
        <label htmlFor={switchId} className="flex min-w-0 items-center gap-2 font-medium text-slate-900">
          <GitBranch aria-hidden className="size-5 shrink-0 text-slate-600" />
          Targets follow the tree
        </label>
        <Switch.Root
          id={switchId}
          checked={on}
          aria-describedby={statusId}
          disabled={toggle.isPending}
          onCheckedChange={(value) => toggle.mutate({ teamId: team.id, goalId, followTree: value })}
          className="data-[state=checked]:bg-brand-700 relative h-7 w-12 shrink-0 rounded-full bg-slate-500 transition-colors"
        >
          <Switch.Thumb className="block size-6 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[1.375rem]" />
        </Switch.Root>
      </div>
      <p id={statusId} className="text-sm text-slate-700">
        {on ? (
          <>
            <strong>On.</strong> When someone joins, moves or leaves, their upline&apos;s team shares the rest of the
            goal by the split rule; each team target stays the same and what was due before today is kept. You see what
            changed for whom in the history below.
          </>
        ) : (
          <>
            <strong>Off.</strong> Joining, moving or leaving changes no target: a recruit has none until you re-plan.
          </>
        )}
      </p>
    </div>
  );
}
