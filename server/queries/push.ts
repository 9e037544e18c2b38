/**
 * SQL of the push outbox (server/services/push/dispatch-push.ts): ONE statement claims a batch of PENDING
 * notifications due at `now` — rows another worker holds are skipped (FOR UPDATE SKIP LOCKED) and each claimed row
 * gets a lease (`pushNotBefore` = `leaseUntil`), so two workers never send the same notification at once and a
 * crashed worker's claim is taken over once its lease is over. `pushAttempts` counts the claims; the worker writes
 * the outcome only while the row still carries its own count (a claim token). Round trip tested in
 * push.integration.test.ts.
 */
import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import type { DbClient } from "@/server/db-client";
import { NOTIFICATION_KINDS } from "@/server/domain/notification-kinds";
import { queryRows, zcol, zodRows } from "./decode";

const ZClaimedPushRow = z.object({
  id: z.string(),
  userId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  dedupeKey: z.string(),
  /** This claim's number (1 = the first try): the token the outcome is written with. */
  pushAttempts: zcol.int,
  createdAt: zcol.date,
});
export type ClaimedPushRow = z.output<typeof ZClaimedPushRow>;
const claimedPushRows = zodRows("push.claimPending", ZClaimedPushRow);

/** A JS instant as the `timestamp(3)` (UTC) Prisma stores. */
function utc(instant: Date): Prisma.Sql {
  return Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** Claims up to `limit` PENDING notifications due at `now` (oldest first), leased until `leaseUntil`. */
export function claimPendingPushes(
  db: DbClient,
  args: { now: Date; leaseUntil: Date; limit: number },
): Promise<ClaimedPushRow[]> {
  return queryRows(
    db,
    claimedPushRows,
    Prisma.sql`
    UPDATE "Notification" n
       SET "pushAttempts" = n."pushAttempts" + 1, "pushNotBefore" = ${utc(args.leaseUntil)}
     WHERE n.id IN (
       SELECT id FROM "Notification"
        WHERE "pushStatus" = 'PENDING' AND ("pushNotBefore" IS NULL OR "pushNotBefore" <= ${utc(args.now)})
        ORDER BY "createdAt", id
        LIMIT ${args.limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING n.id, n."userId", n.kind::text AS kind, n.title, n.body, n.url, n."dedupeKey", n."pushAttempts",
              n."createdAt"`,
  );
}
