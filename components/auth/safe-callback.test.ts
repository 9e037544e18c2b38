import { describe, expect, it } from "vitest";
import { safeCallbackUrl, sameOriginRedirect, sameSitePath } from "./safe-callback";

const HOSTILE = [
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  "/\\evil.com",
  "/\\/evil.com",
  "\\\\evil.com",
  "//evil.com",
  "///evil.com",
  "https://evil.com",
  "http:evil.com",
  "java\nscript:alert(1)",
  "javascript:alert(1)",
  " /\t/evil.com",
  "/\u0000/evil.com",
  "/\u0085/evil.com",
  "/%09/evil.com/..", // decoded by nobody: stays a path of this site, checked below
  "",
];

describe("safeCallbackUrl", () => {
  it("refuses every way out of the origin", () => {
    for (const value of HOSTILE) {
      const result = safeCallbackUrl(value, "/teams");
      // Whatever comes back, a browser resolving it against this site stays on this site.
      expect(new URL(result, "https://backplan.example").origin, JSON.stringify(value)).toBe(
        "https://backplan.example",
      );
      expect(result.startsWith("//"), JSON.stringify(value)).toBe(false);
      expect(/[\u0000-\u001f\\]/.test(result), JSON.stringify(value)).toBe(false);
    }
    expect(safeCallbackUrl("/\t/evil.com", "/teams")).toBe("/teams");
    expect(safeCallbackUrl("/\\evil.com", "/teams")).toBe("/teams");
    expect(safeCallbackUrl("//evil.com", "/teams")).toBe("/teams");
    expect(safeCallbackUrl("https://evil.com", "/teams")).toBe("/teams");
    expect(safeCallbackUrl("java\nscript:alert(1)", "/teams")).toBe("/teams");
  });

  it("keeps same-site paths with their query and hash", () => {
    expect(safeCallbackUrl("/acme/log?day=2026-11-23#top")).toBe("/acme/log?day=2026-11-23#top");
    expect(safeCallbackUrl("/join/abc")).toBe("/join/abc");
    expect(sameSitePath("/a/../b")).toBe("/b");
  });
});

describe("sameOriginRedirect (next-auth's redirect callback)", () => {
  const base = "https://backplan.example";
  it("sends hostile callback URLs home", () => {
    for (const value of [
      ...HOSTILE,
      "https://backplan.example.evil.com/x",
      "https://evil.com/https://backplan.example",
    ]) {
      const result = sameOriginRedirect(value, base);
      expect(new URL(result).origin, JSON.stringify(value)).toBe(base);
      expect(/[\u0000-\u001f\\]/.test(result), JSON.stringify(value)).toBe(false);
    }
    expect(sameOriginRedirect("/\t/evil.com", base)).toBe(base);
    expect(sameOriginRedirect("https://backplan.example/\t/evil.com", base)).toBe(base);
  });

  it("follows paths and URLs of this origin", () => {
    expect(sameOriginRedirect("/acme/log", base)).toBe(`${base}/acme/log`);
    expect(sameOriginRedirect(`${base}/teams?x=1`, base)).toBe(`${base}/teams?x=1`);
  });
});
