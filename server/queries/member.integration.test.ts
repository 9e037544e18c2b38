/** Round trip of the member queries on a real database. */
import { describe, expect, it } from "vitest";
import { isTimeZoneKnownToDb } from "@/server/queries/member";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "none" });

describe("member queries", () => {
  it("isTimeZoneKnownToDb knows IANA zones and refuses made-up ones", async () => {
    expect(await isTimeZoneKnownToDb(env.db, "America/New_York")).toBe(true);
    expect(await isTimeZoneKnownToDb(env.db, "UTC")).toBe(true);
    expect(await isTimeZoneKnownToDb(env.db, "Mars/Olympus_Mons")).toBe(false);
  });
});
