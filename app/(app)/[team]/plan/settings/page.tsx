import type { Metadata } from "next";
import { PlanSettings } from "@/components/plan/plan-settings";

export const metadata: Metadata = { title: "Metrics, funnels and ranks" };

export default function Page() {
  return <PlanSettings />;
}
