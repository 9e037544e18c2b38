import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/layout/section-placeholder";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  return <SectionPlaceholder section="review" teamSlug={team} />;
}
