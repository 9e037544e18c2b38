#!/usr/bin/env node
// Backplan's stand-in for Prisma's native `schema-engine` binary.
//
// Why: the Prisma CLI (7.10) downloads a native schema-engine binary for every migrate command,
// which fails offline, and no npm package ships it. When PRISMA_SCHEMA_ENGINE_BINARY names an
// executable (prisma.config.ts points it here), the CLI runs that instead. This program hosts
// Prisma's own engine compiled to WebAssembly (@prisma/schema-engine-wasm) over a driver adapter
// chosen from the datasource URL: embedded PGlite (`pglite:<dir>`) or PostgreSQL (`postgresql://`).
// Facts and the six engine/adapter bugs handled here: /work/shared/docs/TOOLCHAIN.md, section
// "Prisma (the hard one)"; usage and tests: docs/MIGRATIONS.md.
//
// How the CLI talks to it (read from node_modules/prisma/build/cli.js):
//   schema-engine --version                  -> prints `schema-engine-cli <enginesVersion>`
//   schema-engine --datasource '{"url":…}' cli <can-connect-to-database|create-database|drop-database>
//       one-shot; exit 0 on success, else exit 1 with JSON log lines on stderr — the CLI skips
//       the first line and looks for {"level":"ERROR","target":"schema_engine::logger",
//       "fields":{"error_code":"P1003","message":…}}
//   schema-engine --datamodels <schema.prisma>… --datasource '{"url":…,"shadowDatabaseUrl"?:…}'
//       JSON-RPC 2.0 on stdin/stdout, one object per line; logs as JSON lines on stderr.
//       The CLI stops it by closing stdin and sending SIGTERM at once.
//
// The protocol is internal to Prisma: every Prisma package is pinned exactly in package.json and
// `node scripts/check-migrations.mjs` must pass after any upgrade.
import fs from "node:fs";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { parseDatabaseUrl, redact } from "./database-url.mjs";
import { serveJsonRpc } from "./json-rpc.mjs";
import { openPglite } from "./pglite-database.mjs";
import { acquirePgliteLock } from "./pglite-lock.mjs";
import * as postgres from "./postgres-database.mjs";
import { lastPanicMessage, loadSchemaEngineWasm } from "./wasm-engine.mjs";

// ─── Logging: stdout belongs to the protocol, stderr carries JSON log lines ────────────────────

const stdoutWrite = process.stdout.write.bind(process.stdout);
// SCHEMA_ENGINE_LOG_FILE=<path> also appends every log line there (the CLI hides stderr).
const logFile = process.env.SCHEMA_ENGINE_LOG_FILE;
const writeLog = (line) => {
  process.stderr.write(line);
  if (logFile) fs.appendFileSync(logFile, `[${process.pid}] ${line}`);
};
const log = (level, message, extra = {}) =>
  writeLog(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" })}\n`,
  );
// Libraries must not write plain text to stdout (protocol) or stderr (parsed as JSON by the CLI).
for (const [name, level] of [
  ["log", "INFO"],
  ["info", "INFO"],
  ["debug", "DEBUG"],
  ["warn", "WARN"],
  ["error", "ERROR"],
]) {
  console[name] = (...args) => log(level, args.map(String).join(" "));
}
process.removeAllListeners("warning");
process.on("warning", (w) => log("WARN", `${w.name}: ${w.message}`));
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, (error) => {
    log("ERROR", `${event}: ${error?.stack ?? error}`);
    process.exit(1);
  });
}

// ─── Arguments ────────────────────────────────────────────────────────────────────────────────

const args = { datamodels: [], datasource: {}, cli: null, version: false };
for (let argv = process.argv.slice(2), i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--version" || a === "-V") args.version = true;
  else if (a === "--datamodels") args.datamodels.push(argv[++i]);
  else if (a === "--datasource") args.datasource = JSON.parse(argv[++i]);
  else if (a === "cli") args.cli = argv[++i];
  else if (a === "--enabled-preview-features" || a === "--extension-types") i++; // not used by the WASM engine
}

if (args.version) {
  stdoutWrite(`schema-engine-cli ${enginesVersion()}\n`);
} else if (args.cli) {
  process.exitCode = await runCliCommand(args.cli, args.datasource.url);
} else {
  await serve();
}

// ─── One-shot commands ────────────────────────────────────────────────────────────────────────

