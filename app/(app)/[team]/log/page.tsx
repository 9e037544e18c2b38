import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/layout/section-placeholder";

export const metadata: Metadata = { title: "Log" };

export default async function LogPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  return <SectionPlaceholder section="log" teamSlug={team} />;
}
