"use client";
/**
 * The preview → "what changes for whom" → save path of a goal change, shared by the goal page's change panel
 * (change-panel.tsx), the published goal's edit form (goal-life.tsx) and the re-plan dialog's "move the goal"
 * (components/review/move-goal-form.tsx): `goal.previewChange` for the change asked, then `goal.applyChange` with the
 * goal's version and the reason, so a change made meanwhile is refused instead of overwritten.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useTRPC } from "@/trpc/react";
import { ChangeDiff } from "./change-diff";
import { StatusNote } from "./status";
import type { GoalChange } from "./types";

interface Applied {
  changed: number;
}

/**
 * The change asked (null until "Preview"), its preview, the reason and the save. `idle` is the change the preview
 * query is keyed on while nothing is asked (it does not run); `onSaved` gets the result and `clear` (forget the change
 * and the reason).
 */
export function useGoalChange({
  goalId,
  version,
  idle,
  onSaved,
  onError,
}: {
  goalId: string;
  version: number;
  idle: GoalChange;
  onSaved: (result: Applied, clear: () => void) => Promise<void> | void;
  onError: (message: string) => void;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const [asked, setAsked] = useState<GoalChange | null>(null);
  const [reason, setReason] = useState("");
  const resultRef = useRef<HTMLHeadingElement>(null);
  const preview = useQuery({
    ...trpc.goal.previewChange.queryOptions({ teamId: team.id, goalId, change: asked ?? idle }),
    enabled: asked !== null,
    retry: false,
  });
  useEffect(() => {
    if (preview.data) resultRef.current?.focus();
  }, [preview.data]);
  const apply = useMutation(
    trpc.goal.applyChange.mutationOptions({
      onSuccess: (r) =>
        onSaved(r, () => {
          setAsked(null);
          setReason("");
        }),
      onError: (e) => onError(e.message),
    }),
  );
  const save = (change: GoalChange) =>
    apply.mutate({ teamId: team.id, goalId, version, change, reason: reason.trim() || undefined });
  return { asked, setAsked, reason, setReason, resultRef, preview, saving: apply.isPending, save };
}

type GoalChangeState = ReturnType<typeof useGoalChange>;

/**
 * What the preview found: why it could not preview, or the changes for whom (`body`, the diff by default), then either
 * why it cannot be saved or the reason and the save button (and `onCancel`'s button beside it when given).
 */
export function ChangePreview({
  state,
  format,
  testId,
  as: Box = "div",
  hideWhileFetching = false,
  body,
  canSave = true,
  reasonLabel,
  saveLabel,
  alert,
  onCancel,
}: {
  state: GoalChangeState;
  format: (n: number) => string;
  testId: string;
  as?: "div" | "section";
  hideWhileFetching?: boolean;
  body?: ReactNode;
  canSave?: boolean;
  reasonLabel: string;
  saveLabel: string;
  alert?: string;
  onCancel?: () => void;
}) {
  const { asked, preview, reason, setReason, resultRef, saving, save } = state;
  if (!asked) return null;
  const saveButton = (
    <Button busy={saving} onClick={() => save(asked)}>
      {saveLabel}
    </Button>
  );
  return (
    <>
      {preview.isError && (
        <StatusNote tone="warn" label="Cannot preview:">
          {preview.error.message}
        </StatusNote>
      )}
      {preview.data && !(hideWhileFetching && preview.isFetching) && (
        <Box className="space-y-3 rounded-lg border border-slate-300 p-3" data-testid={testId}>
          <h3 ref={resultRef} tabIndex={-1} className="font-semibold outline-none">
            What changes for whom
          </h3>
          {body ?? <ChangeDiff data={preview.data} format={format} />}
          {preview.data.conflicts.length > 0 ? (
            <StatusNote tone="warn" label="Cannot be saved:">
              {preview.data.conflicts.map((c) => c.message).join(" ")}
            </StatusNote>
          ) : canSave ? (
            <>
              <TextField
                label={reasonLabel}
                value={reason}
                maxLength={200}
                onChange={(e) => setReason(e.target.value)}
              />
              <FormAlert message={alert} />
              {onCancel ? (
                <div className="flex flex-wrap gap-3">
                  {saveButton}
                  <Button variant="ghost" onClick={onCancel}>
                    Cancel
                  </Button>
                </div>
              ) : (
                saveButton
              )}
            </>
          ) : null}
        </Box>
      )}
    </>
  );
}