async function runCliCommand(command, url) {
  log("INFO", `Starting schema engine CLI: ${command}`); // the CLI skips this first line
  try {
    const target = parseTarget(url);
    const isPglite = target.kind === "pglite";
    switch (command) {
      case "can-connect-to-database":
        // A missing PGlite directory is created on first open. Don't answer P1003 for it: the
        // CLI would then run create-database and fail parsing `pglite:` to print where it went.
        if (!isPglite) await postgres.canConnect(target.url);
        break;
      case "create-database":
        if (isPglite) {
          const db = openPglite(target);
          await db.exec("SELECT 1"); // initialises the cluster (from the cached template)
          await db.close();
        } else {
          await postgres.createDatabase(target.url);
        }
        log("INFO", "Database created successfully.");
        break;
      case "drop-database":
        if (isPglite) {
          const release = await acquirePgliteLock(target.dataDir);
          fs.rmSync(target.dataDir, { recursive: true, force: true });
          release();
        } else {
          await postgres.dropDatabase(target.url);
        }
        log("INFO", "The database was successfully dropped.");
        break;
      default:
        throw { errorCode: "P1000", message: `Unknown schema engine CLI command: ${command}` };
    }
    return 0;
  } catch (error) {
    log("ERROR", error.message ?? String(error), { error_code: error.errorCode ?? "P1001" });
    return 1;
  }
}

function parseTarget(url) {
  try {
    return parseDatabaseUrl(url);
  } catch (error) {
    throw { errorCode: "P1013", message: `The provided database string is invalid. ${error.message}` };
  }
}

// ─── JSON-RPC server ──────────────────────────────────────────────────────────────────────────

