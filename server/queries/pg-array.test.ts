import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pgIntArray, pgTextArray } from "./pg-array";

/** PostgreSQL's array literal grammar, enough to read back what pgTextArray writes. */
function parseTextArray(lit: string): (string | null)[] {
  const out: (string | null)[] = [];
  let i = 1;
  if (lit === "{}") return out;
  while (i < lit.length) {
    if (lit[i] === '"') {
      let s = "";
      i++;
      while (lit[i] !== '"') {
        if (lit[i] === "\\") i++;
        s += lit[i];
        i++;
      }
      out.push(s);
      i += 2;
    } else {
      const end = lit.indexOf(",", i) === -1 ? lit.length - 1 : lit.indexOf(",", i);
      expect(lit.slice(i, end)).toBe("NULL");
      out.push(null);
      i = end + 1;
    }
  }
  return out;
}

describe("PostgreSQL array literals", () => {
  it("writes ids, quotes and backslashes, nulls and integers", () => {
    expect(pgTextArray(["a", 'say "hi"', "back\\slash", null])).toBe('{"a","say \\"hi\\"","back\\\\slash",NULL}');
    expect(pgIntArray([1, -2, null, 0])).toBe("{1,-2,NULL,0}");
    expect(pgTextArray([])).toBe("{}");
    expect(() => pgIntArray([1.5])).toThrow("Not an integer");
  });

  it("reads back any strings exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string(), { nil: null })), (xs) => {
        expect(parseTextArray(pgTextArray(xs))).toEqual(xs);
      }),
    );
  });
});
