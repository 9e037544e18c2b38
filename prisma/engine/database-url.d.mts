/** Where the database lives, parsed from DATABASE_URL. See database-url.mjs. */
export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface ParseDatabaseUrlOptions {
  /** Base for relative `pglite:` paths. Default: PROJECT_ROOT. */
  root?: string;
  /** Create the PGlite data directory's missing parent folders. Default: true. */
  createDirs?: boolean;
}

export declare const PGLITE_SCHEME: "pglite:";
/** `pglite:./.data/pglite`: used when DATABASE_URL is unset or empty. */
export declare const DEFAULT_DATABASE_URL: string;
/** Absolute path of the repository root. */
export declare const PROJECT_ROOT: string;

/** Parse `url` (default `process.env.DATABASE_URL`). Throws on an unsupported scheme. */
export declare function parseDatabaseUrl(url?: string | undefined, options?: ParseDatabaseUrlOptions): DatabaseTarget;

/** The URL with its password masked, for log and error messages. */
export declare function redact(url: string): string;
