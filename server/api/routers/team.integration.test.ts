import { describe, expect, it } from "vitest";
import { DEFAULT_TEAM, makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "none" });

describe("team.create / team.list / team.get", () => {
  it("creates a team with its settings and makes the creator the OWNER at the root", async () => {
    const user = await makeUser(env.db, { name: "Olivia" });
    const caller = env.caller(user);
    const team = await caller.team.create({
      name: "North Star",
      currency: "gbp",
      timeZone: "Europe/London",
      weekStartsOn: 1,
      workingDays: [5, 1, 2, 3, 4],
    });
    expect(team.slug).toBe("north-star");
    const got = await caller.team.get({ teamId: team.id });
    expect(got).toMatchObject({
      name: "North Star",
      currency: "GBP",
      workingDays: [1, 2, 3, 4, 5],
      me: { role: "OWNER", parentId: null },
    });
    expect(await caller.team.list()).toEqual([expect.objectContaining({ id: team.id, role: "OWNER" })]);
  });

  it("gives a second team of the same name its own slug, and a user can be in several teams", async () => {
    const user = await makeUser(env.db);
    const caller = env.caller(user);
    const a = await caller.team.create({ ...DEFAULT_TEAM, name: "Same Name" });
    const b = await caller.team.create({ ...DEFAULT_TEAM, name: "Same Name" });
    expect(a.slug).not.toBe(b.slug);
    expect((await caller.team.list()).map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("rejects bad settings with clear messages", async () => {
    const caller = env.caller(await makeUser(env.db));
    await expect(caller.team.create({ ...DEFAULT_TEAM, currency: "XXQ" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("currency"),
    });
    await expect(caller.team.create({ ...DEFAULT_TEAM, timeZone: "Mars/Olympus" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.team.create({ ...DEFAULT_TEAM, workingDays: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.team.create({ ...DEFAULT_TEAM, workingDays: [1, 1] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("needs a signed-in user, and hides teams from non-members", async () => {
    const owner = await makeUser(env.db);
    const team = await env.caller(owner).team.create(DEFAULT_TEAM);
    await expect(env.caller(null).team.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const stranger = env.caller(await makeUser(env.db));
    await expect(stranger.team.get({ teamId: team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
