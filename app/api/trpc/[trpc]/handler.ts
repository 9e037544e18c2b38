/**
 * The tRPC HTTP handler, built from its dependencies so tests can call it with a real Request (route.ts wires the
 * app's database and session). A batch of more than `MAX_TRPC_BATCH` calls is refused with a 400 before anything runs;
 * a body over `MAX_TRPC_BODY_BYTES` is refused with a 413 (PAYLOAD_TOO_LARGE, tRPC's own error shape, so the client
 * shows the sentence) before it is read: a declared Content-Length over the ceiling fails the context, and a body
 * without one (chunked) is read with the ceiling first. The client address for rate limits is read through the
 * trusted proxies only (`clientAddress`).
 */
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { boundedText, declaredOver } from "@/server/api/bounded-body";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import type { Db } from "@/server/db-client";
import type { SessionUser } from "@/server/auth/session-user";
import { clientAddress } from "@/server/services/security/rate-limit";
import { MAX_IMPORT_CHARS } from "@/server/schemas/person-transfer";
import { MAX_TRPC_BATCH } from "@/trpc/limits";

/**
 * The largest request body read. The largest input is a names-list import: at most `MAX_IMPORT_CHARS` characters,
 * each at most 3 bytes in UTF-8 JSON (control characters other than line breaks are refused), plus the envelope.
 */
export const MAX_TRPC_BODY_BYTES = MAX_IMPORT_CHARS * 3 + 1024 * 1024;

export const TRPC_TOO_LARGE_MESSAGE = `This is too much to send at once (at most ${Math.round(MAX_TRPC_BODY_BYTES / 1_000_000)} MB). Send it in smaller parts.`;

/** The request as tRPC may read it: a chunked body is read here with the ceiling (null = over it). */
async function withBoundedBody(req: Request): Promise<Request | null> {
  if (req.method !== "POST" || req.headers.has("content-length") || !req.body) return req;
  const text = await boundedText(req, MAX_TRPC_BODY_BYTES);
  if (text === null) return null;
  return new Request(req.url, { method: req.method, headers: req.headers, body: text, signal: req.signal });
}

export function createTrpcHandler(deps: {
  db: Db;
  /** Replica-tolerant reads (`replicaReads`); absent = `db`. */
  readDb?: Db;
  getUser: (req: Request, resHeaders: Headers) => Promise<SessionUser | null>;
}) {
  return async (received: Request) => {
    const bounded = await withBoundedBody(received);
    const tooLarge = bounded === null || declaredOver(received, MAX_TRPC_BODY_BYTES);
    const req = bounded ?? new Request(received.url, { method: received.method, headers: received.headers });
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: MAX_TRPC_BATCH,
      createContext: async ({ resHeaders }): Promise<Context> => {
        // Failing the context fails every call of the batch before any input is read.
        if (tooLarge) throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: TRPC_TOO_LARGE_MESSAGE });
        return {
          db: deps.db,
          readDb: deps.readDb,
          user: await deps.getUser(req, resHeaders),
          ip: clientAddress(req.headers),
        };
      },
    });
  };
}
