/**
 * The read client of replica-tolerant procedures (the dashboard's and the review's reads; `replicaReads` in
 * server/api/trpc.ts): the primary's PrismaClient extended with Prisma's read-replica extension
 * (@prisma/extension-read-replicas), so model reads (findMany, count, …) outside a transaction go to the streaming
 * replica, and every write and every transaction still goes to the primary.
 *
 * The extension (0.5) leaves raw SQL on the primary (a raw statement may write). The dashboard's reads are raw SQL
 * (server/queries/*.ts through `decodeRows`), so `$queryRaw` / `$queryRawUnsafe` outside a transaction are routed to
 * the replica too — on this client only, which only read-only procedures receive. A write slipped into one would fail
 * loudly on the hot standby ("cannot execute … in a read-only transaction"), never silently go astray.
 *
 * Not `server-only`: tests and scripts open it through openDatabase (server/db-client.ts).
 */
import { readReplicas } from "@prisma/extension-read-replicas";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";

const RAW_READS = new Set(["$queryRaw", "$queryRawUnsafe"]);

/** `primary` with reads routed to `replica` (see above). Typed as the plain client: services take a `DbClient`. */
export function withReadReplica(primary: PrismaClient, replica: PrismaClient): PrismaClient {
  const rawReadsOnReplica = Prisma.defineExtension({
    name: "backplan-raw-reads-on-replica",
    query: {
      $allOperations({ model, operation, args, query, ...rest }) {
        const inTransaction = Boolean(
          (rest as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction,
        );
        if (model || inTransaction || !RAW_READS.has(operation)) return query(args);
        return rawOnReplica(replica, operation, args);
      },
    },
  });
  // The extended client has the same model methods and raw calls; its type differs only by the added $primary/$replica.
  return primary.$extends(readReplicas({ replicas: [replica] })).$extends(rawReadsOnReplica) as unknown as PrismaClient;
}

/**
 * Replays a raw read, with the arguments the query extension received, on the replica client. No SQL is written here:
 * it is the caller's own statement (server/queries/*.ts), sent to the other server.
 */
function rawOnReplica(replica: PrismaClient, operation: string, args: unknown): Promise<unknown> {
  if (operation === "$queryRaw") {
    // A tagged template and Prisma.sql both arrive as one Sql object.
    // eslint-disable-next-line no-restricted-syntax -- forwards the caller's statement, see above
    return replica.$queryRaw(args as Prisma.Sql);
  }
  const [sql, ...values] = args as [string, ...unknown[]];
  // eslint-disable-next-line no-restricted-syntax -- forwards the caller's statement, see above
  return replica.$queryRawUnsafe(sql, ...values);
}
