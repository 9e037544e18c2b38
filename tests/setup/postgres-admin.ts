/** Helpers for integration tests on a real PostgreSQL server (TEST_DATABASE_URL). */
/** Unique per run so several suites can share one server. */
export const TEMPLATE_DB = `backplan_test_template_${process.pid}`;

/** The same server URL pointed at another database (default: the maintenance database `postgres`). */
export function adminUrl(serverUrl: string, database = "postgres"): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
