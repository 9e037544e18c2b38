/**
 * Logging keeps its number of queries constant: one entry or a 50-entry offline flush, in a team of 7 or of 60,
 * with a published goal (today's plan and the celebrations are computed), costs the same round trips: the team
 * access check, and the one statement that checks metrics, stores entries, revisions and daily totals and reads
 * the Log context (plan, totals, plan-done days). A Victory insert is added only when there is one.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor } from "@/tests/caller";
import { addDays } from "@/server/domain/calendar";
import { addMember, makeFunnelMetrics, makeGoal, makeTestTree } from "@/tests/factories";
import { countingClient } from "@/tests/query-counter";
import { setUpTestDatabase } from "@/tests/setup/integration";
import * as clock from "@/server/clock";
import { toIsoDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "none" });

describe("entry.log — query count", () => {
  it("is the same for 1 and 50 entries, in a team of 7 and of 60", async () => {
    const counts: number[] = [];
    for (const extraMembers of [0, 53]) {
      const { db } = env;
      const tree = await makeTestTree(db);
      let parent = tree.memberA1a.id;
      for (let i = 0; i < extraMembers; i++)
        parent = (await addMember(db, { teamId: tree.team.id, parentId: parent, name: `Deep ${i}` })).id;
      const metrics = await makeFunnelMetrics(db, { teamId: tree.team.id });
      // A published goal around today: every tap computes today's plan and looks for victories.
      const today = toIsoDay(clock.now());
      await makeGoal(db, {
        teamId: tree.team.id,
        rootMembershipId: tree.owner.id,
        metricId: metrics.volume.id,
        target: 10_000_000,
        startDate: addDays(today, -14),
        deadline: addDays(today, 60),
      });
      const user = await db.membership.findUniqueOrThrow({
        where: { id: tree.memberA1.id },
        select: { user: { select: { id: true, email: true, name: true } } },
      });
      const counter = countingClient(db);
      const caller = callerFor(counter.db, user.user);
      for (const size of [1, 50]) {
        const entries = Array.from({ length: size }, (_, i) => ({
          id: randomUUID(),
          metricId: i % 2 ? metrics.contacts.id : metrics.presentations.id,
          amount: 1 + (i % 3),
        }));
        const victoriesBefore = await db.victory.count();
        counter.reset();
        const result = await caller.entry.log({ teamId: tree.team.id, entries });
        expect(result.created).toBe(size);
        const logged = counter.count();
        // A celebration (e.g. today's plan done, which a 50-entry flush can complete) adds its one insert.
        counts.push(logged - ((await db.victory.count()) > victoriesBefore ? 1 : 0));
      }
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBe(2);
    console.info(`entry.log queries per request: ${counts[0]}`);
  });
});
