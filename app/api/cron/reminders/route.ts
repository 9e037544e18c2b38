/**
 * POST (or GET) /api/cron/reminders with `Authorization: Bearer $CRON_SECRET` (or `X-Cron-Secret: $CRON_SECRET`):
 * sends the daily "time to log" reminders due now and answers `{ sent, failed }`. Call it every 5–15 minutes from a
 * scheduler; `npm run reminders:send` does the same from a shell (server/services/reminder/reminder-cron.ts).
 * Without CRON_SECRET configured the endpoint is closed (503); a missing or wrong secret is 401.
 */
import { env } from "@/env";
import { withErrorResponse } from "@/server/api/error-mapping";
import { db } from "@/server/db";
import { runReminderCron } from "@/server/services/reminder/reminder-cron";

export const dynamic = "force-dynamic";

function presentedSecret(request: Request): string | null {
  const auth = request.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return request.headers.get("x-cron-secret");
}

const handler = withErrorResponse(async (request: Request) => {
  const secret = env.CRON_SECRET?.trim();
  if (!secret) {
    return Response.json(
      { error: "Reminders are not scheduled here: set CRON_SECRET to enable this endpoint." },
      { status: 503 },
    );
  }
  const run = await runReminderCron(db, { secret, presented: presentedSecret(request) });
  return Response.json(run, { headers: { "Cache-Control": "no-store" } });
});

export { handler as GET, handler as POST };
