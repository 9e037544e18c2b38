import { CalendarCheck, Contact, LayoutDashboard, NotebookPen, Target, Users, type LucideIcon } from "lucide-react";

export type SectionKey = "plan" | "log" | "names" | "dashboard" | "review" | "team";

export interface NavItem {
  key: SectionKey;
  label: string;
  icon: LucideIcon;
}

/** The app's main sections, in tab-bar order. Each lives at /<team-slug>/<key>. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: "plan", label: "Plan", icon: Target },
  { key: "log", label: "Log", icon: NotebookPen },
  { key: "names", label: "Names", icon: Contact },
  { key: "dashboard", label: "Dashboard", icon: LayoutDashboard },
  { key: "review", label: "Review", icon: CalendarCheck },
  { key: "team", label: "Team", icon: Users },
];

export function sectionHref(teamSlug: string, key: SectionKey): string {
  return `/${teamSlug}/${key}`;
}
