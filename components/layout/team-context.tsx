"use client";
/**
 * The current team, as the app shell loaded it on the server: client components read it with `useTeam()`
 * instead of re-fetching or threading props. Team-scoped procedures take `team.id` as `teamId`.
 */
import { createContext, useContext, type ReactNode } from "react";

export type TeamRole = "OWNER" | "LEADER" | "MEMBER";

export interface CurrentTeam {
  id: string;
  slug: string;
  name: string;
  /** ISO 4217 code, e.g. GBP. */
  currency: string;
  /** The team's IANA time zone, e.g. Europe/London: weeks, months and deadlines are counted there. */
  timeZone: string;
  /** The signed-in member's own time zone (their days, Log and reminders follow it); null = the team's. */
  memberTimeZone: string | null;
  weekStartsOn: number;
  workingDays: number[];
  membersCanInvite: boolean;
  /** The signed-in user's role in this team. */
  role: TeamRole;
  /**
   * The signed-in user leads a branch: the upline powers over their own branch (set goals, decide proposals, run the
   * weekly review). The owner, a leader, or a sponsor with a downline where the team lets sponsors lead.
   */
  leadsBranch: boolean;
  /** The signed-in user's membership id in this team (their node in the tree). */
  membershipId: string;
}

const TeamContext = createContext<CurrentTeam | null>(null);

export function TeamProvider({ team, children }: { team: CurrentTeam; children: ReactNode }) {
  return <TeamContext.Provider value={team}>{children}</TeamContext.Provider>;
}

/** The current team. Only usable below `app/(app)/[team]/layout.tsx`. */
export function useTeam(): CurrentTeam {
  const team = useContext(TeamContext);
  if (!team) throw new Error("useTeam() must be used inside the team layout (TeamProvider).");
  return team;
}
