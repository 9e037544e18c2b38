// Prisma CLI configuration (Prisma 7). See docs/MIGRATIONS.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, PROJECT_ROOT } from "./prisma/engine/database-url.mjs";

// Prisma's native schema engine is downloaded on demand, which fails offline: run our stand-in
// (Prisma's engine compiled to WebAssembly, over PGlite or PostgreSQL) instead. Must be set before
// any CLI command runs; `prisma generate` only checks that it exists.
process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(PROJECT_ROOT, "prisma", "engine", "schema-engine.mjs");

// Like Next, read DATABASE_URL from .env.local / .env when the environment does not set it.
for (const file of [".env.local", ".env"]) {
  try {
    process.loadEnvFile(path.join(PROJECT_ROOT, file)); // never overrides variables already set
  } catch {
    // no such file
  }
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // `pglite:<folder>` (embedded, the default: ./.data/pglite) or `postgresql://…`.
    url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  },
});
