import { describe, expect, it } from "vitest";
import { movedPath } from "./moved-path";

describe("movedPath", () => {
  it("swaps the old slug for the new one and keeps the rest of the path and the query", () => {
    expect(movedPath("/acme", "acme", "north-star")).toBe("/north-star");
    expect(movedPath("/acme/plan/goals/g1", "acme", "north-star")).toBe("/north-star/plan/goals/g1");
    expect(movedPath("/acme/log?day=2027-01-04", "acme", "north-star")).toBe("/north-star/log?day=2027-01-04");
    expect(movedPath("/acme?tab=1", "acme", "north-star")).toBe("/north-star?tab=1");
  });

  it("never keeps a path that only starts like the old slug", () => {
    expect(movedPath("/acme-sales/plan", "acme", "north-star")).toBe("/north-star");
  });
});
