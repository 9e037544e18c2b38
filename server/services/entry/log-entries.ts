/**
 * Logs a batch of entries (1–200: one tap, or an offline queue being flushed) for the acting member.
 *
 * - Idempotent: every entry carries a device-made UUID; `INSERT … ON CONFLICT (id) DO NOTHING` means a retry or
 *   a double send counts once. An id that comes back with different content (another member, metric, day, amount
 *   or note than when it was first recorded) is reported as a `conflict`, never silently accepted.
 * - Each entry is checked on its own (metric of this team and not archived, day inside the logging window —
 *   see allowed-days.ts — and the day's total within `MAX_DAY_TOTAL`, day-total-limit.ts) and a bad one is
 *   `rejected` with a sentence, so one stale entry in an offline queue never blocks the others.
 * - The metric check, the entries, the DailyTotal aggregate and the read of the Log
 *   context the celebrations need (plan, totals, plan-done days) are ONE set-based SQL statement (so one
 *   transaction, whatever the batch size); a Victory is written only when there is one. With the team procedure's
 *   access check: 2 round trips a request whatever the batch or team size (docs/PERFORMANCE.md, Logging). An entry
 *   is its own `create` revision until its first edit or delete writes that revision (`keepCreateRevision`):
 *   logging writes one row an entry, not two (docs/PERFORMANCE.md, Round seven).
 * - Taps with a person (issue 18, optional `personId` per entry): one read more, only when a person is named (the
 *   people are the member's own, else NOT_FOUND before anything is written); the link (PersonTouch, once per entry)
 *   and the person's move forward in the funnel ride in the same logging statement (server/queries/person-taps.ts).
 */
import type { Db } from "@/server/db-client";
import type { TNewEntry } from "@/server/schemas/entry";
import type { TeamScope } from "@/server/services/team/scope";
import { dayProblem, logWindow } from "@/server/domain/allowed-days";
import { decodeLogContext, insertLogBatch, logContextSql } from "@/server/queries/entry-log";
import { celebrate, type Celebration } from "./celebrate";
import { dayTotalTooLargeMessage, MAX_DAY_TOTAL, refusingOverflow } from "./day-total-limit";
import { addToday, logContextFrom } from "./log-context";
import * as clock from "@/server/clock";
import { toIsoDay } from "@/server/domain/db-day";
import { notFound } from "@/server/errors";
import type { TapLink } from "@/server/queries/person-taps";

export type EntryOutcome =
  { id: string; status: "created" | "duplicate" } | { id: string; status: "conflict" | "rejected"; message: string };

export interface LogEntriesResult {
  today: string;
  results: EntryOutcome[];
  /** How many entries were new (duplicates excluded). */
  created: number;
  /** Victories this batch caused (recorded once per member; a retry never celebrates twice). */
  celebrations: Celebration[];
}

interface CleanEntry {
  id: string;
  metricId: string;
  day: string;
  amount: number;
  note: string | null;
}

const sameContent = (a: CleanEntry, b: CleanEntry) =>
  a.metricId === b.metricId && a.day === b.day && a.amount === b.amount && a.note === b.note;

const CONFLICT_MESSAGE = "This entry id was already used for a different entry; it was not saved again.";

