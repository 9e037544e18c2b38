// Embedded PGlite behind Prisma's driver-adapter interface, for the schema engine.
// Works around (see docs/MIGRATIONS.md and shared TOOLCHAIN.md, "Prisma (the hard one)"):
//  - bug 2: the engine replays a whole migration.sql through executeRaw as one prepared statement
//    ("cannot insert multiple commands into a prepared statement"): parameterless executeRaw runs
//    as a script (simple query protocol) instead;
//  - pglite-prisma-adapter 0.7.2's executeScript does not await PGlite's exec (errors are lost and
//    ordering is luck): awaited here;
//  - its shadow database (`memory://shadow`) is never closed and costs a 4-5 s initdb each time:
//    shadow databases here are loaded from a cached fresh-cluster tarball (<1 s) and closed after.
// PGlite is one connection per data directory and has no locking of its own, so the data
// directory is locked (pglite-lock.mjs) while this process has it open.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquirePgliteLock } from "./pglite-lock.mjs";
import { PROJECT_ROOT } from "./database-url.mjs";

/**
 * @param {{ dataDir: string }} target
 * @returns the database handle used by the stand-in: adapter factory, raw exec, close.
 */
export function openPglite(target) {
  let main; // Promise<PGlite>, opened on first use
  let release = () => {};
  const shadows = new Set();

  const getMain = () =>
    (main ??= (async () => {
      release = await acquirePgliteLock(target.dataDir);
      const fresh = !fs.existsSync(target.dataDir) || fs.readdirSync(target.dataDir).length === 0;
      const db = new PGlite({
        dataDir: target.dataDir,
        ...(fresh ? { loadDataDir: await freshClusterTemplate() } : {}),
        ...(await sharedAssets()),
      });
      await db.waitReady;
      return db;
    })());

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pglite (backplan stand-in)",
    async connect() {
      const db = await getMain();
      const adapter = patchAdapter(await new PrismaPGlite(db).connect(), db);
      adapter.dispose = async () => {}; // the main instance lives until close()
      return adapter;
    },
    async connectToShadowDb() {
      const db = new PGlite({ loadDataDir: await freshClusterTemplate(), ...(await sharedAssets()) });
      await db.waitReady;
      shadows.add(db);
      const adapter = patchAdapter(await new PrismaPGlite(db).connect(), db);
      adapter.dispose = async () => {
        shadows.delete(db);
        await db.close();
      };
      return adapter;
    },
  };

  return {
    factory,
    /** Run SQL (several statements allowed) on the main database. */
    async exec(sql) {
      await (await getMain()).exec(sql);
    },
    async close() {
      for (const db of shadows) await db.close().catch(() => {});
      if (main) await (await main.catch(() => null))?.close().catch(() => {});
      release();
    },
  };
}

/** Fix the adapter's script handling (see the header). */
function patchAdapter(adapter, db) {
  const runScript = async (sql, on = db) => {
    try {
      const results = await on.exec(sql);
      return results.reduce((n, r) => n + (r.affectedRows ?? 0), 0);
    } catch (error) {
      adapter.onError(error); // throws the adapter's DriverAdapterError
    }
  };
  adapter.executeScript = async (script) => {
    await runScript(script);
  };
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = (query) => (query.args.length === 0 ? runScript(query.sql) : executeRaw(query));
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => {
    const tx = await startTransaction(...args);
    const txExecuteRaw = tx.executeRaw.bind(tx);
    tx.executeRaw = (query) => (query.args.length === 0 ? runScript(query.sql, tx.client) : txExecuteRaw(query));
    return tx;
  };
  return adapter;
}

/**
 * PGlite's compiled WebAssembly module and file-system bundle, loaded once per process and
 * shared by the main and the shadow instances (saves ~0.6 s per instance). Falls back to
 * PGlite's own loading if a future version moves the files.
 */
let assets;
function sharedAssets() {
  return (assets ??= (async () => {
    try {
      const dist = new URL(".", import.meta.resolve("@electric-sql/pglite"));
      return {
        pgliteWasmModule: await WebAssembly.compile(fs.readFileSync(new URL("pglite.wasm", dist))),
        fsBundle: new Blob([fs.readFileSync(new URL("pglite.data", dist))]),
      };
    } catch {
      return {};
    }
  })());
}

let template;
/**
 * A tarball of a freshly initialised PGlite cluster, cached on disk: creating a cluster runs initdb
 * (4-5 s on 2 cores), loading the tarball takes under a second.
 */
function freshClusterTemplate() {
  return (template ??= loadOrCreateTemplate());
}

async function loadOrCreateTemplate() {
  const version = pgliteVersion();
  const file = path.join(cacheDir(), `pglite-${version}-fresh-cluster.tar`);
  if (!fs.existsSync(file)) {
    const db = new PGlite();
    await db.waitReady;
    const dump = await db.dumpDataDir("none");
    await db.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: concurrent processes never read half a file
  }
  return new Blob([fs.readFileSync(file)]);
}

/** The installed @electric-sql/pglite version (its package.json is not exported). */
function pgliteVersion() {
  let dir = path.dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite")));
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      if (pkg.name === "@electric-sql/pglite") return pkg.version;
    }
  }
  return "unknown";
}

function cacheDir() {
  for (const dir of [
    path.join(PROJECT_ROOT, "node_modules", ".cache", "backplan-schema-engine"),
    path.join(os.tmpdir(), "backplan-schema-engine"),
  ]) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
      return dir;
    } catch {
      // try the next one
    }
  }
  throw new Error("No writable cache directory for the PGlite cluster template.");
}
