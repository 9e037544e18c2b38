import { describe, expect, it } from "vitest";
import { isKnownTimeZone, ZSetMyTimeZoneInput } from "./member";

describe("a member's time zone input", () => {
  it("takes IANA zone names the runtime knows, other spellings of a zone included", () => {
    for (const zone of [
      "Europe/London",
      "America/New_York",
      "America/Argentina/Buenos_Aires",
      "Etc/GMT+5",
      "UTC",
      "Asia/Kolkata",
      "Asia/Calcutta",
    ]) {
      expect(isKnownTimeZone(zone), zone).toBe(true);
    }
    for (const zone of Intl.supportedValuesOf("timeZone")) expect(isKnownTimeZone(zone), zone).toBe(true);
  });

  it("refuses offsets, abbreviations, unknown places and empty text with one sentence", () => {
    for (const zone of ["+05:30", "EST", "GMT+1", "Mars/Olympus_Mons", "", "Europe/", "../etc/passwd"]) {
      expect(isKnownTimeZone(zone), zone).toBe(false);
      const parsed = ZSetMyTimeZoneInput.safeParse({ timeZone: zone });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/^Choose a time zone such as Europe\/London/);
    }
    expect(ZSetMyTimeZoneInput.parse({ timeZone: null })).toEqual({ timeZone: null });
    expect(ZSetMyTimeZoneInput.parse({ timeZone: " Asia/Tokyo " })).toEqual({ timeZone: "Asia/Tokyo" });
  });
});
