/**
 * The columns of the big reads (server/queries/name-column.ts): an aggregated column splits into exactly one value a
 * member, an empty value included (a team of one's upline column is one empty value), or the read fails loudly.
 */
import { describe, expect, it } from "vitest";
import { NAME_SEPARATOR, splitColumn, splitNames } from "./name-column";

describe("splitColumn", () => {
  const what = { read: "test.read", column: "uplines" };

  it("splits one value a member, empty values included", () => {
    expect(splitColumn("a,,c", ",", 3, what)).toEqual(["a", "", "c"]);
    expect(splitColumn("", ",", 1, what)).toEqual([""]);
  });

  it("reads no members from no text", () => {
    expect(splitColumn(null, ",", 0, what)).toEqual([]);
    expect(splitColumn("", ",", 0, what)).toEqual([]);
  });

  it("refuses a column that does not line up with the members, naming the read and the column", () => {
    expect(() => splitColumn("a,b", ",", 3, what)).toThrow("test.read: 2 uplines for 3 members");
    expect(() => splitColumn(null, ",", 2, what)).toThrow("test.read: 1 uplines for 2 members");
  });
});

describe("splitNames", () => {
  it("splits names by the record separator, commas and quotes kept", () => {
    const text = ['Mo "A2", the second', "", "Ann"].join(NAME_SEPARATOR);
    expect(splitNames(text, 3, "test.read")).toEqual(['Mo "A2", the second', "", "Ann"]);
    expect(() => splitNames(text, 2, "test.read")).toThrow("test.read: 3 names for 2 members");
  });
});
