#!/usr/bin/env node
// CI check against the project's real database (DATABASE_URL, default PGlite ./.data/pglite):
// exits 0 only if `prisma migrate status` found the project's migrations and says
// "Database schema is up to date!". The exit code alone is not trusted (see docs/MIGRATIONS.md).
import { prismaCapture } from "./lib/prisma-capture.mjs";

const { code, output } = await prismaCapture(["migrate", "status"]);
process.stdout.write(output);

const found = /(\d+) migrations? found in/.exec(output);
const upToDate = /Database schema is up to date!/.test(output);
if (code === 0 && found && Number(found[1]) > 0 && upToDate) {
  console.info(`✔ migrate status: ${found[1]} migration(s), database schema is up to date.`);
} else {
  console.error(
    `✖ migrate status: expected "N migrations found" (N > 0) and "Database schema is up to date!" with exit 0; ` +
      `got exit ${code}${found ? `, ${found[1]} migration(s)` : ", no migrations found"}${upToDate ? "" : ", not up to date"}.`,
  );
  process.exit(1);
}