export async function logEntries(
  db: Db,
  scope: TeamScope,
  input: { entries: readonly TNewEntry[] },
): Promise<LogEntriesResult> {
  const { actor, team } = scope;
  const teamId = team.id;
  // The member's today and window are days where they live (a New York member logs Monday until midnight there).
  const window = logWindow(team, clock.now(), clock.memberTimeZone(actor, team));

  const outcomes = new Map<number, EntryOutcome>();
  const firstById = new Map<string, CleanEntry>();
  /** Each distinct id once, with the problem found without the database (amount, day), if any. */
  const toSend: { entry: CleanEntry; index: number; problem: string | null }[] = [];

  input.entries.forEach((raw, index) => {
    const entry: CleanEntry = {
      id: raw.id.toLowerCase(),
      metricId: raw.metricId,
      day: raw.day ?? window.today,
      amount: raw.amount,
      note: raw.note?.trim() ? raw.note.trim() : null,
    };
    const earlier = firstById.get(entry.id);
    if (earlier) {
      outcomes.set(
        index,
        sameContent(earlier, entry)
          ? { id: entry.id, status: "duplicate" }
          : { id: entry.id, status: "conflict", message: CONFLICT_MESSAGE },
      );
      return;
    }
    firstById.set(entry.id, entry);
    const problem =
      !Number.isSafeInteger(entry.amount) || entry.amount < 1
        ? "Log a whole number of at least 1."
        : dayProblem(entry.day, window);
    toSend.push({ entry, index, problem });
  });

  // ONE statement checks the metrics (of this team, not archived), stores the valid entries and, when some are for
  // today, reads the Log context the celebrations need (as it was before this batch; `addToday` adds the batch).
  const todayMetricIds = [
    ...new Set(toSend.filter((e) => !e.problem && e.entry.day === window.today).map((e) => e.entry.metricId)),
  ];
  const contextSql =
    todayMetricIds.length > 0
      ? logContextSql({ teamId, membershipId: actor.id, asOf: window.today, extraMetricIds: todayMetricIds })
      : null;
  // Taps with a person (issue 18): the people must be on the member's own list — else NOT_FOUND, before anything is
  // written (one read, only when a person is named); the links and stage moves then ride in the one statement.
  const taps = await tapLinks(db, scope, input.entries);
  const rows = await refusingOverflow(() =>
    insertLogBatch(db, {
      teamId,
      membershipId: actor.id,
      // Entries with a problem travel without day and amount (a malformed day must not break the statement).
      entries: toSend.map(({ entry, problem }) => ({ ...entry, ok: problem === null })),
      maxDayTotal: MAX_DAY_TOTAL,
      contextSql,
      taps,
    }),
  );
  const byId = new Map<string, EntryOutcome>();
  const addedToday = new Map<string, number>();
  rows.forEach((row, i) => {
    const { entry, index, problem: earlyProblem } = toSend[i]!;
    // The same order of checks as always: the metric first, then the amount and the day, then the day's total.
    const problem = !row.metricName
      ? "That activity is not part of this team."
      : row.metricArchived
        ? `${row.metricName} is archived and can no longer be logged.`
        : (earlyProblem ?? (row.tooLarge ? dayTotalTooLargeMessage(row.metricName, entry.day) : null));
    if (problem) {
      outcomes.set(index, { id: entry.id, status: "rejected", message: problem });
      return;
    }
    if (row.inserted) {
      byId.set(row.id, { id: row.id, status: "created" });
      if (entry.day === window.today)
        addedToday.set(entry.metricId, (addedToday.get(entry.metricId) ?? 0) + entry.amount);
      return;
    }
    const original: CleanEntry | null =
      row.existingMembershipId === null
        ? null
        : {
            id: row.id,
            metricId: row.existingMetricId!,
            day: row.originalDay ? toIsoDay(row.originalDay) : "",
            amount: row.originalAmount ?? -1,
            note: row.originalNote,
          };
    // No existing row visible: a concurrent request inserted it a moment ago — it is stored once, by that request.
    const same =
      original === null ||
      (row.existingTeamId === teamId && row.existingMembershipId === actor.id && sameContent(original, entry));
    byId.set(
      row.id,
      same ? { id: row.id, status: "duplicate" } : { id: row.id, status: "conflict", message: CONFLICT_MESSAGE },
    );
  });

  const results = input.entries.map((raw, index) => outcomes.get(index) ?? byId.get(raw.id.toLowerCase())!);
  const created = results.filter((r) => r.status === "created").length;
  const contextText = rows[0]?.context ?? null;
  const celebrations =
    addedToday.size > 0
      ? await (async () => {
          const context = contextText
            ? addToday(logContextFrom(window.today, decodeLogContext(contextText)), addedToday)
            : undefined;
          return celebrate(db, { team, membershipId: actor.id, today: window.today, addedToday, context });
        })().catch((error: unknown) => {
          // A celebration must never cost an entry: the entries are already stored.
          console.error("[log] celebrations failed", error);
          return [];
        })
      : [];
  return { today: window.today, results, created, celebrations };
}

/**
 * The entries that name a person, as links (the touch id is the device's, else the entry's own id). Someone else's
 * person — or one that is gone — is NOT_FOUND for the whole request, so nothing is stored half-linked.
 */
async function tapLinks(db: Db, scope: TeamScope, entries: readonly TNewEntry[]): Promise<TapLink[]> {
  const links: TapLink[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const entryId = e.id.toLowerCase();
    if (!e.personId || seen.has(entryId)) continue;
    seen.add(entryId);
    links.push({ entryId, personId: e.personId, touchId: (e.touchId ?? entryId).toLowerCase() });
  }
  if (links.length === 0) return links;
  const personIds = [...new Set(links.map((l) => l.personId))];
  const own = await db.person.findMany({
    where: { id: { in: personIds }, teamId: scope.team.id, membershipId: scope.actor.id },
    select: { id: true },
  });
  if (own.length !== personIds.length) throw notFound("Person");
  return links;
}
