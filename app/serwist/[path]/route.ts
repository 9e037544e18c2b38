/**
 * /serwist/sw.js (and its source map): the service worker of app/serwist/sw.ts, bundled by @serwist/turbopack with
 * esbuild when `next build` prerenders this route, with the precache manifest (the 192 px icon and the web app
 * manifest, versioned by content) injected. Registered with scope "/" (Service-Worker-Allowed) by
 * components/log/service-worker.tsx.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createSerwistRoute } from "@serwist/turbopack";

/** The manifest's version: its source's content (app/manifest.ts). */
const manifestRevision = createHash("sha256")
  .update(readFileSync(path.join(process.cwd(), "app", "manifest.ts")))
  .digest("hex")
  .slice(0, 16);

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/serwist/sw.ts",
  // The esbuild binary npm installs (the default, esbuild-wasm, is not a dependency here).
  useNativeEsbuild: true,
  // Nothing of .next/static: scripts are cached as pages use them, not all at install (phones, data plans).
  globPatterns: ["public/icons/icon-192.png"],
  additionalPrecacheEntries: [{ url: "/manifest.webmanifest", revision: manifestRevision }],
});
