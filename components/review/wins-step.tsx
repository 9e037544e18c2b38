/** Step 3: the wins of the week reviewed. */
import { PartyPopper } from "lucide-react";
import { formatDay } from "@/components/dashboard/format";
import type { ReviewSnapshotView } from "./types";

export function WinsStep({ snapshot: s }: { snapshot: ReviewSnapshotView }) {
  if (s.wins.length === 0) return <p>No victories were recorded last week. Let&apos;s make some this week!</p>;
  return (
    <ul className="space-y-4" aria-label="Wins of the week">
      {s.wins.map((w) => (
        <li key={w.id} className="flex items-start gap-4">
          <PartyPopper aria-hidden className="mt-1 size-7 shrink-0 text-amber-700" />
          <span>
            <span className="font-semibold">{w.name}</span> — {w.title}{" "}
            <span className="text-lg text-slate-700">({formatDay(w.day)})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
