/**
 * A member's day on the Log and My plan: the note saying where their day is counted when their zone is not the
 * team's, and the rest-day state (a rest weekday, a team holiday or their own day off) with the next open day's plan.
 * Status is said in words with an icon, never by colour alone.
 */
import { CalendarClock, Globe, Moon } from "lucide-react";
import { nextPlanText, restDayTitle, zoneNote, type MemberDay, type RestDay } from "./member-day-text";

export function ZoneNote({ day }: { day: Pick<MemberDay, "today" | "timeZone" | "teamTimeZone"> }) {
  const text = zoneNote(day);
  if (!text) return null;
  return (
    <p className="flex items-start gap-1.5 text-sm text-slate-700" data-testid="zone-note">
      <Globe aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{text}</span>
    </p>
  );
}

export function RestDayNote({
  rest,
  today,
  teamName,
  currency,
  headingLevel = 3,
}: {
  rest: RestDay;
  today: string;
  teamName: string;
  currency: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  const next = nextPlanText(rest, today, currency);
  return (
    <section
      aria-labelledby="rest-day-title"
      className="rounded-xl border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800"
      data-testid="rest-day"
    >
      <Heading id="rest-day-title" className="flex items-start gap-2 text-base font-semibold text-slate-900">
        <Moon aria-hidden className="mt-0.5 size-5 shrink-0" />
        <span>{restDayTitle(rest, today, teamName)}</span>
      </Heading>
      <p className="mt-1">No actions are planned today. Anything you log still counts.</p>
      {next && (
        <p className="mt-2 flex items-start gap-2">
          <CalendarClock aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{next}</span>
        </p>
      )}
    </section>
  );
}
