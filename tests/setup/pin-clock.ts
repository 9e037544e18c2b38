/**
 * Integration tests never read the real date: every test file starts with the clock pinned at `TEST_NOW` (ticking
 * from there), so the suite gives the same results on a Sunday night, on 31 December or under faketime. A test
 * about a particular day pins its own instant with `pinClock` (server/clock.ts) — for the whole file in `beforeAll`,
 * or for one test with `atInstant` (tests/clock.ts), which puts the file's instant back afterwards.
 */
import { pinClock } from "@/server/clock";
import { TEST_NOW } from "@/tests/clock";

pinClock(TEST_NOW);
