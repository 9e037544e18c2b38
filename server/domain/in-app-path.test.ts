import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInAppPath } from "./in-app-path";

const ORIGIN = "https://app.example";

describe("isInAppPath", () => {
  it("every accepted link stays on the app's own origin", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (url) => {
        if (isInAppPath(url)) expect(new URL(url, ORIGIN).origin).toBe(ORIGIN);
      }),
    );
  });

  it("accepts the app's paths, with query and fragment", () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), segment, (parts, q) => {
        expect(isInAppPath(`/${parts.join("/")}?goal=${q}#proposals-heading`)).toBe(true);
      }),
    );
  });

  it("refuses outside addresses and look-alikes", () => {
    for (const url of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "dashboard",
      "",
      "/a b",
      "/a\nb",
      `/${"a".repeat(2000)}`,
    ])
      expect(isInAppPath(url), url).toBe(false);
  });
});
