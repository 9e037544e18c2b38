/**
 * The tRPC HTTP handler, built from its dependencies so tests can call it with a real Request (route.ts wires the
 * app's database and session). A batch of more than `MAX_TRPC_BATCH` calls is refused with a 400 before anything runs;
 * the client address for rate limits is read through the trusted proxies only (`clientAddress`).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import type { Db } from "@/server/db-client";
import type { SessionUser } from "@/server/auth/session-user";
import { clientAddress } from "@/server/services/security/rate-limit";
import { MAX_TRPC_BATCH } from "@/trpc/limits";

export function createTrpcHandler(deps: {
  db: Db;
  /** Replica-tolerant reads (`replicaReads`); absent = `db`. */
  readDb?: Db;
  getUser: (req: Request, resHeaders: Headers) => Promise<SessionUser | null>;
}) {
  return (req: Request) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: MAX_TRPC_BATCH,
      createContext: async ({ resHeaders }): Promise<Context> => ({
        db: deps.db,
        readDb: deps.readDb,
        user: await deps.getUser(req, resHeaders),
        ip: clientAddress(req.headers),
      }),
    });
}
