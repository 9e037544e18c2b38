// @ts-check
import { withSerwist } from "@serwist/turbopack";

const isProduction = process.env.NODE_ENV === "production";
/**
 * A benchmark build (`BACKPLAN_BENCH=1 next build`, made by scripts/lib/build.mjs for the benchmarks and the soak)
 * also holds the routes in `*.bench.ts` files (app/api/bench/ping, app/api/diagnostics/memory); a normal build
 * does not see them at all.
 */
const benchBuild = process.env.BACKPLAN_BENCH === "1";

/**
 * Content-Security-Policy. Next's bootstrap scripts and styles are inline, hence 'unsafe-inline' for those;
 * everything else is same-origin only, and nobody may frame the app (clickjacking).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Security headers on every response (tested in e2e/security.spec.ts). */
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers ignore HSTS over plain http (localhost), so it is safe to always send in production.
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  pageExtensions: [...(benchBuild ? ["bench.ts"] : []), "tsx", "ts", "jsx", "js"],
  // Native and WASM database/crypto packages run from node_modules, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
    "@node-rs/argon2",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: securityHeaders,
      },
    ];
  },
};

// withSerwist: esbuild (which bundles the service worker, app/serwist/[path]/route.ts) stays outside the server bundle.
export default withSerwist(nextConfig);
