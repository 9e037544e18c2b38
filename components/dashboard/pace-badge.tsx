/**
 * Pace status by colour AND word AND icon (never colour alone): ahead, on track, at risk, behind. The colours are
 * the theme's --color-ahead / on-track / at-risk / behind, all ≥ 4.5:1 on white and on their tint.
 */
import { AlertTriangle, CheckCircle2, TrendingDown, TrendingUp, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { PaceStatus } from "./types";

export const PACE: Record<PaceStatus, { word: string; icon: LucideIcon; text: string; chip: string; fill: string }> = {
  ahead: { word: "Ahead", icon: TrendingUp, text: "text-ahead", chip: "bg-green-50 border-green-200", fill: "#0f7a3d" },
  on_track: {
    word: "On track",
    icon: CheckCircle2,
    text: "text-on-track",
    chip: "bg-blue-50 border-blue-200",
    fill: "#1d5fd1",
  },
  at_risk: {
    word: "At risk",
    icon: AlertTriangle,
    text: "text-at-risk",
    chip: "bg-amber-50 border-amber-200",
    fill: "#9a5b00",
  },
  behind: {
    word: "Behind",
    icon: TrendingDown,
    text: "text-behind",
    chip: "bg-red-50 border-red-200",
    fill: "#b42318",
  },
};

export function PaceBadge({
  status,
  size = "md",
  className,
}: {
  status: PaceStatus;
  size?: "sm" | "md" | "lg";
  className?: string;
}) {
  const p = PACE[status];
  const Icon = p.icon;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border font-medium whitespace-nowrap",
        p.text,
        p.chip,
        size === "sm" && "px-1.5 py-0.5 text-xs",
        size === "md" && "px-2 py-0.5 text-sm",
        size === "lg" && "px-3 py-1 text-xl",
        className,
      )}
      data-pace={status}
    >
      <Icon aria-hidden className={size === "lg" ? "size-6" : size === "sm" ? "size-3.5" : "size-4"} />
      {p.word}
    </span>
  );
}
