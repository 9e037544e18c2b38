import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { clientAddress, hitRateLimit, refundRateLimit, trustedProxyList, UNKNOWN_ADDRESS } from "./rate-limit";

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
    expect(later).toEqual({
      allowed: true,
      count: 1,
      retryAfterSeconds: 60,
      windowStart: new Date(now.getTime() + 61_000),
    });
  });

  it("keeps keys apart and counts concurrent hits exactly", async () => {
    const now = new Date("2026-11-23T12:00:00Z");
    const hits = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit(env.db, "t:c", rule, now)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(hits.filter((h) => h.allowed)).toHaveLength(3);
    expect((await hitRateLimit(env.db, "t:d", rule, now)).count).toBe(1);
  });

  it("takes a hit back in its own window only", async () => {
    const now = new Date("2026-11-23T13:00:00Z");
    const first = await hitRateLimit(env.db, "t:e", rule, now);
    await refundRateLimit(env.db, "t:e", first);
    expect((await hitRateLimit(env.db, "t:e", rule, now)).count).toBe(1);
    // After the window restarted, an old hit's refund does not touch the new window.
    const later = new Date(now.getTime() + 61_000);
    expect((await hitRateLimit(env.db, "t:e", rule, later)).count).toBe(1);
    await refundRateLimit(env.db, "t:e", first);
    expect((await hitRateLimit(env.db, "t:e", rule, later)).count).toBe(2);
  });
});

describe("clientAddress", () => {
  const proxies = trustedProxyList(["10.0.0.0/8", "192.168.1.10", "fd00::/8"]);

  it("believes no forwarded address without trusted proxies (a client can send any X-Forwarded-For)", () => {
    const none = trustedProxyList([]);
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, none)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }), none)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.2" }), proxies)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(undefined, proxies)).toBe(UNKNOWN_ADDRESS);
  });

  it("walks X-Forwarded-For from the right, past trusted proxies, to the first address they did not vouch for", () => {
    // The client forged "1.2.3.4"; the edge proxy appended the real peer, an internal hop appended the edge.
    const forged = { "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.1.2.3" };
    expect(clientAddress(forged, proxies)).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7, 192.168.1.10" }), proxies)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "2001:db8::5, fd12::1" }, proxies)).toBe("2001:db8::5");
    expect(clientAddress({ "x-forwarded-for": "[2001:db8::5]:443, 10.0.0.2:8080" }, proxies)).toBe("2001:db8::5");
    expect(clientAddress({ "x-forwarded-for": "::ffff:198.51.100.9" }, proxies)).toBe("198.51.100.9");
    // Rotating the forged part changes nothing.
    expect(clientAddress({ "x-forwarded-for": "9.9.9.9, 203.0.113.7, 10.1.2.3" }, proxies)).toBe("203.0.113.7");
  });

  it("names no client when every hop is a proxy or a hop is not an address", () => {
    expect(clientAddress({ "x-forwarded-for": "10.0.0.1, 10.0.0.2" }, proxies)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress({ "x-forwarded-for": "evil, 10.0.0.2" }, proxies)).toBe(UNKNOWN_ADDRESS);
  });

  it("refuses a malformed TRUSTED_PROXIES entry", () => {
    expect(() => trustedProxyList(["10.0.0.0/8", "not-an-ip"])).toThrow(/TRUSTED_PROXIES/);
  });
});
