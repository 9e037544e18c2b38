/**
 * The job list (server/jobs/jobs.ts) and defineJob's checks: what the engine relies on before it starts.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "./define-job";
import { JOBS } from "./jobs";

describe("JOBS", () => {
  it("has one definition per name, each a valid name", () => {
    const names = JOBS.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it("schedules in 5-field cron, with data the schedule can send ({})", () => {
    for (const job of JOBS.filter((j) => j.schedule)) {
      expect(job.schedule!.cron.trim().split(/\s+/), job.name).toHaveLength(5);
      expect(job.schema.safeParse({}).success, `${job.name}'s schema must accept {}`).toBe(true);
    }
  });

  it("includes the daily reminders every 5 minutes (the old external cron is gone)", () => {
    expect(JOBS.find((job) => job.name === "reminders.tick")?.schedule?.cron).toBe("*/5 * * * *");
  });
});

describe("defineJob", () => {
  const base = { schema: z.object({}), handler: async () => {} };
  it("returns the definition", () => {
    const def = defineJob({ name: "a.b-c_d", ...base, retryLimit: 0 });
    expect(def.name).toBe("a.b-c_d");
  });
  it("refuses a bad name or retry limit", () => {
    expect(() => defineJob({ name: "has space", ...base })).toThrow(/letters, digits/);
    expect(() => defineJob({ name: "ok", ...base, retryLimit: -1 })).toThrow(/retryLimit/);
    expect(() => defineJob({ name: "ok", ...base, retryLimit: 1.5 })).toThrow(/retryLimit/);
  });
});
