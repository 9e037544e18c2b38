"use client";
/** The "Re-plan the rest" button of an off-pace person, with its dialog (replan-dialog.tsx). */
import { CalendarClock } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ReplanDialog, type ReplanTarget } from "./replan-dialog";

export function ReplanButton({ target }: { target: ReplanTarget }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <Button
        id={id}
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={`Re-plan the rest for ${target.member.name}`}
      >
        <CalendarClock aria-hidden className="size-4" /> Re-plan the rest
      </Button>
      <ReplanDialog target={target} open={open} onOpenChange={setOpen} returnFocusTo={id} />
    </>
  );
}
