/**
 * The HTTP side of the reminder run (app/api/cron/reminders/route.ts): a scheduler (cron, a platform's cron job,
 * an uptime pinger) calls it every few minutes with the shared secret, and it sends the reminders due now.
 *
 * The secret comes in `Authorization: Bearer <CRON_SECRET>` or `X-Cron-Secret: <CRON_SECRET>`; without
 * CRON_SECRET configured the endpoint is closed (503), with a wrong or missing secret it is 401. Comparison is
 * constant-time.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/server/db-client";
import { sendDueReminders, type Mailer } from "./send-due-reminders";

export interface ReminderCronOptions {
  db: Db;
  secret: string | undefined;
  now?: Date;
  mailer?: Mailer;
  appUrl?: string;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

function presentedSecret(request: Request): string | null {
  const auth = request.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return request.headers.get("x-cron-secret");
}

export async function handleReminderCron(request: Request, options: ReminderCronOptions): Promise<Response> {
  const secret = options.secret?.trim();
  if (!secret) {
    return Response.json({ error: "Reminders are not scheduled here: set CRON_SECRET to enable this endpoint." }, { status: 503 });
  }
  const given = presentedSecret(request);
  if (!given || !timingSafeEqual(digest(given), digest(secret))) {
    return Response.json({ error: "Missing or wrong cron secret." }, { status: 401 });
  }
  const run = await sendDueReminders(options.db, { now: options.now, mailer: options.mailer, appUrl: options.appUrl });
  return Response.json(run, { status: 200, headers: { "Cache-Control": "no-store" } });
}
