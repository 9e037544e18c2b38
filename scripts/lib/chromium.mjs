// Finds a Chromium for Playwright: CHROMIUM_PATH, Debian's /usr/bin/chromium, or one on PATH. As root on a
// Debian machine without it, installs Debian's package; otherwise explains how to get one.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function onPath(name) {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", onPath("chromium"), onPath("chromium-browser")];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && onPath("apt-get")) {
    console.info("▸ Chromium not found: installing Debian's chromium package (apt-get)…");
    execFileSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], {
      stdio: "inherit",
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install Debian's package (sudo apt-get install -y chromium) " +
      "or point CHROMIUM_PATH at a Chromium/Chrome binary. (`npx playwright install` cannot download browsers here.)",
  );
}
