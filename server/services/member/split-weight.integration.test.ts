/**
 * Split weights set by leaders (issue 17): whoever manages a member sets their share under the weighted split rule as
 * a percentage of a full-time share; nobody else can (a member cannot set another's weight, a leader cannot reach
 * outside their branch), every change is audited, and the weighted goal preview follows at once.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/server/domain/calendar";
import { addMember, makeFunnelMetrics } from "@/tests/factories";
import { codeOf } from "@/tests/caller";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;

const weightOf = async (id: string) =>
  (await env.db.membership.findUniqueOrThrow({ where: { id }, select: { splitWeight: true } })).splitWeight;

beforeAll(async () => {
  m = await makeFunnelMetrics(env.db, { teamId: env.t.team.id });
});

describe("member.setSplitWeight", () => {
  it("is 100 (full time) for everyone until set", async () => {
    const { t } = env;
    const late = await addMember(env.db, { teamId: t.team.id, parentId: t.memberA2.id, name: "Lou Late" });
    expect(await weightOf(late.id)).toBe(100);
    expect(await weightOf(t.memberA1a.id)).toBe(100);
  });

  it("a leader sets the weight of someone in their downline; the tree shows it; the change is audited", async () => {
    const { t } = env;
    const leo = await env.as(t.leaderA.id);
    const r = await leo.member.setSplitWeight({ teamId: t.team.id, memberId: t.memberA1a.id, splitWeight: 50 });
    expect(r).toEqual({ id: t.memberA1a.id, splitWeight: 50, label: "Half time (50%)" });
    const tree = await leo.member.tree({ teamId: t.team.id });
    expect(tree.nodes.find((n) => n.id === t.memberA1a.id)!.splitWeight).toBe(50);
    const events = await env.db.auditEvent.findMany({
      where: { teamId: t.team.id, action: "member.split_weight_changed", subjectId: t.memberA1a.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: t.leaderA.id, data: { from: 100, to: 50 } });
    // The owner manages everyone but themselves.
    const olivia = await env.as(t.owner.id);
    await olivia.member.setSplitWeight({ teamId: t.team.id, memberId: t.leaderB.id, splitWeight: 75 });
    expect(await weightOf(t.leaderB.id)).toBe(75);
  });

  it("a member cannot set another's weight, nor their own", async () => {
    const { t } = env;
    const before = await weightOf(t.memberA1.id);
    const mo = await env.as(t.memberA2.id); // sibling of Mia
    const max = await env.as(t.memberA1a.id); // below Mia
    const ben = await env.as(t.memberB1.id); // another branch
    for (const caller of [mo, max, ben]) {
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain(
        await codeOf(caller.member.setSplitWeight({ teamId: t.team.id, memberId: t.memberA1.id, splitWeight: 10 })),
      );
    }
    expect(
      await codeOf(mo.member.setSplitWeight({ teamId: t.team.id, memberId: t.memberA2.id, splitWeight: 300 })),
    ).toBe("FORBIDDEN");
    expect(await weightOf(t.memberA1.id)).toBe(before);
    expect(await weightOf(t.memberA2.id)).toBe(100);
  });

  it("a leader cannot set a weight outside their branch (NOT_FOUND: no hint the member exists), nor their own", async () => {
    const { t } = env;
    const lara = await env.as(t.leaderB.id);
    expect(
      await codeOf(lara.member.setSplitWeight({ teamId: t.team.id, memberId: t.memberA1.id, splitWeight: 20 })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(lara.member.setSplitWeight({ teamId: t.team.id, memberId: t.leaderA.id, splitWeight: 20 })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(lara.member.setSplitWeight({ teamId: t.team.id, memberId: t.leaderB.id, splitWeight: 20 })),
    ).toBe("FORBIDDEN");
    expect(await weightOf(t.memberA1.id)).toBe(100);
    expect(await weightOf(t.leaderA.id)).toBe(100);
    expect(await weightOf(t.leaderB.id)).toBe(75);
    expect(
      await env.db.auditEvent.count({ where: { action: "member.split_weight_changed", actorId: t.leaderB.id } }),
    ).toBe(0);
  });

  it("refuses a weight that is not a whole percentage from 0 to 300 with a clear 400", async () => {
    const { t } = env;
    const leo = await env.as(t.leaderA.id);
    for (const bad of [-1, 301, 12.5, Number.NaN]) {
      const error = await leo.member
        .setSplitWeight({ teamId: t.team.id, memberId: t.memberA2.id, splitWeight: bad })
        .catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
    expect(await weightOf(t.memberA2.id)).toBe(100);
  });

  it("the weighted preview follows the weights: a half-timer gets half a full-timer's share, totals unchanged", async () => {
    const { t } = env;
    const leo = await env.as(t.leaderA.id);
    const { today } = await leo.member.profile({ teamId: t.team.id });
    const fields = {
      teamId: t.team.id,
      name: "Weighted sponsors",
      metricId: m.sponsors.id,
      target: 1_000,
      baseline: 0,
      startDate: today,
      deadline: addDays(today, 40),
      period: "WEEK" as const,
      curve: "LINEAR" as const,
      curveStrength: null,
      checkpoints: [],
      splitRule: "WEIGHT" as const,
      historyDays: 28,
      historyFloorPct: 50,
    };
    await leo.member.setSplitWeight({ teamId: t.team.id, memberId: t.memberA1a.id, splitWeight: 100 });
    const full = await leo.goal.preview(fields);
    const share = (p: typeof full, id: string) => p.members.find((x) => x.id === id)!;
    // Leo's branch: Leo, Mia, Max, Mo, Lou — all full time: 200 each.
    expect(share(full, t.memberA1a.id)).toMatchObject({ splitWeight: 100, personal: 200 });

    await leo.member.setSplitWeight({ teamId: t.team.id, memberId: t.memberA1a.id, splitWeight: 50 });
    const half = await leo.goal.preview(fields);
    expect(share(half, t.memberA1a.id)).toMatchObject({ splitWeight: 50 });
    // 4 full-timers and a half-timer: 4.5 shares of 1,000 → 222 or 223 each, Max 111.
    expect(share(half, t.memberA1a.id).personal).toBe(111);
    expect(share(half, t.memberA1.id).personal).toBeGreaterThanOrEqual(222);
    expect(half.members.reduce((s, x) => s + x.personal, 0)).toBe(1_000);
  });
});
