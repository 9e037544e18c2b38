/**
 * Most procedure calls one HTTP request may batch. The server refuses a larger batch with a 400 before running any
 * of it (app/api/trpc/[trpc]/handler.ts, tRPC's `maxBatchSize`); the browser client splits its batches to fit
 * (trpc/react.tsx, httpBatchLink `maxItems`). With `entry.log` taking at most 200 entries a call, one request stores
 * at most 20 × 200 entries.
 */
export const MAX_TRPC_BATCH = 20;
