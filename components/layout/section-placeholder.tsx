/**
 * An honest empty state for a section that is not built yet: what it is for and what will appear here.
 * One component for Plan, Log, Dashboard and Review until their own pages replace it.
 */
import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { NAV_ITEMS, sectionHref, type SectionKey } from "./nav-items";

type PlaceholderKey = Exclude<SectionKey, "team">;

const SECTIONS: Record<PlaceholderKey, { intro: string; coming: string[] }> = {
  plan: {
    intro: "Set the team's goal and work it backwards into milestones, member targets and a daily plan.",
    coming: [
      "Your team's goal and its deadline",
      "Milestones worked back from the goal, week by week",
      "Targets for you and each person in your downline",
      "The activity each day needs to stay on course",
    ],
  },
  log: {
    intro: "Record what you did today in a few taps — built for your phone.",
    coming: [
      "Today's activities with quick counters",
      "What you planned for today next to what you did",
      "Your recent days, so a missed entry is easy to fix",
    ],
  },
  dashboard: {
    intro: "See progress against the plan for you and your downline at a glance.",
    coming: [
      "Pace for each goal, in words: ahead, on track, at risk or behind",
      "Your downline's numbers, added up",
      "Who could use a hand this week",
    ],
  },
  review: {
    intro: "Look back on a week or a period and decide what to change.",
    coming: [
      "Planned against actual, week by week",
      "What changed in the plan, and why",
      "Notes to bring to your next team meeting",
    ],
  },
};

export function SectionPlaceholder({ section, teamSlug }: { section: PlaceholderKey; teamSlug: string }) {
  const item = NAV_ITEMS.find((i) => i.key === section)!;
  const { intro, coming } = SECTIONS[section];
  const Icon = item.icon;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">{item.label}</h1>
        <p className="mt-1 text-slate-700">{intro}</p>
      </div>
      <Card className="flex flex-col items-start gap-4 sm:flex-row sm:gap-6">
        <span
          aria-hidden
          className="bg-brand-50 text-brand-700 flex size-14 shrink-0 items-center justify-center rounded-2xl"
        >
          <Icon className="size-7" />
        </span>
        <div className="min-w-0 space-y-3">
          <h2 className="text-lg font-semibold">Nothing here yet</h2>
          <p className="text-slate-700">
            This part of Backplan is still being built. When it is ready, you will find here:
          </p>
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            {coming.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Link
            href={sectionHref(teamSlug, "team")}
            className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-900 hover:bg-slate-100"
          >
            Meanwhile, build your team
            <ArrowRight aria-hidden className="size-4" />
          </Link>
        </div>
      </Card>
    </div>
  );
}
