import type { Metadata } from "next";
import { TeamSettingsPage } from "@/components/settings/team-settings-page";

export const metadata: Metadata = { title: "Team settings" };

export default function Page() {
  return <TeamSettingsPage />;
}
