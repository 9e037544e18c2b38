import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALERT_HOUR,
  ALERT_WINDOW_HOURS,
  amountOf,
  behindPaceAlerts,
  branchLeaderOf,
  inAlertWindow,
  isRestDay,
  type AlertMember,
  type AlertRow,
  type BehindPaceInput,
} from "./behind-pace-alerts";
import { hourInTimeZone } from "./zoned-time";
import { paceStatus, type PaceStatus } from "./pace";

const team = { id: "t", slug: "acme", currency: "GBP", sponsorsLeadBranches: true };
const goal = { id: "g", name: "Spring push", metric: { name: "Calls", unit: "COUNT" as const } };

/** A random tree of up to 12 members (parents first), each with a local hour, rest day and week numbers. */
const arbInput = fc
  .array(
    fc.record({
      parent: fc.nat(),
      role: fc.constantFrom("LEADER" as const, "MEMBER" as const),
      localHour: fc.integer({ min: 0, max: 23 }),
      restDay: fc.boolean(),
      day: fc.constantFrom("2027-03-16", "2027-03-17"),
      ownActual: fc.integer({ min: 0, max: 40 }),
      ownExpected: fc.integer({ min: 0, max: 40 }),
      teamActual: fc.integer({ min: 0, max: 80 }),
      teamExpected: fc.integer({ min: 0, max: 80 }),
      catchUp: fc.integer({ min: 0, max: 9 }),
      behindLastWeek: fc.boolean(),
      inGoal: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .chain((specs) =>
    fc.record({ sponsorsLeadBranches: fc.boolean() }).map(({ sponsorsLeadBranches }) => {
      const members: AlertMember[] = specs.map((s, i) => ({
        id: `m${i}`,
        userId: `u${i}`,
        name: `Name ${i}`,
        parentId: i === 0 ? null : `m${s.parent % i}`,
        role: i === 0 ? "OWNER" : s.role,
        localDay: s.day,
        localHour: s.localHour,
        restDay: s.restDay,
      }));
      const children = new Map<string, number>();
      for (const m of members) if (m.parentId) children.set(m.parentId, (children.get(m.parentId) ?? 0) + 1);
      const thisWeek = new Map<string, AlertRow>();
      specs.forEach((s, i) => {
        if (!s.inGoal && i > 0) return;
        const id = `m${i}`;
        thisWeek.set(id, {
          id,
          children: children.get(id) ?? 0,
          ownActual: s.ownActual,
          ownExpected: s.ownExpected,
          ownStatus: paceStatus(s.ownActual, s.ownExpected),
          teamActual: s.teamActual,
          teamExpected: s.teamExpected,
          teamStatus: paceStatus(s.teamActual, s.teamExpected),
          goal: { catchUpPerDay: s.catchUp },
        });
      });
      const input: BehindPaceInput = {
        team: { ...team, sponsorsLeadBranches },
        goal,
        members,
        thisWeek,
        behindLastWeek: new Set(specs.flatMap((s, i) => (s.behindLastWeek ? [`m${i}`] : []))),
      };
      return input;
    }),
  );

const byUser = (input: BehindPaceInput) => new Map(input.members.map((m) => [m.userId, m]));

describe("behind-pace alerts (properties)", () => {
  it("never alerts anyone on their rest day or outside their morning window", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const users = byUser(input);
        for (const a of behindPaceAlerts(input)) {
          const m = users.get(a.userId)!;
          expect(m.restDay).toBe(false);
          expect(inAlertWindow(m.localHour)).toBe(true);
          expect(a.dedupeKey.endsWith(`:${m.id}:${m.localDay}`)).toBe(true);
        }
      }),
    );
  });

  it("alerts a person at most once a day per kind (one dedupe key each), so a second tick makes nothing new", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const alerts = behindPaceAlerts(input);
        const keys = alerts.map((a) => `${a.userId}|${a.kind}`);
        expect(new Set(keys).size).toBe(keys.length);
        // The same tick again gives the same keys: notify() makes each (userId, dedupeKey) once.
        expect(behindPaceAlerts(input).map((a) => a.dedupeKey)).toEqual(alerts.map((a) => a.dedupeKey));
      }),
    );
  });

  it("tells a member exactly when their own week is behind, with the roll-up's numbers", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const alerts = behindPaceAlerts(input).filter((a) => a.kind === "BEHIND_PACE");
        const expectedIds = input.members
          .filter((m) => {
            const row = input.thisWeek.get(m.id);
            return row && row.ownStatus === "behind" && inAlertWindow(m.localHour) && !m.restDay;
          })
          .map((m) => m.userId);
        expect(alerts.map((a) => a.userId).sort()).toEqual(expectedIds.sort());
        const users = byUser(input);
        for (const a of alerts) {
          const row = input.thisWeek.get(users.get(a.userId)!.id)!;
          expect(a.title).toContain(`You're ${row.ownExpected - row.ownActual} call`);
          if (row.children === 0 && row.goal.catchUpPerDay > 0)
            expect(a.body).toContain(`${row.goal.catchUpPerDay} call`);
        }
      }),
    );
  });

  it("tells an upline only about members behind this week and at the end of last week, who lead no branch above them", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const byId = new Map(input.members.map((m) => [m.id, m]));
        const users = byUser(input);
        for (const a of behindPaceAlerts(input).filter((x) => x.kind === "DOWNLINE_BEHIND")) {
          const upline = users.get(a.userId)!;
          const named = input.members.filter(
            (m) => a.title.startsWith(`${m.name} is `) || a.body.includes(`${m.name} (`),
          );
          expect(named.length).toBeGreaterThan(0);
          for (const m of named) {
            const row = input.thisWeek.get(m.id)!;
            expect(row.teamStatus).toBe("behind");
            expect(input.behindLastWeek.has(m.id)).toBe(true);
            expect(m.restDay).toBe(false);
            expect(branchLeaderOf(m, byId, input.team.sponsorsLeadBranches)?.id).toBe(upline.id);
            expect(a.title + a.body).toContain(`${m.name}`);
            expect(a.title + a.body).toContain(`${row.teamExpected - row.teamActual} call`);
          }
          expect(a.title).toContain("second week in a row");
        }
      }),
    );
  });
});

