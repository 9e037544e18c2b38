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
} satisfies Prisma.GoalSelect;
