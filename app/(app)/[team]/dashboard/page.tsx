import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/layout/section-placeholder";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  return <SectionPlaceholder section="dashboard" teamSlug={team} />;
}
