// A PGlite data directory may be opened by one process at a time (PGlite is Postgres in
// single-user mode, without postmaster.pid locking). Two processes writing it corrupt it.
// The Prisma CLI ends a schema engine by closing its stdin and sending SIGTERM straight away,
// then may start the next engine at once, so the previous one can still be closing PGlite.
// `<dataDir>.lock` holds the pid of the process that has the directory open; others wait for it.
import fs from "node:fs";

/**
 * Wait until no live process holds `<dataDir>.lock`, then take it.
 * @returns {() => void} release function (idempotent; also runs on process exit).
 */
export async function acquirePgliteLock(dataDir, { timeoutMs = 30_000 } = {}) {
  const lockFile = `${dataDir}.lock`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const holder = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
      const justCreated = Number.isNaN(holder) && Date.now() - fs.statSync(lockFile).mtimeMs < 2000;
      if (!justCreated && !isAlive(holder)) {
        fs.rmSync(lockFile, { force: true }); // stale: its process died
        continue;
      }
      if (Date.now() > deadline) {
        throw Object.assign(
          new Error(
            `The PGlite database at ${dataDir} is in use by process ${holder} (a dev server, a test run?). ` +
              `Stop it and retry; if no such process exists, delete ${lockFile}.`,
          ),
          { code: "PGLITE_LOCKED" },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.rmSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.on("exit", release);
  return release;
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
