/**
 * The tRPC endpoint refuses oversized batches before running any call: 1,000 `entry.log` calls in one request (each
 * within the 200-entry cap) used to run in full. Called with real Requests on a real database.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { MAX_TRPC_BATCH } from "@/trpc/limits";
import { createTrpcHandler } from "./handler";

const env = setUpTestDatabase({ tree: "once" });

async function batchOfLogs(calls: number) {
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
  const paths = Array.from({ length: calls }, () => "entry.log").join(",");
  const response = await handler(
    new Request(`http://localhost/api/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
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
