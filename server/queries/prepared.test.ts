import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { MAX_NAMES, prepared, statementName } from "./prepared";

const text = (sql: Prisma.Sql) => ({ sql: sql.text });

describe("prepared statements", () => {
  it("names a wrapped statement by its text: the same text the same name, another text another name", () => {
    const a = prepared(Prisma.sql`SELECT ${1}::int AS one`);
    const again = prepared(Prisma.sql`SELECT ${2}::int AS one`);
    const other = prepared(Prisma.sql`SELECT ${1}::int AS two`);
    expect(statementName(text(a))).toMatch(/^bp_[0-9a-f]{24}$/);
    // The values are parameters: they never change the name.
    expect(statementName(text(again))).toBe(statementName(text(a)));
    expect(statementName(text(other))).not.toBe(statementName(text(a)));
    expect(again.values).toEqual([2]);
  });

  it("leaves every statement it did not wrap unnamed", () => {
    expect(statementName(text(Prisma.sql`SELECT ${1}::int AS one`))).toBe("");
    // Only a leading mark counts: a statement that merely contains a wrapped one is not named.
    expect(statementName(text(Prisma.sql`SELECT * FROM (${prepared(Prisma.sql`SELECT 1`)}) x`))).toBe("");
  });

  it(`names at most ${MAX_NAMES} texts in a process, then sends new texts unnamed (known texts keep their names)`, () => {
    const first = statementName(text(prepared(Prisma.sql`SELECT 'first'`)));
    const names = Array.from({ length: MAX_NAMES + 10 }, (_, i) =>
      statementName(text(prepared(Prisma.sql`SELECT ${Prisma.raw(String(i))} AS n`))),
    );
    expect(names.filter((n) => n === "").length).toBeGreaterThanOrEqual(10);
    expect(new Set(names.filter((n) => n !== "")).size).toBe(names.filter((n) => n !== "").length);
    expect(statementName(text(prepared(Prisma.sql`SELECT 'first'`)))).toBe(first);
  });
});
