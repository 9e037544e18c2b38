"use client";
/** The celebration card itself (icon, words, confetti); loaded with the first celebration (celebration.tsx). */
import { Flame, PartyPopper, Target, Trophy, X } from "lucide-react";
import styles from "./celebration.module.css";
import type { ShownCelebration } from "./celebration";

const ICONS: Record<string, typeof Trophy> = {
  PLAN_DONE: PartyPopper,
  STREAK: Flame,
  MILESTONE: Target,
  RECORD: Trophy,
};
const COLORS = ["#1d5fd1", "#0f7a3d", "#f59e0b", "#db2777", "#7c3aed"];
const PIECES = Array.from({ length: 14 }, (_, i) => {
  const angle = (i / 14) * Math.PI * 2;
  const distance = 70 + (i % 3) * 25;
  return {
    color: COLORS[i % COLORS.length]!,
    dx: `${Math.round(Math.cos(angle) * distance * 1.6)}px`,
    dy: `${Math.round(Math.sin(angle) * distance)}px`,
    rot: `${(i % 2 ? 1 : -1) * (180 + i * 20)}deg`,
  };
});

export function CelebrationCard({
  current,
  more,
  onDismiss,
}: {
  current: ShownCelebration;
  more: number;
  onDismiss: () => void;
}) {
  return (
    <div className={`${styles.card} relative w-full max-w-sm`}>
      {PIECES.map((p, i) => (
        <span
          key={i}
          aria-hidden
          className={styles.piece}
          style={{
            background: p.color,
            ["--dx" as string]: p.dx,
            ["--dy" as string]: p.dy,
            ["--rot" as string]: p.rot,
          }}
        />
      ))}
      <div className="flex items-center gap-3 rounded-2xl border-2 border-amber-400 bg-amber-50 p-4 text-slate-900 shadow-lg">
        <CelebrationIcon kind={current.kind} />
        <p className="min-w-0 flex-1 font-semibold">
          <span className="sr-only">Celebration: </span>
          {current.title}
          {more > 0 && <span className="block text-sm font-normal text-slate-700">and {more} more</span>}
        </p>
        <button
          type="button"
          onClick={onDismiss}
          className="pointer-events-auto flex size-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-amber-100"
          aria-label="Close celebration"
        >
          <X aria-hidden className="size-5" />
        </button>
      </div>
    </div>
  );
}
function CelebrationIcon({ kind }: { kind: string }) {
  const Icon = ICONS[kind] ?? PartyPopper;
  return (
    <span
      aria-hidden
      className="flex size-11 shrink-0 items-center justify-center rounded-full bg-amber-400 text-slate-900"
    >
      <Icon className="size-6" />
    </span>
  );
}
