/**
 * Bad input never causes an internal error or a partial write. Every procedure of the real router (read from the
 * router, so new ones are covered automatically) is called as the team owner with generated bad input — wrong
 * types, huge strings and numbers, negative and fractional amounts, impossible dates, unknown ids and ids from
 * another team — one field at a time on top of an otherwise plausible input. Each call must either succeed or
 * answer with a 4xx-class tRPC error and a short, human message; a failed call must leave every table as it was.
 */
import { TRPCError } from "@trpc/server";
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
    const caller = callerFor(db, ownerUser);
    const failures: string[] = [];
    let calls = 0;

    let before = await rowCounts();
    const attempt = async (path: string, label: string, input: unknown) => {
      calls++;
      try {
        await callByPath(caller, path, input);
      } catch (error) {
        if (!(error instanceof TRPCError)) {
          failures.push(`${path} ${label}: threw a non-tRPC error ${String(error)}`);
          return;
        }
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
      for (const key of Object.keys(base)) {
        for (const bad of badValues(foreignIds)) {
          await attempt(procedure.path, `${key}=${describeValue(bad)}`, { ...base, [key]: bad });
        }
      }
    }
    console.info(`fuzzed ${procedures.length} procedures with ${calls} calls`);
    expect(failures).toEqual([]);
  }, 600_000);
});