describe("behind-pace alerts (examples)", () => {
  const member = (id: string, parentId: string | null, extra: Partial<AlertMember> = {}): AlertMember => ({
    id,
    userId: `u-${id}`,
    name: id === "nina" ? "Nina" : id === "sam" ? "Sam" : "Olivia",
    parentId,
    role: parentId === null ? "OWNER" : "MEMBER",
    localDay: "2027-03-17",
    localHour: 8,
    restDay: false,
    ...extra,
  });
  const row = (id: string, actual: number, expected: number, catchUp: number, children = 0): AlertRow => {
    const status: PaceStatus = paceStatus(actual, expected);
    return {
      id,
      children,
      ownActual: actual,
      ownExpected: expected,
      ownStatus: status,
      teamActual: actual,
      teamExpected: expected,
      teamStatus: status,
      goal: { catchUpPerDay: catchUp },
    };
  };

  it("says what to do, to the member and to their upline", () => {
    const alerts = behindPaceAlerts({
      team,
      goal,
      members: [member("olivia", null), member("nina", "olivia")],
      thisWeek: new Map([["nina", row("nina", 2, 5, 2)]]),
      behindLastWeek: new Set(["nina"]),
    });
    expect(alerts).toEqual([
      {
        userId: "u-nina",
        teamId: "t",
        kind: "BEHIND_PACE",
        title: "You're 3 calls behind this week — today's plan has them",
        body: "Spring push: 2 calls a day catches up and finishes on target; your Log has today's plan.",
        url: "/acme/log",
        dedupeKey: "behind:nina:2027-03-17",
      },
      {
        userId: "u-olivia",
        teamId: "t",
        kind: "DOWNLINE_BEHIND",
        title: "Nina is 3 calls behind this week, for the second week in a row",
        body: "Spring push: Nina's catch-up is 2 calls a day to finish on target.",
        url: "/acme/dashboard?goal=g&root=nina",
        dedupeKey: "downline-behind:olivia:2027-03-17",
      },
    ]);
  });

  it("sums up several members behind in one alert to their upline", () => {
    const alerts = behindPaceAlerts({
      team,
      goal,
      members: [member("olivia", null), member("nina", "olivia"), member("sam", "olivia")],
      thisWeek: new Map([
        ["nina", row("nina", 2, 5, 2)],
        ["sam", row("sam", 0, 8, 3)],
      ]),
      behindLastWeek: new Set(["nina", "sam"]),
    }).filter((a) => a.kind === "DOWNLINE_BEHIND");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.title).toBe("2 people in your branch are behind this week, for the second week in a row");
    expect(alerts[0]!.body).toBe(
      "Spring push: Sam (8 calls behind, catch-up 3 a day), Nina (3 calls behind, catch-up 2 a day).",
    );
    expect(alerts[0]!.url).toBe("/acme/dashboard?goal=g&root=olivia");
  });

  it("tells no upline on the first week behind, and nobody on a rest day", () => {
    const first = behindPaceAlerts({
      team,
      goal,
      members: [member("olivia", null), member("nina", "olivia")],
      thisWeek: new Map([["nina", row("nina", 2, 5, 2)]]),
      behindLastWeek: new Set(),
    });
    expect(first.map((a) => a.kind)).toEqual(["BEHIND_PACE"]);
    const rest = behindPaceAlerts({
      team,
      goal,
      members: [member("olivia", null), member("nina", "olivia", { restDay: true })],
      thisWeek: new Map([["nina", row("nina", 2, 5, 2)]]),
      behindLastWeek: new Set(["nina"]),
    });
    expect(rest).toEqual([]);
  });

  it("finds the branch leader: the direct upline where sponsors lead, else the nearest leader", () => {
    const ms = [member("olivia", null), { ...member("lea", "olivia"), role: "LEADER" as const }, member("sam", "lea")];
    const nina = member("nina", "sam");
    const byId = new Map([...ms, nina].map((m) => [m.id, m]));
    expect(branchLeaderOf(nina, byId, true)?.id).toBe("sam");
    expect(branchLeaderOf(nina, byId, false)?.id).toBe("lea");
  });

  it("formats amounts as the dashboard does", () => {
    expect(amountOf(1, { name: "Calls", unit: "COUNT" }, "GBP").phrase).toBe("1 call");
    expect(amountOf(1200, { name: "Presentations", unit: "COUNT" }, "GBP").phrase).toBe("1,200 presentations");
    expect(amountOf(4_820_000, { name: "Sales", unit: "MONEY" }, "GBP").phrase).toBe("£48,200 of sales");
    expect(amountOf(90, { name: "Calls", unit: "MINUTES" }, "GBP").n).toBe("90 min");
  });

  it("knows the morning window, local hours and rest days", () => {
    expect(inAlertWindow(ALERT_HOUR)).toBe(true);
    expect(inAlertWindow(ALERT_HOUR - 1)).toBe(false);
    expect(inAlertWindow(ALERT_HOUR + ALERT_WINDOW_HOURS)).toBe(false);
    const at = Date.parse("2027-03-17T10:30:00Z");
    expect(hourInTimeZone(at, "Europe/London")).toBe(10);
    expect(hourInTimeZone(at, "Pacific/Auckland")).toBe(23);
    expect(hourInTimeZone(at, "Asia/Kolkata")).toBe(16);
    const cal = { workingDays: [1, 2, 3, 4, 5], holidays: new Set(["2027-03-18"]), daysOff: new Set(["2027-03-19"]) };
    expect(isRestDay("2027-03-17", cal)).toBe(false); // Wednesday
    expect(isRestDay("2027-03-18", cal)).toBe(true); // holiday
    expect(isRestDay("2027-03-19", cal)).toBe(true); // day off
    expect(isRestDay("2027-03-20", cal)).toBe(true); // Saturday
  });
});
