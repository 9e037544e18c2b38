/**
 * Failure injection in the real database: a trigger that raises an error when a row matching a condition is
 * written to a table, so a test can make a multi-row change fail half-way (after earlier statements of the same
 * transaction succeeded) and check that nothing of it was kept. No mocks: the failure happens in PostgreSQL.
 */
import type { Db } from "@/server/db-client";

let sequence = 0;

/** Installs the trigger; call the returned function to remove it. `condition` is SQL over NEW. */
export async function injectFailure(
  db: Db,
  args: { table: string; on?: "INSERT" | "UPDATE" | "INSERT OR UPDATE"; condition?: string },
): Promise<() => Promise<void>> {
  const name = `injected_failure_${++sequence}`;
  await db.$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF ${args.condition ?? "true"} THEN RAISE EXCEPTION 'injected failure in "${args.table}"'; END IF;
       RETURN NEW;
     END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} AFTER ${args.on ?? "INSERT"} ON "${args.table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${args.table}"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}
