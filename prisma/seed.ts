/**
 * Seeds the demo team (see prisma/demo-team.ts). Safe to run twice: users, the team and memberships are
 * upserted, so a second run leaves the same data. Run with `npm run db:seed` (DATABASE_URL picks the DB).
 */
import { openDatabase, type Db } from "@/server/db-client";
import { makeUser, upsertTree } from "@/tests/factories";
import { DEMO_PASSWORD } from "./demo-accounts";
import { seedClosedGoal } from "./demo-closed-goal";
import { seedDemoPlan } from "./demo-plan";
import { DEMO_OWNER, DEMO_TEAM, demoTree } from "./demo-team";
import * as clock from "@/server/clock";
import { takeMemberSlots } from "@/server/queries/member-slot";

export async function seedDemo(db: Db, now = clock.now()) {
  const owner = await makeUser(db, { name: DEMO_OWNER.name, email: DEMO_OWNER.email, password: DEMO_PASSWORD });
  const team = await db.team.upsert({
    where: { slug: DEMO_TEAM.slug },
    create: DEMO_TEAM,
    update: {},
    select: { id: true },
  });
  const root = await db.membership.upsert({
    where: { teamId_userId: { teamId: team.id, userId: owner.id } },
    create: {
      teamId: team.id,
      userId: owner.id,
      role: "OWNER",
      joinedAt: new Date(now.getTime() - 180 * 86_400_000),
      slot:
        (
          await db.membership.findUnique({
            where: { teamId_userId: { teamId: team.id, userId: owner.id } },
            select: { slot: true },
          })
        )?.slot ?? (await takeMemberSlots(db, team.id)),
    },
    update: {},
    select: { id: true },
  });
  const ids = await upsertTree(db, {
    teamId: team.id,
    parentId: root.id,
    nodes: demoTree(now),
    password: DEMO_PASSWORD,
  });
  // Demo accounts are verified, also in a data folder seeded before addresses were verified (upserts leave users as
  // they were).
  await db.user.updateMany({
    where: { memberships: { some: { teamId: team.id } }, emailVerified: null },
    data: { emailVerified: now },
  });
  const plan = await seedDemoPlan(db, { teamId: team.id, now });
  await seedClosedGoal(db, { teamId: team.id, now }); // last month's goal, closed and archived (demo-closed-goal.ts)
  return { teamId: team.id, members: ids.size + 1, entries: plan.entries };
}

async function main() {
  const database = openDatabase(process.env.DATABASE_URL);
  try {
    const started = performance.now();
    const result = await seedDemo(database.db);
    console.info(
      `Seeded demo team "${DEMO_TEAM.name}" (${result.members} members, ${result.entries} entries) in ${Math.round(performance.now() - started)} ms.`,
    );
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
