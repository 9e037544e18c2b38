import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { clientAddress, hitRateLimit } from "./rate-limit";

const env = setUpTestDatabase({ tree: "none" });

describe("hitRateLimit", () => {
  const rule = { limit: 3, windowSeconds: 60 };

  it("allows up to the limit in a window, then refuses with the time to wait", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push(await hitRateLimit(env.db, "t:a", rule, new Date(now.getTime() + i * 1000)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5]);
    expect(results[4]!.retryAfterSeconds).toBe(56);
  });

  it("restarts the count when the window has passed", async () => {
    const now = new Date("2026-11-23T11:00:00Z");
    for (let i = 0; i < 4; i++) await hitRateLimit(env.db, "t:b", rule, now);
    const later = await hitRateLimit(env.db, "t:b", rule, new Date(now.getTime() + 61_000));
    expect(later).toEqual({ allowed: true, count: 1, retryAfterSeconds: 60 });
  });

  it("keeps keys apart and counts concurrent hits exactly", async () => {
    const now = new Date("2026-11-23T12:00:00Z");
    const hits = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit(env.db, "t:c", rule, now)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(hits.filter((h) => h.allowed)).toHaveLength(3);
    expect((await hitRateLimit(env.db, "t:d", rule, now)).count).toBe(1);
  });
});

describe("clientAddress", () => {
  it("takes the first forwarded hop, then x-real-ip, else unknown", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" })).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});
