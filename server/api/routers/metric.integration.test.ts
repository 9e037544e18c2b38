import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase, type TestCaller, type TestTree } from "@/tests/setup/integration";

const env = setUpTestDatabase();
let t: TestTree;
let owner: TestCaller;
let leader: TestCaller;
let member: TestCaller;

beforeAll(async () => {
  t = env.t;
  owner = await env.as(t.owner.id);
  leader = await env.as(t.leaderA.id);
  member = await env.as(t.memberA1.id);
});

const teamId = () => t.team.id;

describe("metric router", () => {
  it("lists the three starter templates", async () => {
    const templates = await member.metric.templates({ teamId: teamId() });
    expect(templates.map((x) => x.key)).toEqual(["NETWORK_MARKETING", "SALES", "CONTENT"]);
    expect(templates[0]!.ranks).toContain("Gold");
  });

  it("applies a template once (repeating it adds nothing) and everyone in the team reads it", async () => {
    expect((await member.metric.list({ teamId: teamId() })).metrics).toEqual([]);
    await owner.metric.applyTemplate({ teamId: teamId(), template: "NETWORK_MARKETING" });
    await owner.metric.applyTemplate({ teamId: teamId(), template: "NETWORK_MARKETING" });
    const list = await member.metric.list({ teamId: teamId() });
    expect(list.template).toBe("NETWORK_MARKETING");
    expect(list.metrics.map((m) => m.key)).toEqual([
      "contacts",
      "follow_ups",
      "presentations",
      "sponsors",
      "team_volume",
      "income",
    ]);
    const volume = list.metrics.find((m) => m.key === "team_volume")!;
    const funnel = list.funnels.find((f) => f.resultMetricId === volume.id)!;
    expect(funnel.steps.map((s) => [s.fromCount, s.toCount])).toEqual([
      [30, 15],
      [15, 10],
      [10, 1],
      [1, 50_000],
    ]);
    expect(await member.rank.list({ teamId: teamId() })).toHaveLength(4);
  });

  it("creates, edits and archives a metric; keys are unique within the team", async () => {
    const calls = await owner.metric.create({
      teamId: teamId(),
      key: "calls",
      name: "Calls",
      kind: "ACTIVITY",
      minutesPerAction: 4,
    });
    expect(calls).toMatchObject({ key: "calls", unit: "COUNT", direction: "INCREASE", minutesPerAction: 4 });
    await expect(
      owner.metric.create({ teamId: teamId(), key: "calls", name: "More calls", kind: "ACTIVITY" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining('"calls"'),
    });
    const edited = await owner.metric.update({
      teamId: teamId(),
      metricId: calls.id,
      name: "Phone calls",
      minutesPerAction: 6,
    });
    expect(edited).toMatchObject({ name: "Phone calls", minutesPerAction: 6 });
    await owner.metric.archive({ teamId: teamId(), metricId: calls.id });
    expect((await owner.metric.list({ teamId: teamId() })).metrics.map((m) => m.key)).not.toContain("calls");
  });

  it("replaces a funnel and refuses a conversion that grows", async () => {
    const { metrics } = await owner.metric.list({ teamId: teamId() });
    const id = (key: string) => metrics.find((m) => m.key === key)!.id;
    await owner.metric.setFunnel({
      teamId: teamId(),
      resultMetricId: id("sponsors"),
      steps: [
        { activityMetricId: id("contacts"), fromCount: 40, toCount: 8 },
        { activityMetricId: id("presentations"), fromCount: 8, toCount: 1 },
      ],
    });
    const funnel = (await owner.metric.list({ teamId: teamId() })).funnels.find(
      (f) => f.resultMetricId === id("sponsors"),
    )!;
    expect(funnel.steps.map((s) => [s.activityMetricId, s.fromCount, s.toCount])).toEqual([
      [id("contacts"), 40, 8],
      [id("presentations"), 8, 1],
    ]);
    await expect(
      owner.metric.setFunnel({
        teamId: teamId(),
        resultMetricId: id("sponsors"),
        steps: [
          { activityMetricId: id("contacts"), fromCount: 5, toCount: 50 },
          { activityMetricId: id("presentations"), fromCount: 8, toCount: 1 },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Step 1") });
    await expect(
      owner.metric.setFunnel({ teamId: teamId(), resultMetricId: id("contacts"), steps: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("activity") });
  });

  it("lets only the owner change metrics and funnels", async () => {
    for (const caller of [leader, member]) {
      await expect(
        caller.metric.create({ teamId: teamId(), key: "nope", name: "Nope", kind: "ACTIVITY" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.metric.applyTemplate({ teamId: teamId(), template: "SALES" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect((await owner.metric.list({ teamId: teamId() })).metrics.map((m) => m.key)).not.toContain("nope");
  });
});
