// Stands in for `server-only` when server code runs under Vitest or tsx, outside Next.js.
export {};
