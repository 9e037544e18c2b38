/** Round trip of the reminder claim on a real database: who is claimed, the decoded row, and that a claim marks. */
import { describe, expect, it } from "vitest";
import { toDbDay } from "@/server/domain/db-day";
import { claimDueReminders } from "@/server/queries/reminder";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });

describe("reminder queries", () => {
  it("claims a member whose reminder time has passed in the team's zone, once, with every column decoded", async () => {
    const { t, db } = env;
    await db.membership.update({ where: { id: t.memberA1.id }, data: { reminderTime: "18:00" } });
    await db.membership.update({ where: { id: t.memberA2.id }, data: { reminderTime: "20:00" } });
    const user = await db.user.update({ where: { id: t.memberA1.userId }, data: { locale: "fr-FR" } });
    // Wednesday 17 March 2027, 19:00 in London (GMT): A1's 18:00 has passed, A2's 20:00 has not.
    const now = new Date("2027-03-17T19:00:00Z");

    const rows = await claimDueReminders(db, { now, limit: 10 });
    expect(rows).toEqual([
      {
        id: t.memberA1.id,
        teamId: t.team.id,
        userId: user.id,
        email: user.email,
        name: user.name,
        locale: "fr-FR",
        teamName: t.team.name,
        teamSlug: t.team.slug,
        teamCurrency: "GBP",
        localDay: toDbDay("2027-03-17"),
        previous: null,
      },
    ]);
    const marked = await db.membership.findUniqueOrThrow({
      where: { id: t.memberA1.id },
      select: { reminderSentOn: true },
    });
    expect(marked.reminderSentOn).toEqual(toDbDay("2027-03-17"));
    expect(await claimDueReminders(db, { now, limit: 10 })).toEqual([]);
  });
});
