/** Round trip of the rate-limit upsert on a real database: the counter and its window as decoded. */
import { describe, expect, it } from "vitest";
import { countRateLimitHit } from "@/server/queries/security";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "none" });

describe("security queries", () => {
  it("countRateLimitHit counts within a window and restarts after it", async () => {
    const t0 = new Date("2026-11-23T10:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const hit = (s: number) => countRateLimitHit(env.db, { key: "rt:a", now: at(s), windowStartMin: at(s - 60) });
    expect(await hit(0)).toEqual({ count: 1, windowStart: t0 });
    expect(await hit(10)).toEqual({ count: 2, windowStart: t0 });
    expect(await hit(61)).toEqual({ count: 1, windowStart: at(61) });
  });
});
