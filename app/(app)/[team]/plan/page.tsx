import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/layout/section-placeholder";

export const metadata: Metadata = { title: "Plan" };

export default async function PlanPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  return <SectionPlaceholder section="plan" teamSlug={team} />;
}
