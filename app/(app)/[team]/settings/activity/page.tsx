import type { Metadata } from "next";
import { TeamActivityPage } from "@/components/settings/team-activity-page";

export const metadata: Metadata = { title: "Team activity" };

export default function Page() {
  return <TeamActivityPage />;
}
