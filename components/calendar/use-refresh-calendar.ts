"use client";
/** After a calendar change: refresh the calendar and the goals (their plans may now need a re-plan). */
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

export function useRefreshCalendar() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() }),
    ]);
  };
}
