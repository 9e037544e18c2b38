import type { Metadata } from "next";
import { NewGoal, type NewGoalDefaults } from "@/components/plan/new-goal";

export const metadata: Metadata = { title: "New goal" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 120 ? v : undefined);

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const target = Number(one(sp.target));
  const defaults: NewGoalDefaults = {
    metricId: one(sp.metricId),
    target: Number.isSafeInteger(target) && target > 0 ? target : undefined,
    startDate: one(sp.startDate),
    deadline: one(sp.deadline),
    rootMembershipId: one(sp.rootMembershipId),
    name: one(sp.name),
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold sm:text-3xl">New goal</h1>
      <p className="text-slate-700">
        Set the target and the deadline; preview how it works backwards and down the team before you publish.
      </p>
      <NewGoal defaults={defaults} />
    </div>
  );
}
