/**
 * The one set-up of an integration test file: a fresh database for the file, optionally the standard test tree
 * (owner → leaders A and B → members, `makeTestTree`) and callers for its people. Use it at the top of a file:
 *
 *     const env = setUpTestDatabase({ tree: "each" });   // or "once" (default) / "none"
 *     it("…", async () => {
 *       const owner = await env.as(env.t.owner.id);
 *       await owner.goal.list({ teamId: env.t.team.id });
 *     });
 *
 * `env.db` is the file's database (a PrismaClient on PGlite, or on PostgreSQL when TEST_DATABASE_URL is set).
 * Never mocked: every query runs for real.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database, Db } from "@/server/db-client";
import { callerFor, callerForMember } from "@/tests/caller";
import { makeTestTree } from "@/tests/factories";
import { createTestDatabase } from "./test-db";

export type TestTree = Awaited<ReturnType<typeof makeTestTree>>;
export type TestCaller = ReturnType<typeof callerFor>;

export interface TestEnv {
  readonly database: Database;
  readonly db: Db;
  /** The standard tree (absent with `tree: "none"`). */
  readonly t: TestTree;
  /** A caller for the user behind a membership. */
  as(membershipId: string): Promise<TestCaller>;
  /** A caller for a user (null: signed out). */
  caller(user: { id: string; email: string; name: string } | null): TestCaller;
}

export function setUpTestDatabase(options: { tree?: "once" | "each" | "none" } = {}): TestEnv {
  const tree = options.tree ?? "once";
  let database: Database | undefined;
  let t: TestTree | undefined;
  const env: TestEnv = {
    get database() {
      if (!database) throw new Error("The test database opens in beforeAll: use env inside a test or hook.");
      return database;
    },
    get db() {
      return env.database.db;
    },
    get t() {
      if (!t)
        throw new Error(tree === "none" ? 'This file set up no tree (tree: "none").' : "The tree is made in a hook.");
      return t;
    },
    as: (membershipId) => callerForMember(env.db, membershipId),
    caller: (user) => callerFor(env.db, user),
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    if (tree === "once") t = await makeTestTree(database.db);
  });
  if (tree === "each") {
    beforeEach(async () => {
      t = await makeTestTree(env.db);
    });
  }
  afterAll(() => database?.close());
  return env;
}
