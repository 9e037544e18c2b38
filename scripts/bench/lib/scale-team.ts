/**
 * The scale team `scale-<members>` of the scale benchmarks (bench:rollup, bench:cascade, bench:export): found, or
 * seeded first when the database has none (npm run seed:scale, without entries).
 */
import type { Db } from "../../../server/db-client";
import { seedScale } from "../../seed-scale";

export async function ensureScaleTeam(db: Db, members: number): Promise<{ id: string }> {
  const slug = `scale-${members}`;
  const team = await db.team.findUnique({ where: { slug }, select: { id: true } });
  if (team) return team;
  console.info(`No ${slug} team: seeding it (npm run seed:scale -- --members ${members} --no-entries)…`);
  await seedScale(db, { members, days: 90, entries: false, log: (l) => console.info(l) });
  return db.team.findUniqueOrThrow({ where: { slug }, select: { id: true } });
}
