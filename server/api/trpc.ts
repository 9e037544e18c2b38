/**
 * tRPC setup: context, error mapping and the three procedure levels.
 *
 * - publicProcedure     anyone.
 * - protectedProcedure  a signed-in user; `ctx.user` is never null.
 * - teamProcedure       a signed-in member of the team named by `input.teamId`; `ctx.scope` ({ actor, team, today },
 *                       server/services/team/scope.ts) is loaded once. A non-member gets NOT_FOUND: a team you
 *                       are not in does not exist for you.
 * - leaderProcedure     the team's owner or a leader (FORBIDDEN for a member).
 * - ownerProcedure      the team's owner only.
 *
 * Object checks ("is this member in my downline?", "may I see this goal?") are procedure builders too, declared per
 * domain in server/api/policy/<domain>.ts, so the line that declares a procedure says who may call it.
 */
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Db } from "@/server/db-client";
import { toTRPCError } from "@/server/api/error-mapping";
import type { Role } from "@/generated/prisma/enums";
import { forbidden } from "@/server/errors";
import type { SessionUser } from "@/server/auth/session-user";
import { assertSessionCurrent } from "@/server/auth/session-version";
import { resolveTeamCaller, signedIn, ZTeamInput } from "./team-caller";

export type { SessionUser };
export { ZTeamInput };

export interface Context {
  db: Db;
  /**
   * The client of replica-tolerant reads (server/db-replica.ts): reads on the streaming replica when one is configured
   * (DATABASE_REPLICA_URL). Absent = `db`. Procedures opt in with `.use(replicaReads)`.
   */
  readDb?: Db;
  user: SessionUser | null;
  /** Client address, for rate limits. */
  ip?: string;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        field: cause && typeof cause === "object" && "field" in cause ? (cause.field as string | undefined) : undefined,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Turns service errors (AppError, PlanningError, Prisma constraint errors) into tRPC errors with clear messages. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

/** A session cookie names a user; whether the session was revoked is checked by the procedure levels below. */
const signedInProcedure = publicProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, user: signedIn(ctx.user) } }));

/** A signed-in user whose session is current (one primary-key read: server/auth/session-version.ts). */
export const protectedProcedure = signedInProcedure.use(async ({ ctx, next }) => {
  await assertSessionCurrent(ctx.db, ctx.user);
  return next();
});

/**
 * `.use(replicaReads)` after a procedure's access checks: its handler reads through `ctx.readDb` (the streaming
 * replica, milliseconds behind) as `ctx.db`. Only for reads that may lag a write by that much — the dashboard's and
 * the review's. The checks before it (session, team scope, the object's policy) and the Log, My plan and every
 * mutation read the primary: a member who just logged sees it (docs/SCALING.md).
 */
export const replicaReads = t.middleware(({ ctx, next }) => next({ ctx: { ...ctx, db: ctx.readDb ?? ctx.db } }));

/**
 * The session version and the session's sign-out (`sid`) are checked by the team-access query itself: no extra query
 * on the logging path. The rules live in ./team-caller.ts, shared with the Log's write route (app/api/log).
 */
export const teamProcedure = signedInProcedure.input(ZTeamInput).use(async ({ ctx, input, next }) => {
  const scope = await resolveTeamCaller(ctx.db, ctx.user, input.teamId);
  return next({ ctx: { ...ctx, scope } });
});

/** A team procedure that lets only the given roles through; the others get FORBIDDEN with `message`. */
export function roleProcedure(roles: readonly Role[], message: string) {
  return teamProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.scope.actor.role)) throw forbidden(message);
    return next();
  });
}

/** The team's owner or a leader. */
export const leaderProcedure = roleProcedure(["OWNER", "LEADER"], "Only the team owner and leaders can do this.");

/** The team's owner. */
export const ownerProcedure = roleProcedure(["OWNER"], "Only the team owner can do this.");
