-- Issue 21: a change that moves many members (publish, a whole-team re-plan) records the goal's split before and
-- after it (8 bytes a member slot, as GoalSplit.split) instead of five 100,000-element arrays of ids and numbers:
-- the write copies bytes it already has (the arrays took ~270 ms to build, send and store at 100,000 members).
-- Rows written before keep their arrays; the history reads both. Uncompressed (STORAGE EXTERNAL): one member's
-- 8 bytes are read with substring, which then fetches a single TOAST chunk.
ALTER TABLE "TargetChange" ADD COLUMN "splitBefore" BYTEA, ADD COLUMN "splitAfter" BYTEA;
ALTER TABLE "TargetChange" ALTER COLUMN "splitBefore" SET STORAGE EXTERNAL, ALTER COLUMN "splitAfter" SET STORAGE EXTERNAL;
