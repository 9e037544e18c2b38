/**
 * Bad input never causes an internal error or a partial write. Every procedure of the real router (read from the
 * router, so new ones are covered automatically) is called as the team owner with generated bad input — wrong
 * types, huge strings and numbers, negative and fractional amounts, impossible dates, unknown ids and ids from
 * another team — one field at a time, at any depth (`entries[0].day`, `change.deadline`, every option of a union), on
 * top of an otherwise plausible input. Each call must either succeed or answer with a 4xx-class tRPC error and a
 * short, human message; a failed call must leave every table as it was.
 *
 * Some values must never be accepted at all (no silent change): an impossible date ("2027-02-30", month 13) in any
 * date field, and a control character in any text (names, notes, metric names, CSV…). Those calls must fail with a
 * 4xx and change nothing.
 */
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import { callerFor } from "@/tests/caller";
import { addMember, makeTeam, makeTestTree, makeUser } from "@/tests/factories";
import { callByPath, listProcedures } from "@/tests/router-procedures";
import { createTestDatabase } from "@/tests/setup/test-db";
import { badValues, plausible } from "@/tests/zod-samples";

let database: Database;
let countsSql = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const tables = await database.db.$queryRawUnsafe<{ t: string }[]>(
    `SELECT table_name AS t FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'RateLimit')
     ORDER BY table_name`,
  );
  countsSql = `SELECT json_build_object(${tables.map(({ t }) => `'${t}', (SELECT count(*) FROM "${t}")`).join(", ")}) AS c`;
});
afterAll(async () => {
  await database.close();
});

async function rowCounts(): Promise<string> {
  const rows = await database.db.$queryRawUnsafe<{ c: unknown }[]>(countsSql);
  return JSON.stringify(rows[0]?.c);
}

function describeValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length})` : text;
}

type Path = (string | number)[];

/** Every leaf of a plausible input (objects and the first item of arrays walked into), with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value) && value.length > 0) return leaves(value[0], [...path, 0]);
  if (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, v]) => leaves(v, [...path, key]));
  }
  return path.length > 0 ? [{ path, value }] : [];
}

function setAt(input: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/**
 * A plausible value for each option of a union field — or of an array of unions (goal checkpoints) — after
 * optional/default wrappers, so that every option's fields are fuzzed, not only the first one's.
 */
function optionSamples(schema: z.ZodType, candidates: readonly unknown[]): unknown[] {
  let def = defOf(schema);
  while (def.innerType && def.type !== "union" && def.type !== "array") def = defOf(def.innerType);
  if (def.type === "union") return (def.options ?? []).map((option) => plausible(option, candidates));
  if (def.type === "array" && def.element) return optionSamples(def.element, candidates).map((item) => [item]);
  return [];
}

/** Values no date field may accept: they are not days (no rolling over into the next month). */
const IMPOSSIBLE_DATES = ["2027-02-30", "2027-13-01", "2026-00-10", "2026-04-31"];
/** Control characters inside otherwise ordinary text: C0 (NUL, BEL, ESC), DEL and C1 (NEL, CSI). */
const CONTROL_TEXTS = [
  "Fuzz\u0000name",
  "Fuzz\u0007name",
  "Fuzz\u001b[31mname",
  "Fuzz\u007fname",
  "Fuzz\u0085name",
  "Fuzz\u009bname",
];
/** Text leaves where any character is acceptable (never shown, never stored as typed). */
const OPAQUE_TEXT_KEYS = new Set(["password", "currentPassword", "newPassword"]);

const FOUR_XX = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "TOO_MANY_REQUESTS",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNPROCESSABLE_CONTENT",
  "METHOD_NOT_SUPPORTED",
]);

describe("every procedure answers bad input with a clear 4xx error and writes nothing", () => {
  it("fuzzes all procedures", async () => {
    const { db } = database;
    const tree = await makeTestTree(db);
    const ownerUser = await db.user.findUniqueOrThrow({
      where: { id: tree.owner.userId },
      select: { id: true, email: true, name: true },
    });
    const otherOwner = await makeUser(db, { name: "Other Owner" });
    const otherTeam = await makeTeam(db, { ownerId: otherOwner.id, input: { name: "Other Team" } });
    const otherMember = await addMember(db, {
      teamId: otherTeam.id,
      parentId: otherTeam.membershipId,
      name: "Other Member",
    });
    const foreignIds = [otherTeam.id, otherTeam.membershipId, otherMember.id];

    // Real ids of this team first (so plausible inputs reach the services), then other plausible scalars.
    const candidates: unknown[] = [
      tree.team.id,
      tree.memberA1.id,
      "Fuzz name",
      "2026-11-23",
      "00000000-0000-4000-8000-000000000001",
      1,
      100,
      0,
      true,
      false,
      [],
    ];
    // The owner's session as it is now: a procedure that ends sessions (sign out everywhere, a password change)
    // must not turn every later call into UNAUTHORIZED, which would hide what those calls do with bad input.
    const currentCaller = async () => {
      const { sessionVersion } = await db.user.findUniqueOrThrow({
        where: { id: ownerUser.id },
        select: { sessionVersion: true },
      });
      return callerFor(db, { ...ownerUser, sessionVersion });
    };
    const failures: string[] = [];
    let calls = 0;
    let unauthorized = 0;

    let before = await rowCounts();
    const attempt = async (path: string, label: string, input: unknown, options: { mustRefuse?: boolean } = {}) => {
      calls++;
      try {
        await callByPath(await currentCaller(), path, input);
        if (options.mustRefuse) failures.push(`${path} ${label}: accepted (it must be refused with a 4xx)`);
      } catch (error) {
        if (!(error instanceof TRPCError)) {
          failures.push(`${path} ${label}: threw a non-tRPC error ${String(error)}`);
          return;
        }
        if (error.code === "UNAUTHORIZED") unauthorized++;
        if (!FOUR_XX.has(error.code)) failures.push(`${path} ${label}: ${error.code} "${error.message}"`);
        else if (!error.message || error.message.length > 400)
          failures.push(`${path} ${label}: ${error.code} with an unclear message (${error.message.length} chars)`);
        const after = await rowCounts();
        if (after !== before) failures.push(`${path} ${label}: failed (${error.code}) but changed rows`);
        return;
      }
      before = await rowCounts(); // a successful call may write; the next failure is compared with this
    };

    const procedures = listProcedures();
    expect(procedures.length).toBeGreaterThan(5);
    for (const procedure of procedures) {
      if (procedure.type === "subscription") continue;
      const base: Record<string, unknown> = {};
      for (const input of procedure.inputs) {
        const value = plausible(input, candidates);
        if (value && typeof value === "object" && !Array.isArray(value)) Object.assign(base, value);
      }
      for (const whole of [
        undefined,
        null,
        42,
        "text",
        [],
        {},
        { teamId: otherTeam.id },
        { ...base, teamId: otherTeam.id },
      ]) {
        await attempt(procedure.path, `input=${describeValue(whole)}`, whole);
      }
      // Every option of a union field (e.g. goal.previewChange's change kinds), so each one's fields are reached.
      const bases: Record<string, unknown>[] = [base];
      for (const input of procedure.inputs) {
        const shape = (input as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
        for (const [key, field] of Object.entries(shape)) {
          for (const value of optionSamples(field, candidates)) {
            if (value !== undefined && JSON.stringify(value) !== JSON.stringify(base[key]))
              bases.push({ ...base, [key]: value });
          }
        }
      }
      for (const key of Object.keys(base)) {
        for (const bad of badValues(foreignIds)) {
          await attempt(procedure.path, `${key}=${describeValue(bad)}`, { ...base, [key]: bad });
        }
      }
      const seen = new Set<string>();
      for (const variant of bases) {
        for (const leaf of leaves(variant)) {
          const label = leaf.path.join(".");
          const nested = leaf.path.length > 1;
          if (nested && !seen.has(label)) {
            for (const bad of badValues(foreignIds)) {
              await attempt(procedure.path, `${label}=${describeValue(bad)}`, setAt(variant, leaf.path, bad));
            }
          }
          seen.add(label);
          if (typeof leaf.value !== "string" || OPAQUE_TEXT_KEYS.has(String(leaf.path.at(-1)))) continue;
          const refused = /^\d{4}-\d{2}-\d{2}$/.test(leaf.value) ? IMPOSSIBLE_DATES : CONTROL_TEXTS;
          for (const bad of refused) {
            await attempt(procedure.path, `${label}=${describeValue(bad)}`, setAt(variant, leaf.path, bad), {
              mustRefuse: true,
            });
          }
        }
      }
    }
    console.info(`fuzzed ${procedures.length} procedures with ${calls} calls (${unauthorized} UNAUTHORIZED)`);
    // The owner stays signed in throughout: the calls reach the procedures' validation and services.
    expect(unauthorized).toBeLessThan(calls / 100);
    expect(failures).toEqual([]);
  }, 600_000);
});
