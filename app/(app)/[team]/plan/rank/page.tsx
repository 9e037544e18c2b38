import type { Metadata } from "next";
import { RankReport } from "@/components/rank/rank-report";

export const metadata: Metadata = { title: "Rank report" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 60 ? v : undefined);

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  return <RankReport memberId={one(sp.member)} period={one(sp.period)} rankId={one(sp.rank)} />;
}
