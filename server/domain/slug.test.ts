import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstFreeSlug, RESERVED_SLUGS, slugify } from "./slug";

describe("slugify", () => {
  it("turns names into url segments", () => {
    expect(slugify("North Star Team")).toBe("north-star-team");
    expect(slugify("  Équipe Zoë  ")).toBe("equipe-zoe");
    expect(slugify("!!")).toBe("team");
    expect(slugify("AB")).toBe("team-ab");
    expect(slugify("Join")).toBe("join-team");
  });

  it("always returns a valid, non-reserved slug", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const slug = slugify(name);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeGreaterThanOrEqual(3);
        expect(slug.length).toBeLessThanOrEqual(40);
        expect(RESERVED_SLUGS.has(slug)).toBe(false);
      }),
    );
  });
});

describe("firstFreeSlug", () => {
  it("adds the first free numeric suffix", () => {
    expect(firstFreeSlug("acme", new Set())).toBe("acme");
    expect(firstFreeSlug("acme", new Set(["acme", "acme-2"]))).toBe("acme-3");
  });
});
