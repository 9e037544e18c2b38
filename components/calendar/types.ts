/** Shapes of the calendar procedures as the client receives them. */
import type { RouterOutputs as Out } from "@/components/api-types";

export type Holidays = Out["calendar"]["holidays"];
export type Holiday = Holidays["holidays"][number];
export type GoalToReplan = Out["calendar"]["goalsToReplan"][number];
export type ImportPreview = Out["calendar"]["previewImport"];
export type Country = Out["calendar"]["countries"][number];
export type MyDaysOff = Out["calendar"]["myDaysOff"];
export type CalendarChange = NonNullable<Out["goal"]["previewChange"]["calendar"]>;
