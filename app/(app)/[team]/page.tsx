import { redirect } from "next/navigation";

/** /<team> opens the team's plan. */
export default async function TeamHome({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  redirect(`/${team}/plan`);
}
