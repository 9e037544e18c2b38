"use client";
/** The Team page's dialog for a member's split weight (their share of weighted goals). */
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { describeSplitWeight } from "@/server/domain/split-weight";
import { DialogShell, type DialogControl } from "./dialog-shell";
import { SplitWeightForm } from "./split-weight-form";
import type { MemberNode } from "./types";

export function SplitWeightDialog({
  member,
  open,
  onOpenChange,
  returnFocusTo,
}: DialogControl & { member: MemberNode }) {
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title={`Split weight of ${member.name}`}
      description={
        <>
          When a goal is split by weight, {member.name} gets a share in proportion to this. Now:{" "}
          {describeSplitWeight(member.splitWeight)}. Published goals change only when they are re-planned.
        </>
      }
    >
      <SplitWeightForm
        memberId={member.id}
        memberName={member.name}
        current={member.splitWeight}
        onSaved={(saved) => {
          toast.success(`${member.name}: ${saved.label.charAt(0).toLowerCase()}${saved.label.slice(1)}.`);
          onOpenChange(false);
        }}
      >
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
      </SplitWeightForm>
    </DialogShell>
  );
}