async function serve() {
  const url = args.datasource.url;
  const target = parseTarget(url);
  const db = target.kind === "pglite" ? openPglite(target) : postgres.openPostgres(target, args.datasource);
  log(
    "INFO",
    `Schema engine stand-in on ${target.kind} ${target.kind === "pglite" ? target.dataDir : redact(target.url)}`,
  );

  const datamodels = args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")]);
  // Errors thrown by our adapter code reach the engine as "External error id#N"; the registry
  // keeps the original so that the CLI can show its message (see rpcError).
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(db.factory);
  let enginePromise;
  const engine = () =>
    (enginePromise ??= loadSchemaEngineWasm().then(({ SchemaEngine }) =>
      SchemaEngine.new(
        { datamodels: datamodels.length ? datamodels : undefined },
        (line) => writeLog(line.endsWith("\n") ? line : `${line}\n`),
        adapterFactory,
      ),
    ));

  const handlers = {
    // The CLI's name vs. the WASM engine's.
    getDatabaseVersion: async (params) => (await engine()).version(params),

    // Not in the WASM engine (it only sees an adapter): done here, as the native binary does.
    createDatabase: async () => {
      if (target.kind === "postgres") return { databaseName: await postgres.createDatabase(target.url) };
      await db.exec("SELECT 1");
      return { databaseName: target.dataDir };
    },

    // Bug 3: `reset` does nothing through an adapter. Drop and recreate the schemas instead.
    reset: async () => {
      const schemas = new Set([db.defaultSchema ?? "public", ...datasourceSchemas(datamodels)]);
      const sql = [...schemas].map((s) => `DROP SCHEMA IF EXISTS "${s}" CASCADE; CREATE SCHEMA "${s}";`).join("\n");
      await db.exec(sql);
      return {};
    },

    // Bug 4: `diff` returns its text instead of asking the CLI to print it. Ask the CLI ourselves
    // (it writes it to stdout or to --output), then answer like the native engine.
    diff: async (params) => {
      const { exitCode, stdout } = await (await engine()).diff(params);
      if (stdout) await rpc.request("print", { content: stdout.replace(/\n$/, "") });
      return { exitCode, stdout: null };
    },

    getDatabaseDescription: async () => {
      throw new Error("getDatabaseDescription is not supported by the WASM schema engine.");
    },
  };

  const handle = async (method, params) => {
    const started = Date.now();
    try {
      if (handlers[method]) return await handlers[method](params);
      const e = await engine();
      if (typeof e[method] !== "function") {
        throw { code: -32601, message: `Method not found: ${method}` };
      }
      const filters = params?.filters ?? { externalTables: [], externalEnums: [] };
      for (let attempt = 1; ; attempt++) {
        try {
          return await e[method](params);
        } catch (error) {
          if (attempt > 2 || !params?.migrationsList) throw error;
          if (isMissingMigrationsTable(error)) {
            // Bug 1: a missing _prisma_migrations table raises P1014 instead of meaning "nothing
            // applied yet". Applying an empty migration list makes the engine create the table.
            log("INFO", `${method}: creating the _prisma_migrations table, then retrying`);
            await e.applyMigrations({
              migrationsList: { ...params.migrationsList, migrationDirectories: [] },
              filters,
            });
          } else if (needsShadowSchemaCache(error)) {
            // Bug 7: evaluateDataLoss and createMigration get no adapter factory, so they can only
            // use the migrations' schema that devDiagnostic cached, and it cached the *applied*
            // migrations. When `migrate dev` has just applied pending ones, they fail with "shadow DB
            // must be provided through an external factory". Diagnosing the history (which may use
            // a shadow database) caches the schema of the now fully applied list.
            log("INFO", `${method}: computing the migrations' schema on a shadow database, then retrying`);
            await e.diagnoseMigrationHistory({
              migrationsList: params.migrationsList,
              optInToShadowDatabase: true,
              filters,
            });
          } else {
            throw error;
          }
        }
      }
    } catch (error) {
      const external = /External error id#(\d+)/.exec(error?.message ?? "");
      const original = external && adapterFactory.errorRegistry.consumeError(Number(external[1]))?.error;
      if (original) error.message = `${error.message.replace(external[0], original.message ?? String(original))}`;
      log("INFO", `${method} failed after ${Date.now() - started} ms: ${error?.message ?? safeJson(error)}`);
      throw rpcError(error);
    } finally {
      log("DEBUG", `${method} took ${Date.now() - started} ms`);
    }
  };

  let closing;
  const shutdown = () =>
    (closing ??= (async () => {
      await db.close().catch((error) => log("WARN", `closing the database: ${error.message}`));
      process.exit(0);
    })());
  const rpc = serveJsonRpc(handle, { write: stdoutWrite, onEnd: shutdown });
  process.stdout.on("error", shutdown); // EPIPE: the CLI is gone
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

/** `schemas = ["a", "b"]` in the datasource block (multiSchema), if any. */
function datasourceSchemas(datamodels) {
  const names = [];
  for (const [, text] of datamodels) {
    const block = /datasource\s+\w+\s*\{([^}]*)\}/.exec(text)?.[1] ?? "";
    const list = /\bschemas\s*=\s*\[([^\]]*)\]/.exec(block)?.[1] ?? "";
    names.push(...[...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
  }
  return names;
}

function needsShadowSchemaCache(error) {
  return /shadow DB must be provided through an external factory/.test(error?.message ?? "");
}

function isMissingMigrationsTable(error) {
  const text = `${error?.error_code ?? ""} ${error?.errorCode ?? ""} ${error?.message ?? ""} ${safeJson(error)}`;
  return text.includes("P1014") && text.includes("_prisma_migrations");
}

/**
 * Shape an error as the native engine's JSON-RPC error, which the CLI reads as
 * error.data.{is_panic, message, error_code, meta}.
 */
function rpcError(error) {
  if (typeof error?.code === "number" && !error.data) return error; // already a JSON-RPC error
  if (error instanceof WebAssembly.RuntimeError) {
    const message = `The schema engine panicked: ${lastPanicMessage() ?? error.message}`;
    return { code: 4466, message, data: { is_panic: true, message, backtrace: error.stack } };
  }
  const known = typeof error === "object" && error !== null ? error : { message: String(error) };
  const errorCode = known.error_code ?? known.errorCode ?? known.code;
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: Boolean(known.is_panic),
      message: known.message ?? safeJson(known),
      ...(known.meta ? { meta: known.meta } : {}),
      ...(typeof errorCode === "string" && /^P\d{4}$/.test(errorCode) ? { error_code: errorCode } : {}),
    },
  };
}

function safeJson(value) {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

function enginesVersion() {
  const fromPrisma = createRequire(createRequire(import.meta.url).resolve("prisma/package.json"));
  const fromEngines = createRequire(fromPrisma.resolve("@prisma/engines/package.json"));
  return fromEngines("@prisma/engines-version/package.json").prisma.enginesVersion;
}
