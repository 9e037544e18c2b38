/**
 * Phone page weight of the Log page: first-load JavaScript (gzip) and a Lighthouse mobile run, against
 * `next start` (production build) signed in as a demo member. Prints figures; asserts nothing.
 *
 *   npm run bench:phone-weight -- [--port 3104] [--database postgresql://…/backplan_bench_web] [--as nina@demo.backplan.app] [--runs 3]
 *
 * First-load JS: the page is fetched with the member's session cookie; every <script src> of the HTML is fetched
 * and gzipped (level 9, as a CDN would serve it) and the sizes are summed — whatever the page is today.
 * The database is dropped and re-created: only names ending in `_bench_web` or starting with `backplan_bench` are
 * accepted (e.g. `phone_bench_web`), so a typo can never drop a real database.
 * Lighthouse: run only if the `lighthouse` package is installed (it is not a dependency: `npm i -D lighthouse`),
 * in Debian's Chromium (/usr/bin/chromium, --headless --no-sandbox), mobile form factor with its default throttling.
 */
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { openDatabase } from "../../server/db-client";
import { ensureAuthSecret } from "../lib/auth-secret.mjs";
import { buildIfStale } from "../lib/build.mjs";
import { projectRoot, recreateDatabase, redact, sessionCookie, startServer } from "./lib/bench-server";
import { numberFlag, stringFlag } from "./lib/stats";

const port = numberFlag("port", 3104);
const url =
  stringFlag("database") ??
  process.env.BENCH_DATABASE_URL ??
  "postgresql://postgres:postgres@127.0.0.1:5432/backplan_bench_web";
const email = stringFlag("as") ?? "nina@demo.backplan.app";
const lighthouseRuns = Math.max(1, numberFlag("runs", 1));
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Rough attribution of a chunk: libraries recognised by strings they leave in minified code. */
const MARKERS: [string, RegExp][] = [
  ["react-dom", /react-dom|__reactContainer/],
  ["next runtime", /__NEXT_|next-router|NEXT_REDIRECT/],
  ["react-query", /QueryClient/],
  ["tRPC", /TRPCClient|httpBatch/],
  ["superjson", /superjson/],
  ["radix", /radix/i],
  ["sonner", /sonner/],
  ["next-auth", /next-auth/],
  ["zod", /ZodError/],
  ["lucide", /lucide/],
  // Dexie's own code (the word alone also appears in the app's comments and messages about the device queue).
  ["dexie", /DatabaseClosedError/],
  ["recharts", /recharts/],
];
const contents = (code: string) => MARKERS.filter(([, re]) => re.test(code)).map(([name]) => name);

/** The phone bench drops only its own databases. */
const PHONE_BENCH_DATABASES = {
  pattern: /^(backplan_bench[a-z0-9_]*|[a-z0-9_]+_bench_web)$/,
  described: "the phone bench database is named backplan_bench… or …_bench_web",
};

interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null }>;
    runtimeError?: { code: string; message: string };
    audits: Record<string, { displayValue?: string; details?: { items?: Record<string, unknown>[] } }>;
  };
}

