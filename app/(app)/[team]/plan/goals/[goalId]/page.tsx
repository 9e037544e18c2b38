import type { Metadata } from "next";
import { GoalDetail } from "@/components/plan/goal-detail";

export const metadata: Metadata = { title: "Goal" };

export default async function Page({ params }: { params: Promise<{ goalId: string }> }) {
  const { goalId } = await params;
  return <GoalDetail goalId={goalId} />;
}
