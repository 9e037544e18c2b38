/** The goal columns every goal select shares (Prisma selects, so nothing leaks by accident). */
import type { Prisma } from "@/generated/prisma/client";

/** What a goal is at a glance: its name, target and dates (goal pickers and lists, e.g. the dashboard's). */
export const goalHeadlineFields = {
  id: true,
  name: true,
  target: true,
  baseline: true,
  startDate: true,
  deadline: true,
} satisfies Prisma.GoalSelect;

/** The columns a goal's backward plan is computed from (phasing). */
export const goalPlanFields = {
  ...goalHeadlineFields,
  period: true,
  curve: true,
  curveStrength: true,
  checkpoints: true,
  /** The team holidays the goal is phased with (a snapshot: later holidays change it only through a re-plan). */
  holidays: true,
} satisfies Prisma.GoalSelect;
