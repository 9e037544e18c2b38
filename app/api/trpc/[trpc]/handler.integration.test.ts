/**
 * The tRPC endpoint refuses oversized batches before running any call: 1,000 `entry.log` calls in one request (each
 * within the 200-entry cap) used to run in full. It refuses an oversized body before reading it: any signed-in member
 * could post gigabytes. Called with real Requests on a real database.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { MAX_TRPC_BATCH } from "@/trpc/limits";
import { createTrpcHandler, MAX_TRPC_BODY_BYTES, TRPC_TOO_LARGE_MESSAGE } from "./handler";

const env = setUpTestDatabase({ tree: "once" });

async function batchOfLogs(calls: number, options: { padding?: number; declaredLength?: number } = {}) {
  const { t } = env;
  const metric = await makeMetric(env.db, { teamId: t.team.id, name: "Calls" });
  const user = await env.db.user.findFirstOrThrow({
    where: { memberships: { some: { id: t.memberA1.id } } },
    select: { id: true, email: true, name: true },
  });
  const handler = createTrpcHandler({ db: env.db, getUser: async () => user });
  const body: Record<string, unknown> = {};
  for (let i = 0; i < calls; i++) {
    body[i] = { json: { teamId: t.team.id, entries: [{ id: randomUUID(), metricId: metric.id, amount: 1 }] } };
  }
  if (options.padding)
    body[0] = { json: { ...(body[0] as { json: object }).json, padding: "x".repeat(options.padding) } };
  const headers = new Headers({ "content-type": "application/json" });
  if (options.declaredLength !== undefined) headers.set("content-length", String(options.declaredLength));
  const paths = Array.from({ length: calls }, () => "entry.log").join(",");
  const response = await handler(
    new Request(`http://localhost/api/trpc/${paths}?batch=1`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
    }),
  );
  return { response, logged: await env.db.entry.count({ where: { metricId: metric.id } }) };
}

describe("tRPC batches", () => {
  it("refuses 1,000 entry.log calls in one request with a 400 and logs nothing", async () => {
    const { response, logged } = await batchOfLogs(1000);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Batch call exceeds maximum size/);
    expect(logged).toBe(0);
  });

  it(`runs a batch of ${MAX_TRPC_BATCH} calls`, async () => {
    const { response, logged } = await batchOfLogs(MAX_TRPC_BATCH);
    expect(response.status).toBe(200);
    expect(logged).toBe(MAX_TRPC_BATCH);
  });

  it(`refuses ${MAX_TRPC_BATCH + 1}`, async () => {
    const { response, logged } = await batchOfLogs(MAX_TRPC_BATCH + 1);
    expect(response.status).toBe(400);
    expect(logged).toBe(0);
  });
});

describe("tRPC request bodies", () => {
  const refused = async (response: Response) => {
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { error: { json: { message: string; data: { code: string } } } }[];
    expect(answer.map((a) => [a.error.json.data.code, a.error.json.message])).toEqual([
      ["PAYLOAD_TOO_LARGE", TRPC_TOO_LARGE_MESSAGE],
    ]);
  };

  it("refuses a declared body over the ceiling with a 413 in tRPC's shape, before reading it, and logs nothing", async () => {
    const { response, logged } = await batchOfLogs(1, { declaredLength: MAX_TRPC_BODY_BYTES + 1 });
    await refused(response);
    expect(logged).toBe(0);
  });

  it("refuses a streamed body (no Content-Length) once it passes the ceiling, and logs nothing", async () => {
    const { response, logged } = await batchOfLogs(1, { padding: MAX_TRPC_BODY_BYTES });
    await refused(response);
    expect(logged).toBe(0);
  });

  it("reads a streamed body under the ceiling as before", async () => {
    const { response, logged } = await batchOfLogs(2, { padding: 1_000_000 });
    expect(response.status).toBe(200);
    expect(logged).toBe(2);
  });

  it("leaves room for the largest names-list import: 6,000,000 characters of three-byte text", () => {
    const body = JSON.stringify({
      0: { json: { teamId: "t".repeat(25), format: "csv", content: "名".repeat(6_000_000) } },
    });
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_TRPC_BODY_BYTES);
  });
});