async function lighthouse(pageUrl: string, cookie: string): Promise<LighthouseResult | string> {
  // Optional packages, loaded by name so the project builds without them.
  const lighthouseName = "lighthouse";
  const launcherName = "chrome-launcher";
  let run: (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>;
  let launch: (options: Record<string, unknown>) => Promise<{ port: number; kill(): Promise<void> | void }>;
  try {
    run = ((await import(lighthouseName)) as { default: typeof run }).default;
    launch = ((await import(launcherName)) as { launch: typeof launch }).launch;
  } catch {
    return "not run: the `lighthouse` package is not installed (npm i -D lighthouse, which brings chrome-launcher)";
  }
  const chrome = await launch({ chromePath, chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const result = await run(pageUrl, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      formFactor: "mobile",
      extraHeaders: { Cookie: cookie },
    });
    return result ?? "Lighthouse returned no result";
  } finally {
    await chrome.kill();
  }
}

async function main() {
  const secret = ensureAuthSecret(projectRoot);
  await buildIfStale(projectRoot, { bench: true });
  console.info(`Re-creating ${redact(url)} with the demo team (prisma/seed.ts)…`);
  await recreateDatabase(url, PHONE_BENCH_DATABASES);
  const seed = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`prisma/seed.ts failed:\n${seed.stdout}\n${seed.stderr}`);

  const database = openDatabase(url);
  const member = await database.db.membership.findFirstOrThrow({
    where: { user: { email }, status: "ACTIVE" },
    select: { team: { select: { slug: true } }, user: { select: { id: true, name: true, email: true } } },
  });
  await database.close();
  const cookie = await sessionCookie(secret, member.user);
  // Another process on the port would answer the readiness check and be measured instead of this build.
  const busy = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" }).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Port ${port} is already in use by another server: choose a free one with --port`);
  const server = await startServer({ url, secret, port, name: "phone-weight" });
  const pageUrl = `${server.base}/${member.team.slug}/log`;
  try {
    const res = await fetch(pageUrl, { headers: { cookie }, redirect: "manual" });
    if (res.status !== 200)
      throw new Error(`GET ${pageUrl} answered ${res.status} ${res.headers.get("location") ?? ""}`);
    const html = await res.text();
    // <script nomodule> (Next's legacy polyfills) is never fetched by a browser that runs modules — every phone
    // this serves — so it is reported apart, not counted as first-load JavaScript.
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].flatMap(([tag]) => {
      const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
      return src ? [{ src, noModule: /\snomodule\b/i.test(tag) }] : [];
    });
    const sources = [...new Set(tags.filter((t) => !t.noModule).map((t) => t.src))];
    const legacy = [...new Set(tags.filter((t) => t.noModule).map((t) => t.src))];
    const chunks = await Promise.all(
      sources.map(async (src) => {
        const body = Buffer.from(await (await fetch(new URL(src, server.base))).arrayBuffer());
        return {
          src,
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
          has: contents(body.toString("utf8")),
        };
      }),
    );
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
    const htmlGzip = gzipSync(Buffer.from(html), { level: 9 }).length;
    const total = chunks.reduce((s, c) => s + c.gzip, 0);

    console.log(`\nPhone page weight — ${pageUrl.replace(server.base, "")} as ${email}\n`);
    for (const c of chunks.sort((a, b) => b.gzip - a.gzip))
      console.log(`  ${kb(c.gzip).padStart(9)} gzip ${kb(c.raw).padStart(10)} raw  ${c.src}  ${c.has.join(", ")}`);
    console.log(
      `\n  first-load JS: ${kb(total)} gzip in ${chunks.length} scripts (${kb(chunks.reduce((s, c) => s + c.raw, 0))} raw); target ≤ 120 KB`,
    );
    for (const src of legacy) {
      const body = Buffer.from(await (await fetch(new URL(src, server.base))).arrayBuffer());
      console.log(
        `  not counted: ${src} (nomodule polyfills, ${kb(gzipSync(body, { level: 9 }).length)} gzip; only browsers without ES modules load it)`,
      );
    }
    console.log(
      `  HTML: ${kb(htmlGzip)} gzip, of which inline scripts (RSC payload) ${kb(gzipSync(Buffer.from(inline), { level: 9 }).length)} gzip`,
    );

    // Lighthouse's performance score moves with the machine's load: --runs N repeats it and reports each run and
    // the run with the median score.
    const results: LighthouseResult[] = [];
    for (let run = 0; run < lighthouseRuns; run++) {
      const lh = await lighthouse(pageUrl, cookie);
      if (typeof lh === "string") {
        console.log(`  Lighthouse: ${lh}`);
        break;
      }
      const failed =
        lh.lhr.runtimeError ??
        (lh.lhr.categories.performance?.score == null
          ? { code: "NO_SCORE", message: "no performance score" }
          : undefined);
      if (failed) console.log(`  Lighthouse run ${run + 1} failed (${failed.code}: ${failed.message}) — not counted`);
      else results.push(lh);
    }
    const score = (lh: LighthouseResult, k: string) => Math.round((lh.lhr.categories[k]?.score ?? 0) * 100);
    const audit = (lh: LighthouseResult, k: string) => lh.lhr.audits[k]?.displayValue ?? "?";
    const line = (lh: LighthouseResult) =>
      `performance ${score(lh, "performance")}, accessibility ${score(lh, "accessibility")} — FCP ${audit(lh, "first-contentful-paint")}, LCP ${audit(lh, "largest-contentful-paint")}, TBT ${audit(lh, "total-blocking-time")}, CLS ${audit(lh, "cumulative-layout-shift")}`;
    if (results.length > 1)
      results.forEach((lh, i) => console.log(`  Lighthouse run ${i + 1} of the counted: ${line(lh)}`));
    const median = [...results].sort((x, y) => score(x, "performance") - score(y, "performance"))[
      Math.floor(results.length / 2)
    ];
    if (median) {
      console.log(
        `  Lighthouse mobile${results.length > 1 ? ` (median of ${results.length})` : ""}: ${line(median)} (targets: performance ≥ 95, accessibility 100)`,
      );
      // Where the blocking time comes from: main-thread time per script (Lighthouse's bootup-time audit).
      const boot = (median.lhr.audits["bootup-time"]?.details?.items ?? []) as {
        url: string;
        total: number;
        scripting: number;
      }[];
      console.log(
        `    main thread ${audit(median, "mainthread-work-breakdown")}, JS execution ${audit(median, "bootup-time")}; by script (ms, throttled):`,
      );
      for (const b of boot.slice(0, 5))
        console.log(
          `      ${String(Math.round(b.total)).padStart(6)} total ${String(Math.round(b.scripting)).padStart(6)} scripting  ${b.url.replace(server.base, "")}`,
        );
      // Every script the page fetched while Lighthouse watched — the first load and what it loads after (lazy chunks:
      // IndexedDB, the settings' forms, the lists below the fold): a figure that, unlike the score, does not move
      // with the machine's load.
      const requests = (median.lhr.audits["network-requests"]?.details?.items ?? []) as {
        url: string;
        resourceType?: string;
        resourceSize?: number;
      }[];
      const firstLoad = new Set(sources.map((src) => new URL(src, server.base).href));
      const scripts = requests.filter((r) => r.resourceType === "Script");
      const later = scripts.filter((r) => !firstLoad.has(r.url));
      // Raw (what the phone parses and runs; a chunk already in the browser's cache transfers nothing).
      const bytes = (list: typeof scripts) => list.reduce((sum, r) => sum + (r.resourceSize ?? 0), 0);
      console.log(
        `    scripts loaded during the run: ${kb(bytes(scripts))} raw in ${scripts.length} (after the first load: ${kb(bytes(later))} in ${later.length}${later.length > 0 ? `: ${later.map((r) => r.url.replace(server.base, "").replace("/_next/static/chunks/", "")).join(", ")}` : ""})`,
      );
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
