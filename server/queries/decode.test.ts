import { describe, expect, it } from "vitest";
import { z } from "zod";
import { col, mappedRows, RowShapeError, zcol, zodRows } from "./decode";

describe("row decoders", () => {
  const schema = z.object({ id: z.string(), total: zcol.int, day: zcol.date });
  const mapper = (r: Record<string, unknown>) => ({
    id: col.string(r, "id"),
    total: col.int(r, "total"),
    day: col.date(r, "day"),
  });
  const good = [{ id: "a", total: 12n, day: new Date("2027-03-17T00:00:00.000Z") }];

  it("decodes good rows, bigint sums narrowed to numbers, with both kinds", () => {
    for (const decoder of [zodRows("q", schema), mappedRows("q", mapper)]) {
      expect(decoder.decode(good)).toEqual([{ id: "a", total: 12, day: new Date("2027-03-17T00:00:00.000Z") }]);
    }
  });

  it("names the query and the column when a column is renamed or retyped", () => {
    const renamed = [{ identifier: "a", total: 1, day: new Date(0) }];
    for (const decoder of [zodRows("list things", schema), mappedRows("list things", mapper)]) {
      expect(() => decoder.decode(renamed)).toThrow(RowShapeError);
      expect(() => decoder.decode(renamed)).toThrow(/list things/);
    }
    expect(() => mappedRows("q", mapper).decode([{ id: "a", total: "1.5", day: new Date(0) }])).toThrow(/"total"/);
    expect(() => zodRows("q", schema).decode([{ id: "a", total: 2n ** 60n, day: new Date(0) }])).toThrow(
      /safe integer/,
    );
  });

  it("reads a bytea column as bytes and refuses anything else", () => {
    const split = Buffer.from([0, 0, 0, 7, 0, 0, 0, 9]);
    const read = mappedRows("split", (r) => ({ split: col.bytes(r, "split") }));
    expect([...read.decode([{ split }])[0]!.split]).toEqual([0, 0, 0, 7, 0, 0, 0, 9]);
    expect(() => read.decode([{ split: "\\x0000000700000009" }])).toThrow(/"split".*expected bytes/);
  });
});
