/**
 * A feed's ICS text, made with ical-generator: all-day events as DATE values (a calendar day, no zone shift), the
 * weekly review meeting as a weekly RRULE at the team's local time with its TZID and VTIMEZONE
 * (timezones-ical-library), skipped meetings as EXDATE, each event's URL back into the app, stable UIDs, the
 * calendar's name and refresh interval.
 */
import ical, { ICalCalendarMethod, ICalEventTransparency } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { FEED_REFRESH_SECONDS } from "@/server/domain/calendar-feed";
import { TZDate } from "@date-fns/tz";
import { zonedInstant } from "@/server/domain/zoned-time";
import { toDbDay } from "@/server/domain/db-day";
import type { FeedContent } from "./feed-events";

/** The VTIMEZONE block of an IANA zone (null: unknown to the library; the TZID is still written). */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  const text = Array.isArray(block) ? block[0] : null;
  return typeof text === "string" && text.startsWith("BEGIN:VTIMEZONE") ? text : null;
}

/** A local date-time value: "2027-03-30", "18:30" → "20270330T183000". */
const localStamp = (day: string, time: string) => `${day.replaceAll("-", "")}T${time.replace(":", "")}00`;

export function renderIcs(content: FeedContent, args: { origin: string; stamp: Date }): string {
  const link = (path: string) => new URL(path, args.origin).toString();
  const calendar = ical({
    name: content.name,
    description: "Your Backplan milestones, deadlines and weekly review. Private: anyone with this link can read it.",
    prodId: { company: "Backplan", product: "Backplan", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_REFRESH_SECONDS,
    // VTIMEZONE blocks for the zones the events use; the calendar's own zone as X-WR-TIMEZONE (ical-generator's
    // calendar-wide zone would write DTSTAMP without its Z).
    timezone: { name: null, generator: vtimezone },
    x: [{ key: "X-WR-TIMEZONE", value: content.timeZone }],
  });
  for (const e of content.allDay) {
    calendar.createEvent({
      id: e.uid,
      start: toDbDay(e.day),
      allDay: true,
      summary: e.title,
      description: e.description,
      url: link(e.path),
      stamp: args.stamp,
      // A milestone is a marker, not a busy day.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  const m = content.meeting;
  if (m) {
    const start = zonedInstant(m.firstDay, m.meeting.time, m.timeZone).getTime();
    calendar.createEvent({
      id: m.uid,
      // TZDate (the zone's wall clock): ical-generator writes a plain Date's hours in the server's own zone, which put
      // a summer meeting an hour early under TZID=Europe/London on a UTC server.
      start: new TZDate(start, m.timeZone),
      end: new TZDate(start + m.meeting.minutes * 60_000, m.timeZone),
      timezone: m.timeZone,
      summary: m.title,
      description: m.description,
      url: link(m.path),
      stamp: args.stamp,
      // Written as text: ical-generator formats EXDATE instants in the server's own zone, not in `excludeTimezone`.
      // The values are safe to write as they are: an IANA zone name (validated) and "HH:MM" (validated).
      repeating: [
        "RRULE:FREQ=WEEKLY",
        ...m.skipped.map((day) => `EXDATE;TZID=${m.timeZone}:${localStamp(day, m.meeting.time)}`),
      ].join("\n"),
    });
  }
  return calendar.toString();
}
