/**
 * Every tRPC procedure of the real router, read from the router itself, so reliability tests (bad-input fuzzing,
 * the access matrix) cover a new procedure the moment it is added.
 */
import type { z } from "zod";
import { appRouter } from "@/server/api/root";
import type { callerFor } from "@/tests/caller";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  /** The zod input parsers, in the order the procedure applies them (e.g. the team input, then its own). */
  inputs: z.ZodType[];
}

interface ProcedureDef {
  _def: { type: ProcedureInfo["type"]; inputs: unknown[] };
}

export function listProcedures(): ProcedureInfo[] {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> }).procedures;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({
      path,
      type: procedure._def.type,
      inputs: procedure._def.inputs as z.ZodType[],
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

type Caller = ReturnType<typeof callerFor>;

/** Calls `path` ("goal.preview") on a caller with an arbitrary (possibly invalid) input. */
export function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}
