/**
 * The reminder run a scheduler asks for (app/api/cron/reminders/route.ts): cron, a platform's cron job or an
 * uptime pinger calls it every few minutes with the shared secret, and the reminders due now are sent.
 *
 * Called without a team, so its shape is its own: `(db, { secret, presented, … })`. The secret is compared in
 * constant time; a missing or wrong one is UNAUTHORIZED and nothing is sent. The route decides what happens when no
 * secret is configured at all (the endpoint is closed).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { sendDueReminders, type Mailer, type ReminderRun } from "./send-due-reminders";

export interface ReminderCronArgs {
  /** The configured CRON_SECRET (not empty). */
  secret: string;
  /** What the caller presented; null when nothing. */
  presented: string | null;
  now?: Date;
  mailer?: Mailer;
  appUrl?: string;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

export async function runReminderCron(db: Db, args: ReminderCronArgs): Promise<ReminderRun> {
  const secret = args.secret.trim();
  if (!secret || !args.presented || !timingSafeEqual(digest(args.presented), digest(secret))) {
    throw new AppError("UNAUTHORIZED", "Missing or wrong cron secret.");
  }
  return sendDueReminders(db, { now: args.now, mailer: args.mailer, appUrl: args.appUrl });
}
