/**
 * The Log's writes go to POST /api/log (app/api/log/handler.ts): plain JSON in and out, the same input, rules and
 * answer as the tRPC procedure `entry.log`, at less server CPU a tap (issue 21). Failures are `LightClientError`s
 * like the light tRPC client's — the server's message and the HTTP status (none when the network failed) — so the
 * sync (use-entry-sync.ts) decides what stays queued from the status alone.
 */
import { LightClientError } from "@/trpc/light";
import type { TNewEntry } from "@/server/schemas/entry";
import type { LogEntriesResult } from "@/server/services/entry/log-entries";

export const LOG_ROUTE = "/api/log";

export async function postLog(input: { teamId: string; entries: TNewEntry[] }): Promise<LogEntriesResult> {
  let response: Response;
  try {
    response = await fetch(LOG_ROUTE, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
  } catch (error) {
    throw new LightClientError(error instanceof Error ? error.message : "Network request failed");
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw new LightClientError(`The server answered ${response.status}`, response.status);
  }
  if (!response.ok) {
    const message = (payload as { error?: unknown } | null)?.error;
    throw new LightClientError(
      typeof message === "string" ? message : `The server answered ${response.status}`,
      response.status,
    );
  }
  return payload as LogEntriesResult;
}
