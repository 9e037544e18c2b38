"use client";
/**
 * Victories as they happen (today's plan done, a streak, a milestone, a personal best): a card that pops in above
 * the tab bar with a little confetti and goes away by itself. It never blocks a tap (pointer-events: none except
 * its close button) and is announced politely to screen readers. The live region is always on the page; the card
 * (icons, confetti) is loaded with the first celebration, off the page's first-load JavaScript.
 */
import dynamic from "next/dynamic";
import { useEffect } from "react";

export interface ShownCelebration {
  key: string;
  kind: string;
  title: string;
}

const CelebrationCard = dynamic(() => import("./celebration-card").then((m) => m.CelebrationCard), { ssr: false });

export function CelebrationToast({ items, onDismiss }: { items: ShownCelebration[]; onDismiss: () => void }) {
  const current = items[0];
  useEffect(() => {
    if (!current) return;
    const timer = window.setTimeout(onDismiss, 6000);
    return () => window.clearTimeout(timer);
  }, [current, onDismiss]);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-[calc(4.5rem+env(safe-area-inset-bottom))] z-40 flex justify-center px-4 md:bottom-6"
    >
      {current && <CelebrationCard key={current.key} current={current} more={items.length - 1} onDismiss={onDismiss} />}
    </div>
  );
}
