/**
 * A member's goal CSV covers their own subtree; their upline is someone they see by name only, so the upline's email
 * is never in it (downline uplines, inside the subtree, keep theirs).
 */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { addDays } from "@/server/domain/calendar";
import { toIsoDay } from "@/server/domain/db-day";
import * as clock from "@/server/clock";
import { makeGoal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase();

describe("dashboard.exportCsv", () => {
  it("shows a member no email of their upline", async () => {
    const { t } = env;
    const metric = await makeMetric(env.db, { teamId: t.team.id, name: "Sales" });
    const today = toIsoDay(clock.now());
    const goal = await makeGoal(env.db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 1000,
      startDate: addDays(today, -7),
      deadline: addDays(today, 21),
    });
    const emailOf = async (membershipId: string) =>
      (await env.db.membership.findUniqueOrThrow({ where: { id: membershipId }, select: { user: true } })).user.email;
    const [leaderEmail, a1Email] = [await emailOf(t.leaderA.id), await emailOf(t.memberA1.id)];

    const member = await env.as(t.memberA1.id);
    const { csv } = await member.dashboard.exportCsv({ teamId: t.team.id, goalId: goal.id, period: "week" });
    expect(csv).not.toContain(leaderEmail);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(new Set(rows.filter((r) => r.email === a1Email).map((r) => r.upline_email))).toEqual(new Set([""]));
    // A1's downline member names A1 as upline, by email: A1 sees their own downline.
    expect(rows.some((r) => r.email !== a1Email && r.upline_email === a1Email)).toBe(true);

    // The owner's export still has every upline email.
    const owner = await env.as(t.owner.id);
    expect((await owner.dashboard.exportCsv({ teamId: t.team.id, goalId: goal.id, period: "week" })).csv).toContain(
      leaderEmail,
    );
  });
});
