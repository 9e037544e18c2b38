/** The columns of a goal that its backward plan is computed from (phasing), shared by every goal select. */
import type { Prisma } from "@/generated/prisma/client";

export const goalPlanFields = {
  id: true,
  name: true,
  target: true,
  baseline: true,
  startDate: true,
  deadline: true,
  period: true,
  curve: true,
  curveStrength: true,
  checkpoints: true,
  /** The team holidays the goal is phased with (a snapshot: later holidays change it only through a re-plan). */
  holidays: true,
} satisfies Prisma.GoalSelect;
