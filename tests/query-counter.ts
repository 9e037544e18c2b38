/**
 * A client that counts the queries it sends (model operations and raw SQL alike), to prove that a code path's
 * number of queries does not grow with the tree or the batch.
 */
import type { Db } from "@/server/db-client";

export function countingClient(db: Db): { db: Db; count: () => number; reset: () => void } {
  let queries = 0;
  const counted = db.$extends({
    query: {
      $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { db: counted, count: () => queries, reset: () => (queries = 0) };
}
