import { z } from "zod";
import { MAX_ENTRY_AMOUNT } from "@/server/domain/money";
import { ZId, ZIsoDate, zText } from "./common";
import { ZPersonId } from "./person";

/** Most entries one request may carry (an offline queue flushes in batches of this size). */
export const MAX_ENTRIES_PER_BATCH = 200;
/** Largest single amount (fits a PostgreSQL integer with room for daily sums); the money module owns it. */
export { MAX_ENTRY_AMOUNT };

/** A calendar day (the one strict date field of ./common.ts). */
export const ZIsoDay = ZIsoDate;

/** Device-made entry ids are UUIDs (crypto.randomUUID()), so a retry carries the same id. */
export const ZEntryId = z.string().trim().toLowerCase().pipe(z.uuid("Entry ids are UUIDs made on the device"));

export const ZEntryNote = zText({ max: 280, multiline: true, maxMessage: "A note is at most 280 characters" });

export const ZNewEntry = z.object({
  id: ZEntryId,
  metricId: ZId,
  /** Calendar day; the member's today (in their time zone) when left out. */
  day: ZIsoDay.optional(),
  amount: z
    .number()
    .int("Amounts are whole numbers")
    .min(1, "Log at least 1")
    .max(MAX_ENTRY_AMOUNT, "That amount is too large"),
  note: ZEntryNote.optional(),
  /** The person of the member's own names list this tap was with (issue 18); optional, never needed to log. */
  personId: ZPersonId.optional(),
  /** The link's id, made on the device with the entry (a retry links once); the entry's id when left out. */
  touchId: ZEntryId.optional(),
});
export type TNewEntry = z.infer<typeof ZNewEntry>;

export const ZLogEntriesInput = z.object({
  entries: z
    .array(ZNewEntry)
    .min(1, "Nothing to log")
    .max(MAX_ENTRIES_PER_BATCH, `At most ${MAX_ENTRIES_PER_BATCH} entries at once`),
});

export const ZUpdateEntryInput = z.object({
  entryId: ZEntryId,
  /** The version the editor saw; a newer version on the server is a conflict. */
  version: z.number().int().min(1).optional(),
  amount: z
    .number()
    .int("Amounts are whole numbers")
    .min(1, "An entry is at least 1")
    .max(MAX_ENTRY_AMOUNT, "That amount is too large")
    .optional(),
  day: ZIsoDay.optional(),
  note: ZEntryNote.nullable().optional(),
});
export type TUpdateEntryInput = z.infer<typeof ZUpdateEntryInput>;

export const ZDeleteEntryInput = z.object({ entryId: ZEntryId, version: z.number().int().min(1).optional() });

export const ZListEntriesInput = z.object({
  /** Whose entries; the caller by default (a downline member needs visibility). */
  membershipId: ZId.optional(),
  from: ZIsoDay,
  to: ZIsoDay,
});

export const ZLogSummaryInput = z.object({
  /** The day shown (the member's today, in their time zone, by default). */
  day: ZIsoDay.optional(),
});

export const ZEntryHistoryInput = z.object({ entryId: ZEntryId });

/** "HH:MM", 24-hour, in the member's time zone (their own, else the team's); null turns the reminder off. */
export const ZReminderTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 18:30");
export const ZSetReminderInput = z.object({ time: ZReminderTime.nullable() });
