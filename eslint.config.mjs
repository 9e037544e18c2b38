// ESLint: Next.js core-web-vitals + TypeScript type-checked rules.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const clockRules = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message:
      "Read the current time from server/clock.ts (now(), todayIn(), teamToday(), memberToday()); tests pin it with pinClock().",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "Read the current time from server/clock.ts (nowMs()); measure elapsed time with performance.now().",
  },
];

const sqlRules = [
  {
    selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
    message: "Hand-written SQL lives in server/queries/<domain>.ts, its rows decoded through server/queries/decode.ts.",
  },
  {
    selector: "MemberExpression[object.name='Prisma'][property.name=/^(sql|raw|join)$/]",
    message: "Hand-written SQL lives in server/queries/<domain>.ts, its rows decoded through server/queries/decode.ts.",
  },
];

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // One clock (server/clock.ts): nothing on the server side reads the real time directly. Elapsed times use
  // performance.now(). The Prisma engine stand-in (prisma/engine) compares lock files' mtimes, which are real time.
  {
    files: [
      "server/**/*.ts",
      "prisma/**/*.ts",
      "prisma/**/*.mjs",
      "scripts/**/*.ts",
      "scripts/**/*.mjs",
      "app/**/*.ts",
      "app/**/*.tsx",
      "components/**/*.ts",
      "components/**/*.tsx",
      "tests/**/*.ts",
    ],
    ignores: ["server/clock.ts", "prisma/engine/**"],
    rules: { "no-restricted-syntax": ["error", ...clockRules] },
  },
  // A typed boundary around SQL: hand-written SQL lives only in server/queries/ (rows decoded by server/queries/decode.ts).
  // Tests, scripts and the seed may run SQL of their own. (Same rule key, so the clock's selectors are repeated here.)
  {
    files: ["server/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    ignores: ["server/clock.ts", "server/queries/**", "**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...clockRules, ...sqlRules] },
  },
  // Playwright fixtures receive a `use` callback that is not React's `use` hook.
  { files: ["e2e/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
];

export default config;
