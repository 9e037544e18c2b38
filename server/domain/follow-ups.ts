/**
 * Follow-ups in today's plan (issue 18). Pure: the caller loads the member's people with a follow-up due by today
 * (`Person.nextFollowUp` ≤ today, today in the member's zone: `memberToday`, server/clock.ts).
 *
 * - Today's follow-ups come first in today's actions, before new contacts ("Follow up with Sam"): at most
 *   `MAX_FOLLOW_UPS_SHOWN` by name — those due today first, then the overdue, most recently due first.
 * - Overdue follow-ups are counted ("2 overdue"), one line, never a nag per person.
 * - Never twice a day: a person the member already had a touch with today is done for today and drops off.
 * - "Who was it?" after a tap: a short list of the people due (today's first), then the recently touched ones.
 */
import { compareDates, type IsoDate } from "./calendar";

export const MAX_FOLLOW_UPS_SHOWN = 3;
export const WHO_WAS_IT_SIZE = 6;

export interface DuePerson {
  id: string;
  name: string;
  nextFollowUp: IsoDate;
  /** The member already had a touch with them today. */
  touchedToday: boolean;
}

export interface FollowUpItem {
  personId: string;
  name: string;
  day: IsoDate;
  overdue: boolean;
}

export interface FollowUpPlan {
  /** Shown by name, first in today's actions. */
  items: FollowUpItem[];
  /** Due today (not yet touched today). */
  dueToday: number;
  /** Due before today (not touched today): shown as one count. */
  overdue: number;
  /** Due but not shown by name (beyond MAX_FOLLOW_UPS_SHOWN). */
  more: number;
}

/** The due people in the order they are offered: due today first, then the most recently due, then by name. */
function dueOrder(today: IsoDate) {
  return (a: DuePerson, b: DuePerson) =>
    Number(b.nextFollowUp === today) - Number(a.nextFollowUp === today) ||
    compareDates(b.nextFollowUp, a.nextFollowUp) ||
    a.name.localeCompare(b.name) ||
    a.id.localeCompare(b.id);
}

export function followUpPlan(args: { today: IsoDate; people: readonly DuePerson[]; maxShown?: number }): FollowUpPlan {
  const { today } = args;
  const max = args.maxShown ?? MAX_FOLLOW_UPS_SHOWN;
  const open = args.people.filter((p) => !p.touchedToday && compareDates(p.nextFollowUp, today) <= 0);
  const sorted = [...open].sort(dueOrder(today));
  const items = sorted.slice(0, max).map((p) => ({
    personId: p.id,
    name: p.name,
    day: p.nextFollowUp,
    overdue: p.nextFollowUp !== today,
  }));
  const dueToday = open.filter((p) => p.nextFollowUp === today).length;
  return { items, dueToday, overdue: open.length - dueToday, more: open.length - items.length };
}

/** "Who was it?": the people due (today's first, untouched first), then the recent ones; each once, at most `size`. */
export function whoWasItList(args: {
  today: IsoDate;
  due: readonly DuePerson[];
  recent: readonly { id: string; name: string }[];
  size?: number;
}): { id: string; name: string; due: boolean }[] {
  const size = args.size ?? WHO_WAS_IT_SIZE;
  const out: { id: string; name: string; due: boolean }[] = [];
  const seen = new Set<string>();
  const due = args.due
    .filter((p) => compareDates(p.nextFollowUp, args.today) <= 0)
    .sort((a, b) => Number(a.touchedToday) - Number(b.touchedToday) || dueOrder(args.today)(a, b));
  for (const p of [...due.map((p) => ({ ...p, due: true })), ...args.recent.map((p) => ({ ...p, due: false }))]) {
    if (out.length >= size) break;
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ id: p.id, name: p.name, due: p.due });
  }
  return out;
}
