/** What a weekly review showed, stored in WeeklyReview.snapshot so a past review reads the same forever. */
import type { PaceStatus } from "@/server/domain/pace";

export interface ReviewSnapshot {
  version: 1;
  goal: { id: string; name: string; metricName: string; unit: string; target: number; baseline: number; start: string; deadline: string };
  week: { from: string; to: string };
  nextWeekStart: string;
  root: { id: string; name: string };
  scoreboard: {
    weekTarget: number;
    weekActual: number;
    weekStatus: PaceStatus;
    goalActual: number;
    goalExpected: number;
    goalShare: number;
    goalStatus: PaceStatus;
    forecast: number | null;
    catchUpPerWeek: number;
    onPace: number;
    offPace: number;
  };
  offPace: { id: string; name: string; status: PaceStatus; actual: number; expected: number; catchUpPerWeek: number }[];
  wins: { id: string; name: string; title: string; kind: string; day: string }[];
  members: { id: string; name: string; role: string; depth: number }[];
  /** Filled when the review is closed. */
  commitments?: { memberId: string; name: string; text: string; amount: number | null; enteredBy: string }[];
}
