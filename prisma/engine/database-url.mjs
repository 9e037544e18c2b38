// The one parser of DATABASE_URL, shared by the Prisma schema-engine stand-in
// (prisma/engine/schema-engine.mjs), prisma.config.ts and the app's server/db.ts.
//
//   postgresql://user:pass@host:5432/db   -> { kind: 'postgres', url }
//   postgres://…                          -> { kind: 'postgres', url }
//   pglite:./.data/pglite                 -> { kind: 'pglite', dataDir: '<project root>/.data/pglite' }
//   pglite:/abs/path                      -> { kind: 'pglite', dataDir: '/abs/path' }
//   unset or empty                        -> PGlite at <project root>/.data/pglite (DEFAULT_DATABASE_URL)
//
// `pglite:<path>` is our own scheme for the embedded database. The Prisma CLI passes it through
// untouched to the schema engine for a `provider = "postgresql"` datasource (checked with
// migrate dev/deploy/status/diff/reset), so the same URL works for the CLI and for the app.
// A relative path is taken from the project root, not from the current directory, so every
// tool (CLI, Next, vitest, scripts) opens the same data directory whatever its cwd.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PGLITE_SCHEME = "pglite:";
export const DEFAULT_DATABASE_URL = "pglite:./.data/pglite";

/** The repository root: two levels above this file, or the cwd when bundled elsewhere (Next). */
export const PROJECT_ROOT = findProjectRoot();

function findProjectRoot() {
  try {
    if (import.meta.url.startsWith("file:")) {
      // (path arithmetic, not `new URL("../..", import.meta.url)`, which bundlers treat as an asset import)
      const candidate = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
      if (fs.existsSync(path.join(candidate, "prisma", "engine", "database-url.mjs"))) {
        return path.resolve(candidate);
      }
    }
  } catch {
    // fall through: bundlers may rewrite import.meta.url
  }
  return process.cwd();
}

/**
 * Parse a database URL (default: process.env.DATABASE_URL).
 * @param {string | undefined} [url]
 * @param {{ root?: string, createDirs?: boolean }} [options]
 *   root: base for relative PGlite paths (default PROJECT_ROOT);
 *   createDirs: create the PGlite data directory's parent folders (default true; PGlite does not).
 * @returns {{ kind: 'postgres', url: string } | { kind: 'pglite', dataDir: string }}
 */
export function parseDatabaseUrl(url = process.env.DATABASE_URL, options = {}) {
  const { root = PROJECT_ROOT, createDirs = true } = options;
  const value = (url ?? "").trim() || DEFAULT_DATABASE_URL;

  if (/^postgres(ql)?:\/\//i.test(value)) {
    return { kind: "postgres", url: value };
  }

  if (value.toLowerCase().startsWith(PGLITE_SCHEME)) {
    let rest = value.slice(PGLITE_SCHEME.length);
    // Tolerate `pglite://path` as well as `pglite:path`.
    if (rest.startsWith("//")) rest = rest.slice(2);
    if (!rest || rest.includes("?")) {
      throw new Error(
        `DATABASE_URL "${value}": expected pglite:<data directory>, e.g. ${DEFAULT_DATABASE_URL} (no query string).`,
      );
    }
    const dataDir = path.resolve(root, rest);
    if (createDirs) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    return { kind: "pglite", dataDir };
  }

  throw new Error(
    `DATABASE_URL "${redact(value)}" is not supported: use postgresql://… (PostgreSQL) or pglite:<path> (embedded PGlite).`,
  );
}

/** The URL with any password replaced by ***, for messages. */
export function redact(url) {
  return String(url).replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}
