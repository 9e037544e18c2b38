"use client";
/** "Open" a member of a list (furthest behind, search results): drills the dashboard into them. */
import { CornerDownRight } from "lucide-react";

export function OpenMemberButton({ id, name, onOpen }: { id: string; name: string; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      onClick={() => onOpen(id)}
      aria-label={`Open ${name}`}
      className="text-brand-700 inline-flex min-h-11 items-center gap-1 rounded-md px-2 text-sm font-medium hover:bg-slate-100"
    >
      <CornerDownRight aria-hidden className="size-4" /> Open
    </button>
  );
}
