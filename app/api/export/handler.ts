/**
 * GET /api/export?teamId=…&goalId=…&period=week|month — a goal's plan and actuals as CSV, streamed (issue 21): the
 * file of a 100,000-member team is 1.4 million rows, which must never be one string in the server's memory or one
 * tRPC answer. The same access rules and the same service as `dashboard.exportCsv`:
 * - 401 without a session; 400 for a bad team id, goal id or period (zod's sentence);
 * - the caller's scope (server/api/team-caller.ts: 404 for a team you are not an active member of, 401 for a revoked
 *   session), then the ONE goal rule (`loadGoalFor(…, "view")`, what goalPlanProcedure checks: 404 for a goal you may
 *   not see, a draft included), all on the primary;
 * - then `prepareGoalCsv` over the caller's own subtree, read from the streaming replica when one is configured (as
 *   the dashboard's reads are), and its rows sent a chunk at a time.
 * Built from its dependencies so tests call it with real Requests (route.ts wires the app's database and session).
 */
import { sessionRoute, type RequestUserReader } from "@/server/api/session-route";
import { resolveTeamCaller, ZTeamInput } from "@/server/api/team-caller";
import type { Db } from "@/server/db-client";
import { ZExportCsvInput } from "@/server/schemas/dashboard";
import { prepareGoalCsv } from "@/server/services/dashboard/export-goal-csv";
import { loadGoalFor } from "@/server/services/goal/goal-access";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";

const ZExportQuery = ZTeamInput.extend(ZExportCsvInput.shape);

export function createExportHandler(deps: {
  db: Db;
  /** Replica-tolerant reads (server/db-replica.ts); absent = `db`. */
  readDb?: Db;
  getUser: RequestUserReader;
}) {
  return sessionRoute(deps.getUser, async (req, user) => {
    const query = Object.fromEntries(new URL(req.url).searchParams);
    const { teamId } = ZTeamInput.parse(query);
    const scope = await resolveTeamCaller(deps.db, user, teamId);
    const input = ZExportQuery.parse(query);
    const { goal } = await loadGoalFor(deps.db, scope.actor, input.goalId, "view");
    const goalPlan = await loadGoalPlan(deps.db, scope, { goalId: goal.id });
    const file = await prepareGoalCsv(deps.readDb ?? deps.db, scope, { goal: goalPlan, period: input.period });
    const chunks = file.chunks();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      cancel() {
        chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "X-Export-Rows": String(file.rows),
      },
    });
  });
}
