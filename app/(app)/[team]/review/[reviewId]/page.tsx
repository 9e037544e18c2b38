import type { Metadata } from "next";
import { ReviewMeeting } from "@/components/review/review-meeting";

export const metadata: Metadata = { title: "Weekly review" };

export default async function Page({ params }: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await params;
  return <ReviewMeeting reviewId={reviewId} />;
}
