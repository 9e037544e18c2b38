/**
 * Team settings, the activity (audit) log, transferring ownership and deleting a team, through the real router on a
 * real database: who may call each (member / leader / outsider / another team's owner), what each writes, and the
 * audit rows every change leaves.
 */
import { randomUUID } from "node:crypto";
import { targetTable } from "@/tests/target-table";
import { describe, expect, it } from "vitest";
import { addMember, makeMetric, makeTeam, makeTestTree, makeUser } from "@/tests/factories";
import { makeWorld } from "@/tests/access/world";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

const settingEvents = (teamId: string) =>
  env.db.auditEvent.findMany({
    where: { teamId, action: "team.setting_changed" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { actorId: true, data: true },
  });

describe("team.settings / team.updateSettings", () => {
  it("lets the owner change each setting, recording every changed field before → after and bumping the version", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const before = await owner.team.settings({ teamId: t.team.id });
    expect(before).toMatchObject({ name: "Test Team", weekStartsOn: 1, currencyLocked: null, isOwner: true });

    const saved = await owner.team.updateSettings({
      teamId: t.team.id,
      version: before.version,
      name: "North Star",
      currency: "eur",
      timeZone: "America/New_York",
      weekStartsOn: 0,
      workingDays: [6, 1, 2, 3, 4, 5],
      backdateDays: 2,
      membersCanInvite: false,
      uplineCanEditEntries: true,
      leaderboardEnabled: false,
      // Unchanged: not recorded.
      leadersCanEditSettings: false,
    });
    expect(saved.version).toBe(before.version + 1);
    expect(saved.changed).toEqual([
      "name",
      "currency",
      "timeZone",
      "weekStartsOn",
      "workingDays",
      "backdateDays",
      "membersCanInvite",
      "uplineCanEditEntries",
      "leaderboardEnabled",
    ]);
    const got = await owner.team.get({ teamId: t.team.id });
    expect(got).toMatchObject({
      name: "North Star",
      currency: "EUR",
      timeZone: "America/New_York",
      weekStartsOn: 0,
      workingDays: [1, 2, 3, 4, 5, 6],
      backdateDays: 2,
      membersCanInvite: false,
      uplineCanEditEntries: true,
    });
    const events = await settingEvents(t.team.id);
    expect(events.map((e) => e.data)).toEqual([
      { field: "name", from: "Test Team", to: "North Star" },
      { field: "currency", from: "GBP", to: "EUR" },
      { field: "timeZone", from: "Europe/London", to: "America/New_York" },
      { field: "weekStartsOn", from: 1, to: 0 },
      { field: "workingDays", from: [1, 2, 3, 4, 5], to: [1, 2, 3, 4, 5, 6] },
      { field: "backdateDays", from: 6, to: 2 },
      { field: "membersCanInvite", from: true, to: false },
      { field: "uplineCanEditEntries", from: false, to: true },
      { field: "leaderboardEnabled", from: true, to: false },
    ]);
    expect(events.every((e) => e.actorId === t.owner.id)).toBe(true);

    // The settings take effect at once: a member may no longer invite.
    const member = await env.as(t.memberA1.id);
    await expect(member.invite.create({ teamId: t.team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a save made on stale settings (CONFLICT) and writes nothing; saving nothing new changes nothing", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const { version } = await owner.team.settings({ teamId: t.team.id });
    await owner.team.updateSettings({ teamId: t.team.id, version, name: "First Save" });
    await expect(owner.team.updateSettings({ teamId: t.team.id, version, name: "Second Save" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Someone else changed the team settings"),
    });
    expect((await owner.team.get({ teamId: t.team.id })).name).toBe("First Save");
    const same = await owner.team.updateSettings({ teamId: t.team.id, version: version + 1, name: "First Save" });
    expect(same).toMatchObject({ version: version + 1, changed: [] });
    expect(await settingEvents(t.team.id)).toHaveLength(1);
  });

  it("refuses members and leaders (FORBIDDEN), outsiders (NOT_FOUND), and another team's owner (NOT_FOUND)", async () => {
    const { t } = env;
    const input = { teamId: t.team.id, version: 0, name: "Hijacked" };
    for (const id of [t.memberA1.id, t.leaderA.id]) {
      const caller = await env.as(id);
      await expect(caller.team.settings({ teamId: t.team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.team.updateSettings(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const outsider = env.caller(await makeUser(env.db));
    await expect(outsider.team.updateSettings(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The owner of team B reaches nothing of team A, whatever teamId they send.
    const ownerB = await makeUser(env.db);
    const teamB = await makeTeam(env.db, { ownerId: ownerB.id, input: { name: "Team B" } });
    const callerB = env.caller(ownerB);
    await expect(callerB.team.updateSettings(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerB.team.settings({ teamId: t.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(env.caller(null).team.updateSettings(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await env.db.team.findUniqueOrThrow({ where: { id: t.team.id } })).name).toBe("Test Team");
    expect((await env.db.team.findUniqueOrThrow({ where: { id: teamB.id } })).name).toBe("Team B");
    expect(await settingEvents(t.team.id)).toHaveLength(0);
  });

  it("lets leaders change settings once the owner allows it, but never the permission itself", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    await owner.team.updateSettings({ teamId: t.team.id, version: 0, leadersCanEditSettings: true });
    const leader = await env.as(t.leaderB.id);
    expect((await leader.team.get({ teamId: t.team.id })).canChangeSettings).toBe(true);
    const settings = await leader.team.settings({ teamId: t.team.id });
    expect(settings.isOwner).toBe(false);
    await leader.team.updateSettings({ teamId: t.team.id, version: settings.version, weekStartsOn: 6 });
    await expect(
      leader.team.updateSettings({ teamId: t.team.id, version: settings.version + 1, leadersCanEditSettings: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Members still may not; the activity log, transfer and deletion stay the owner's.
    const member = await env.as(t.memberA1.id);
    expect((await member.team.get({ teamId: t.team.id })).canChangeSettings).toBe(false);
    await expect(member.team.settings({ teamId: t.team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(leader.team.activity({ teamId: t.team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(leader.team.delete({ teamId: t.team.id, confirmName: "Test Team" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const events = await settingEvents(t.team.id);
    expect(events.at(-1)).toMatchObject({ actorId: t.leaderB.id, data: { field: "weekStartsOn", from: 1, to: 6 } });
  });

  it("the leaderboard switch of the dashboard goes through the same settings service (audited)", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    await owner.dashboard.setLeaderboard({ teamId: t.team.id, enabled: false });
    expect((await owner.team.settings({ teamId: t.team.id })).leaderboardEnabled).toBe(false);
    expect((await settingEvents(t.team.id)).map((e) => e.data)).toEqual([
      { field: "leaderboardEnabled", from: true, to: false },
    ]);
  });
});

describe("the team's address (slug)", () => {
  it("keeps old links working for the team's members only, and refuses taken or reserved addresses", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const oldSlug = t.team.slug;
    await owner.team.updateSettings({ teamId: t.team.id, version: 0, slug: "North-Star-Sales" });
    expect((await owner.team.get({ teamId: t.team.id })).slug).toBe("north-star-sales");

    const member = await env.as(t.memberA1a.id);
    expect(await member.team.resolveOldSlug({ slug: oldSlug })).toEqual({ slug: "north-star-sales" });
    expect(await member.team.resolveOldSlug({ slug: "never-used-address" })).toBeNull();
    // Someone outside the team learns nothing from the old address.
    expect(await env.caller(await makeUser(env.db)).team.resolveOldSlug({ slug: oldSlug })).toBeNull();

    // Renamed twice: both old addresses lead to the current one; going back to an old one makes it current again.
    await owner.team.updateSettings({ teamId: t.team.id, version: 1, slug: "north-star" });
    expect(await member.team.resolveOldSlug({ slug: oldSlug })).toEqual({ slug: "north-star" });
    expect(await member.team.resolveOldSlug({ slug: "north-star-sales" })).toEqual({ slug: "north-star" });
    await owner.team.updateSettings({ teamId: t.team.id, version: 2, slug: oldSlug });
    const redirects = await env.db.teamSlugRedirect.findMany({ where: { teamId: t.team.id }, select: { slug: true } });
    expect(redirects.map((r) => r.slug).sort()).toEqual(["north-star", "north-star-sales"]);
    expect((await owner.team.settings({ teamId: t.team.id })).oldSlugs.sort()).toEqual([
      "north-star",
      "north-star-sales",
    ]);

    const other = await makeTeam(env.db, { ownerId: (await makeUser(env.db)).id, input: { name: "Taken Name" } });
    await expect(owner.team.updateSettings({ teamId: t.team.id, version: 3, slug: other.slug })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Another team already uses this address.",
    });
    for (const bad of ["teams", "api", "a", "-bad-", "two--dashes", "spaces here"]) {
      await expect(owner.team.updateSettings({ teamId: t.team.id, version: 3, slug: bad })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect((await owner.team.get({ teamId: t.team.id })).slug).toBe(oldSlug);
  });
});

describe("the currency rule", () => {
  it("lets the currency change while no money is held, and refuses it once money is logged", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const counts = await makeMetric(env.db, { teamId: t.team.id, key: "calls", kind: "ACTIVITY", unit: "COUNT" });
    const sales = await makeMetric(env.db, { teamId: t.team.id, key: "sales", kind: "RESULT", unit: "MONEY" });
    const member = await env.as(t.memberA1.id);
    await member.entry.log({ teamId: t.team.id, entries: [{ id: randomUUID(), metricId: counts.id, amount: 5 }] });
    // Counts are not money: the currency may still change.
    await owner.team.updateSettings({ teamId: t.team.id, version: 0, currency: "USD" });
    await member.entry.log({ teamId: t.team.id, entries: [{ id: randomUUID(), metricId: sales.id, amount: 1250 }] });
    expect((await owner.team.settings({ teamId: t.team.id })).currencyLocked).toMatch(/Money amounts have been logged/);
    await expect(owner.team.updateSettings({ teamId: t.team.id, version: 1, currency: "JPY" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("can no longer change"),
    });
    expect((await owner.team.get({ teamId: t.team.id })).currency).toBe("USD");
    // Other settings still save.
    await owner.team.updateSettings({ teamId: t.team.id, version: 1, name: "Still Saves" });
  });

  it("refuses it once a money goal exists, even with nothing logged", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const volume = await makeMetric(env.db, { teamId: t.team.id, key: "volume", kind: "RESULT", unit: "MONEY" });
    await owner.goal.create({
      teamId: t.team.id,
      name: "Volume",
      metricId: volume.id,
      target: 100_000,
      startDate: "2026-12-01",
      deadline: "2027-03-31",
    });
    await expect(owner.team.updateSettings({ teamId: t.team.id, version: 0, currency: "EUR" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A money goal exists in this currency, so it can no longer change.",
    });
  });
});

describe("team.activity", () => {
  it("reads the audit log newest first, a page at a time, in plain words — for the owner only", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const leader = await env.as(t.leaderA.id);
    await owner.member.setRole({ teamId: t.team.id, memberId: t.memberA1.id, role: "LEADER" });
    await leader.member.move({ teamId: t.team.id, memberId: t.memberA1a.id, newParentId: t.memberA2.id });
    await owner.calendar.addHoliday({ teamId: t.team.id, day: "2027-12-25", name: "Christmas Day" });
    await owner.team.updateSettings({ teamId: t.team.id, version: 0, name: "Renamed", weekStartsOn: 0 });
    await owner.member.remove({ teamId: t.team.id, memberId: t.memberB1.id });

    const first = await owner.team.activity({ teamId: t.team.id, limit: 3 });
    expect(first.items.map((i) => `${i.actorName} ${i.text}`)).toEqual([
      "Olivia Owner removed Ben B1 from the team",
      "Olivia Owner changed the first day of the week from Monday to Sunday",
      "Olivia Owner renamed the team from “Test Team” to “Renamed”",
    ]);
    expect(first.nextCursor).toBe(first.items.at(-1)!.id);
    const second = await owner.team.activity({ teamId: t.team.id, limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((i) => `${i.actorName} ${i.text}`)).toEqual([
      "Olivia Owner added the holiday “Christmas Day” on 25 Dec 2027",
      "Leo Leader A moved Max A1a from under Mia A1 to under Mo A2",
      "Olivia Owner made Mia A1 a leader",
    ]);
    const third = await owner.team.activity({ teamId: t.team.id, limit: 3, cursor: second.nextCursor! });
    expect(third.items.map((i) => `${i.actorName} ${i.text}`)).toEqual(["Olivia Owner created the team"]);
    expect(third.nextCursor).toBeNull();
    const times = [...first.items, ...second.items, ...third.items].map((i) => i.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    for (const id of [t.leaderA.id, t.memberA1a.id]) {
      await expect((await env.as(id)).team.activity({ teamId: t.team.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    // Another team's owner: neither the log nor a cursor from it.
    const ownerB = await makeUser(env.db);
    const teamB = await makeTeam(env.db, { ownerId: ownerB.id, input: { name: "Team B" } });
    await expect(env.caller(ownerB).team.activity({ teamId: t.team.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      env.caller(ownerB).team.activity({ teamId: teamB.id, cursor: first.nextCursor! }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("has a sentence for every action the services record", async () => {
    const world = await makeWorld(env.db);
    const owner = world.callerAs("owner");
    const invite = await owner.invite.create({ teamId: world.team.id, parentId: world.memberA2.id });
    await owner.invite.revoke({ teamId: world.team.id, inviteId: invite.id });
    const joiner = await makeUser(env.db, { name: "Jo Joiner" });
    await env.caller(joiner).invite.accept({ token: world.invite.token });
    await owner.member.import({
      teamId: world.team.id,
      csv: `name,email,upline\nNew Recruit,recruit-${randomUUID()}@example.test,${world.emails.memberA1}\n`,
      commit: true,
    });
    await owner.calendar.removeHoliday({ teamId: world.team.id, holidayId: world.holidayId });
    const subject = await env.as(world.memberA1a.id);
    await subject.calendar.removeDayOff({ teamId: world.team.id, dayOffId: world.dayOffId });
    await owner.team.transferOwnership({ teamId: world.team.id, membershipId: world.leaderB.id });

    const newOwner = await env.as(world.leaderB.id);
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await newOwner.team.activity({ teamId: world.team.id, limit: 4, cursor });
      all.push(...page.items.map((i) => `${i.actorName} ${i.text}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const actions = await env.db.auditEvent.findMany({ where: { teamId: world.team.id }, select: { action: true } });
    expect(all).toHaveLength(actions.length);
    expect(new Set(actions.map((a) => a.action)).size).toBeGreaterThanOrEqual(10);
    expect(all.filter((line) => line.includes("made a change:"))).toEqual([]);
    expect(all).toEqual(
      expect.arrayContaining([
        "Olivia Owner handed the team over to Lara Leader B and became a leader",
        "Olivia Owner created an invite link",
        "Olivia Owner revoked an invite link",
        "Jo Joiner joined the team under Mia A1",
        "Olivia Owner invited 1 person from a file",
        "Olivia Owner removed the holiday “New Year's Day” on 1 Jan " + String(Number(world.today.slice(0, 4)) + 1),
        "Max A1a cancelled their day off on 3 Jan " + String(Number(world.today.slice(0, 4)) + 1),
        expect.stringMatching(/^Max A1a took 5 days off from \d+ Jan \d{4} to \d+ Jan \d{4} \(sick\)$/),
      ]),
    );
  });
});

describe("team.transferOwnership", () => {
  it("hands the team to an active member: they become the owner at the root, the old owner a leader under them", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const volume = await makeMetric(env.db, { teamId: t.team.id, key: "volume", kind: "RESULT", unit: "MONEY" });
    const goal = await owner.goal.create({
      teamId: t.team.id,
      name: "Team volume",
      metricId: volume.id,
      target: 100_000,
      startDate: "2026-12-01",
      deadline: "2027-03-31",
    });
    await owner.goal.publish({ teamId: t.team.id, goalId: goal.id, version: goal.version });
    const targetsOf = async () =>
      new Map(
        (await targetTable(env.db).findMany({ where: { goalId: goal.id } })).map((r) => [r.membershipId, r] as const),
      );
    const before = await targetsOf();
    const result = await owner.team.transferOwnership({ teamId: t.team.id, membershipId: t.memberA1.id });
    expect(result).toEqual({ ownerId: t.memberA1.id, formerOwnerId: t.owner.id, formerOwnerRole: "LEADER" });
    // Nobody's own target changed; every stored team target is again its own plus its downline's over the new shape.
    const after = await targetsOf();
    for (const [id, row] of before) expect(after.get(id)!.personal).toBe(row.personal);
    const shape = await env.db.membership.findMany({ where: { teamId: t.team.id, status: "ACTIVE" } });
    const recount = (id: string): number =>
      after.get(id)!.personal + shape.filter((m) => m.parentId === id).reduce((sum, m) => sum + recount(m.id), 0);
    for (const m of shape) expect(after.get(m.id)!.team, m.id).toBe(recount(m.id));
    expect(after.get(t.memberA1.id)!.team).toBe(before.get(t.owner.id)!.team);

    const rows = await env.db.membership.findMany({
      where: { teamId: t.team.id },
      select: { id: true, role: true, parentId: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(t.memberA1.id)).toMatchObject({ role: "OWNER", parentId: null });
    expect(byId.get(t.owner.id)).toMatchObject({ role: "LEADER", parentId: t.memberA1.id });
    // Everyone else keeps their upline; A1's own downline stays with them.
    expect(byId.get(t.memberA1a.id)!.parentId).toBe(t.memberA1.id);
    expect(byId.get(t.leaderA.id)!.parentId).toBe(t.owner.id);
    expect(rows.filter((r) => r.role === "OWNER")).toHaveLength(1);
    // The team goal stays the team's.
    expect((await env.db.goal.findUniqueOrThrow({ where: { id: goal.id } })).rootMembershipId).toBe(t.memberA1.id);

    const event = await env.db.auditEvent.findFirstOrThrow({
      where: { teamId: t.team.id, action: "team.ownership_transferred" },
    });
    expect(event).toMatchObject({ actorId: t.owner.id, subjectId: t.memberA1.id });

    // The new owner owns; the former owner is refused what only the owner may do, and sees the whole team still
    // from under the new owner.
    const newOwner = await env.as(t.memberA1.id);
    expect((await newOwner.team.settings({ teamId: t.team.id })).isOwner).toBe(true);
    await expect(owner.team.activity({ teamId: t.team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(owner.team.transferOwnership({ teamId: t.team.id, membershipId: t.leaderA.id })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    // The former owner, a leader now, cannot act on the new owner (above them).
    await expect(owner.member.remove({ teamId: t.team.id, memberId: t.memberA1.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses non-owners, oneself, removed members and members of another team", async () => {
    const { t } = env;
    for (const id of [t.leaderA.id, t.memberA1.id]) {
      await expect(
        (await env.as(id)).team.transferOwnership({ teamId: t.team.id, membershipId: t.memberA2.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const owner = await env.as(t.owner.id);
    await expect(owner.team.transferOwnership({ teamId: t.team.id, membershipId: t.owner.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await owner.member.remove({ teamId: t.team.id, memberId: t.memberB1.id });
    await expect(
      owner.team.transferOwnership({ teamId: t.team.id, membershipId: t.memberB1.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await makeTestTree(env.db);
    await expect(
      owner.team.transferOwnership({ teamId: t.team.id, membershipId: other.memberA1.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The other team's owner cannot hand our team to anyone.
    await expect(
      (await env.as(other.owner.id)).team.transferOwnership({ teamId: t.team.id, membershipId: t.memberA2.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const owners = await env.db.membership.findMany({ where: { teamId: t.team.id, role: "OWNER" } });
    expect(owners.map((o) => o.id)).toEqual([t.owner.id]);
  });
});

describe("team.delete", () => {
  it("deletes the team and everything in it once its name is typed exactly — and only that team", async () => {
    const world = await makeWorld(env.db);
    const owner = world.callerAs("owner");
    const teamId = world.team.id;
    await owner.review.saveCommitment({
      teamId,
      reviewId: world.reviewId,
      memberId: world.memberA1a.id,
      text: "Ten calls a day",
      amount: 50,
    });
    await owner.team.updateSettings({ teamId, version: 0, slug: "to-be-deleted" });
    const counts = async () => ({
      teams: await env.db.team.count(),
      users: await env.db.user.count(),
      otherMembers: await env.db.membership.count({ where: { teamId: world.otherTeam.id } }),
      otherEvents: await env.db.auditEvent.count({ where: { teamId: world.otherTeam.id } }),
    });
    const before = await counts();

    for (const typed of ["test team", "Test Team.", "Test"]) {
      await expect(owner.team.delete({ teamId, confirmName: typed })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    for (const actor of ["upline", "member"] as const) {
      await expect(world.callerAs(actor).team.delete({ teamId, confirmName: "Test Team" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(world.callerAs("outsider").team.delete({ teamId, confirmName: "Test Team" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await counts()).toEqual(before);

    expect(await owner.team.delete({ teamId, confirmName: "Test Team" })).toEqual({ deleted: true, name: "Test Team" });
    expect(await counts()).toEqual({ ...before, teams: before.teams - 1 });
    for (const table of [
      env.db.membership,
      env.db.goal,
      env.db.entry,
      env.db.dailyTotal,
      env.db.weeklyReview,
      env.db.commitment,
      env.db.invite,
      env.db.metric,
      env.db.auditEvent,
      env.db.teamHoliday,
      env.db.teamSlugRedirect,
      env.db.victory,
      env.db.rank,
    ] as unknown as { count(args: { where: { teamId: string } }): Promise<number> }[]) {
      expect(await table.count({ where: { teamId } })).toBe(0);
    }
    expect(await env.db.memberDayOff.count({ where: { membershipId: world.memberA1a.id } })).toBe(0);
    // The people keep their accounts and their other teams.
    expect(await world.callerAs("owner").team.list()).toEqual([]);
    expect((await world.callerAs("outsider").team.list()).map((x) => x.id)).toEqual([world.otherTeam.id]);
  });

  it("lets a member of the deleted team keep their other teams", async () => {
    const { t } = env;
    const memberUser = await env.db.membership.findUniqueOrThrow({
      where: { id: t.memberA2.id },
      select: { userId: true },
    });
    const elsewhere = await makeTestTree(env.db);
    await addMember(env.db, { teamId: elsewhere.team.id, parentId: elsewhere.owner.id, userId: memberUser.userId });
    await (await env.as(t.owner.id)).team.delete({ teamId: t.team.id, confirmName: "Test Team" });
    const teams = await (await env.as(elsewhere.owner.id)).team.list();
    expect(teams.map((x) => x.id)).toEqual([elsewhere.team.id]);
    expect(await env.db.membership.count({ where: { userId: memberUser.userId } })).toBe(1);
  });
});
