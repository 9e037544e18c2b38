/**
 * The calendar feeds' pure parts (issue 20): the weekly review meeting as a recurring event — its first day, the
 * instant "Tuesday 18:30 in Europe/London" is, and the closed days it skips (EXDATE) — and the feed's stable event
 * ids. No I/O; the service (server/services/calendar-feed/) reads the plan through the existing services and renders
 * the ICS with ical-generator.
 */
import { addDays, dayOfWeek, type IsoDate } from "./calendar";

/** How far ahead the feed skips the meeting on known closed days (EXDATE), in days: about six months. */
export const FEED_EXDATE_DAYS = 183;
/** How far back the feed still lists the skipped meetings, in days. */
export const FEED_PAST_DAYS = 92;
/** How often a calendar should re-read the feed, in seconds (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 900;

/** "HH:MM", 00:00–23:59. */
export const REVIEW_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface ReviewMeetingSettings {
  /** 0 = Sunday … 6 = Saturday; null = no meeting. */
  reviewWeekday: number | null;
  /** "HH:MM" in the team's zone; null = no meeting. */
  reviewTime: string | null;
  reviewMinutes: number;
}

export interface ReviewMeeting {
  weekday: number;
  time: string;
  minutes: number;
}

/** The team's meeting when both its weekday and its time are set (else none). */
export function reviewMeetingOf(s: ReviewMeetingSettings): ReviewMeeting | null {
  if (s.reviewWeekday === null || s.reviewTime === null || !REVIEW_TIME_PATTERN.test(s.reviewTime)) return null;
  if (!Number.isInteger(s.reviewWeekday) || s.reviewWeekday < 0 || s.reviewWeekday > 6) return null;
  return { weekday: s.reviewWeekday, time: s.reviewTime, minutes: Math.max(1, s.reviewMinutes) };
}

/** The first day on or after `from` that falls on `weekday`. */
export function onOrAfterWeekday(from: IsoDate, weekday: number): IsoDate {
  return addDays(from, (weekday - dayOfWeek(from) + 7) % 7);
}

/** The closed days (sorted, unique) that fall on the meeting's weekday in [from, to]: the meetings to skip. */
export function skippedMeetingDays(args: {
  weekday: number;
  closedDays: readonly IsoDate[];
  from: IsoDate;
  to: IsoDate;
}): IsoDate[] {
  const days = args.closedDays.filter((d) => d >= args.from && d <= args.to && dayOfWeek(d) === args.weekday);
  return [...new Set(days)].sort();
}

/** Stable event ids, so a calendar updates an event rather than adding a second one. */
export const feedUid = {
  deadline: (goalId: string, feed: string) => `goal-${goalId}-deadline.${feed}@backplan`,
  milestone: (goalId: string, periodEnd: IsoDate, feed: string) =>
    `goal-${goalId}-milestone-${periodEnd}.${feed}@backplan`,
  checkpoint: (goalId: string, day: IsoDate, feed: string) => `goal-${goalId}-checkpoint-${day}.${feed}@backplan`,
  review: (teamId: string, feed: string) => `team-${teamId}-weekly-review.${feed}@backplan`,
};
