/**
 * Issue 16, side doors 2 and 6 (import): importing never attaches an account. Each row becomes an invitation bound
 * to the address, emailed (a real SMTP peer, tests/smtp-inbox.ts) and accepted — or declined — by its owner; the
 * importer sees only what they typed; the preview says nothing about addresses outside the importer's branch.
 */
import { describe, expect, it } from "vitest";
import { makeUser, uniqueEmail } from "@/tests/factories";
import { csvOf, emailOf as emailOfMember, suiteInbox } from "@/tests/import-helpers";
import { setUpTestDatabase } from "@/tests/setup/integration";
import type { ReceivedMail } from "@/tests/smtp-inbox";
import * as clock from "@/server/clock";

const env = setUpTestDatabase({ tree: "each" });
const inbox = suiteInbox();
const emailOf = (membershipId: string) => emailOfMember(env.db, membershipId);
const mailTo = (address: string): ReceivedMail | undefined => inbox.mails.find((m) => m.to.includes(address));

describe("member.import asks for consent", () => {
  it("invites existing accounts instead of attaching them, and shows only what the importer typed", async () => {
    const { t } = env;
    const existing = await makeUser(env.db, { name: "Rosa Realname" });
    const unknown = uniqueEmail("unknown");
    const leaderA = await env.as(t.leaderA.id);
    const csv = csvOf(
      ["Typed Name", existing.email, await emailOf(t.leaderA.id)],
      ["Typed Other", unknown, await emailOf(t.memberA1.id)],
    );

    const preview = await leaderA.member.import({ teamId: t.team.id, csv });
    expect(preview).toMatchObject({ valid: 2, invalid: 0, committed: false });
    const done = await leaderA.member.import({ teamId: t.team.id, csv, commit: true });
    expect(done).toMatchObject({ committed: true });
    // The importer never sees the account's real name.
    expect(JSON.stringify([preview, done])).not.toContain("Rosa Realname");
    expect(done.rows.map((r) => r.name)).toEqual(["Typed Name", "Typed Other"]);

    // Nobody was attached, and no account was made for the unknown address.
    expect(await env.db.membership.count({ where: { teamId: t.team.id, userId: existing.id } })).toBe(0);
    expect(await env.db.user.count({ where: { email: unknown } })).toBe(0);

    // Each person got an email with a link; the invitation waits on their teams page.
    const mail = mailTo(existing.email);
    expect(mail?.text).toMatch(/\/join\/[A-Za-z0-9_-]{43}/);
    expect(mailTo(unknown)?.text).toContain("Test Team");
    const rosa = env.caller(existing);
    const [pending] = await rosa.invite.mine();
    expect(pending).toMatchObject({ teamName: "Test Team", inviterName: "Leo Leader A" });

    // Accepting makes her a member, under the upline the importer chose.
    const joined = await rosa.invite.acceptInvitation({ inviteId: pending!.id });
    expect(joined.joined).toBe(true);
    expect(await env.db.membership.findUniqueOrThrow({ where: { id: joined.membershipId } })).toMatchObject({
      parentId: t.leaderA.id,
      status: "ACTIVE",
    });
    expect(await rosa.invite.mine()).toEqual([]);
  });

  it("the emailed link works for that address only; the person can decline; nobody else sees the invitation", async () => {
    const { t } = env;
    const invited = await makeUser(env.db, { name: "Ivy Invited" });
    const other = await makeUser(env.db, { name: "Otto Other" });
    const owner = await env.as(t.owner.id);
    await owner.member.import({
      teamId: t.team.id,
      csv: csvOf(["Ivy", invited.email, await emailOf(t.owner.id)]),
      commit: true,
    });
    const token = /\/join\/([A-Za-z0-9_-]{43})/.exec(mailTo(invited.email)!.text)![1]!;
    await expect(env.caller(other).invite.accept({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("another email address") as string,
    });
    const [pending] = await env.caller(invited).invite.mine();
    await expect(env.caller(other).invite.acceptInvitation({ inviteId: pending!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(env.caller(other).invite.declineInvitation({ inviteId: pending!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await env.caller(invited).invite.declineInvitation({ inviteId: pending!.id })).toMatchObject({
      declined: true,
    });
    await expect(env.caller(invited).invite.accept({ token })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await env.db.membership.count({ where: { teamId: t.team.id, userId: invited.id } })).toBe(0);
  });

  it("an unverified account cannot accept until it verifies its address", async () => {
    const { t } = env;
    const unverified = await makeUser(env.db, { name: "Una Unverified", verified: false });
    const owner = await env.as(t.owner.id);
    await owner.member.import({
      teamId: t.team.id,
      csv: csvOf(["Una", unverified.email, await emailOf(t.owner.id)]),
      commit: true,
    });
    const una = env.caller(unverified);
    const [pending] = await una.invite.mine();
    await expect(una.invite.acceptInvitation({ inviteId: pending!.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Verify your email first") as string,
    });
    await env.db.user.update({ where: { id: unverified.id }, data: { emailVerified: clock.now() } });
    expect((await una.invite.acceptInvitation({ inviteId: pending!.id })).joined).toBe(true);
  });

  it("the preview answers the same for a member outside the leader's branch as for an address nobody uses", async () => {
    const { t } = env;
    const leaderA = await env.as(t.leaderA.id);
    const outside = await emailOf(t.memberB1.id); // in the team, not in leader A's branch
    const ghost = "ghost@example.test";
    const a = await emailOf(t.leaderA.id);
    const preview = await leaderA.member.import({
      teamId: t.team.id,
      csv: csvOf(
        ["As Email", outside, a],
        ["Ghost Email", ghost, a],
        ["As Upline", "x1@example.test", outside],
        ["Ghost Upline", "x2@example.test", ghost],
      ),
    });
    const errors = preview.rows.map((r) => r.errors.join("; "));
    expect(errors[0]).toBe(errors[1]); // both valid rows: no hint that one address is a member
    expect(errors[0]).toBe("");
    expect(errors[2]!.replace(outside, "<address>")).toBe(errors[3]!.replace(ghost, "<address>"));
    // Committing invites the ghost, and sends nothing to the member outside the branch (who is already in the team).
    const sentBefore = inbox.mails.length;
    await leaderA.member.import({
      teamId: t.team.id,
      csv: csvOf(["As Email", outside, a], ["Ghost Email", ghost, a]),
      commit: true,
    });
    const sent = inbox.mails.slice(sentBefore).flatMap((m) => m.to);
    expect(sent).toEqual([ghost]);
    expect(await env.db.membership.findUniqueOrThrow({ where: { id: t.memberB1.id } })).toMatchObject({
      parentId: t.leaderB.id,
      status: "ACTIVE",
    });
  });
});
