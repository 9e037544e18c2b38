import type { Metadata } from "next";
import { TeamCalendar } from "@/components/calendar/team-calendar";

export const metadata: Metadata = { title: "Team calendar" };

export default function Page() {
  return <TeamCalendar />;
}
