/**
 * Importing a whole tree under consent (issue 16): a row's upline may be another row of the same file. That row's
 * invitation waits — not mailed, not listed, not acceptable — until its upline's invitation is settled: accepted
 * (it opens under the person who joined, with a fresh link by email), declined or revoked (it opens where that one
 * would have landed). A real SMTP peer receives the mails (tests/smtp-inbox.ts).
 */
import { describe, expect, it } from "vitest";
import { makeUser, uniqueEmail } from "@/tests/factories";
import { csvOf, emailOf as emailOfMember, suiteInbox } from "@/tests/import-helpers";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });
const inbox = suiteInbox();
const emailOf = (membershipId: string) => emailOfMember(env.db, membershipId);
const mailsTo = (address: string) => inbox.mails.filter((m) => m.to.includes(address));
const linkIn = (text: string) => /\/join\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

async function people(...names: string[]) {
  return Promise.all(names.map((name) => makeUser(env.db, { name, email: uniqueEmail(name.toLowerCase()) })));
}

describe("member.import of a tree: invitations that wait for their upline's", () => {
  it("opens each level as the level above accepts, landing under the person who joined", async () => {
    const { t } = env;
    const [ana, sam, kim] = await people("Ana", "Sam", "Kim");
    const leaderA = await env.as(t.leaderA.id);
    // Kim's row comes first: the order of the file does not matter.
    const csv = csvOf(
      ["Kim", kim!.email, sam!.email],
      ["Ana", ana!.email, await emailOf(t.memberA1.id)],
      ["Sam", sam!.email, ana!.email],
    );
    const preview = await leaderA.member.import({ teamId: t.team.id, csv });
    expect(preview).toMatchObject({ valid: 3, invalid: 0, waiting: 2 });
    expect(preview.rows.map((r) => r.waitsFor)).toEqual([sam!.email, undefined, ana!.email]);
    await leaderA.member.import({ teamId: t.team.id, csv, commit: true });

    // Only Ana is mailed; Sam and Kim see nothing yet.
    expect(mailsTo(ana!.email)).toHaveLength(1);
    expect(mailsTo(sam!.email)).toHaveLength(0);
    expect(await env.caller(sam!).invite.mine()).toEqual([]);
    // Sam's waiting invitation cannot be accepted by id either.
    const samInvite = await env.db.invite.findFirstOrThrow({ where: { email: sam!.email } });
    await expect(env.caller(sam!).invite.acceptInvitation({ inviteId: samInvite.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("once your upline has joined") as string,
    });
    // The importer's list says it waits.
    const listed = await leaderA.invite.list({ teamId: t.team.id });
    expect(listed.find((i) => i.email === sam!.email)?.state).toBe("waiting");

    // Ana accepts through her emailed link: she lands under member A1, and Sam's invitation opens under her.
    const joinedAna = await env.caller(ana!).invite.accept({ token: linkIn(mailsTo(ana!.email)[0]!.text)! });
    expect(await env.db.membership.findUniqueOrThrow({ where: { id: joinedAna.membershipId } })).toMatchObject({
      parentId: t.memberA1.id,
    });
    expect(mailsTo(sam!.email)).toHaveLength(1);
    expect(mailsTo(kim!.email)).toHaveLength(0);
    const [samPending] = await env.caller(sam!).invite.mine();
    expect(samPending).toMatchObject({ inviterName: "Ana" });

    // Sam joins by the fresh link in his mail; Kim's opens under Sam.
    const joinedSam = await env.caller(sam!).invite.accept({ token: linkIn(mailsTo(sam!.email)[0]!.text)! });
    expect(await env.db.membership.findUniqueOrThrow({ where: { id: joinedSam.membershipId } })).toMatchObject({
      parentId: joinedAna.membershipId,
    });
    const [kimPending] = await env.caller(kim!).invite.mine();
    const joinedKim = await env.caller(kim!).invite.acceptInvitation({ inviteId: kimPending!.id });
    expect(await env.db.membership.findUniqueOrThrow({ where: { id: joinedKim.membershipId } })).toMatchObject({
      parentId: joinedSam.membershipId,
    });
  });

  it("a declined or revoked upline invitation opens the waiting ones where it would have landed", async () => {
    const { t } = env;
    const [ana, sam, bo, cy] = await people("Ana", "Sam", "Bo", "Cy");
    const owner = await env.as(t.owner.id);
    const a2 = await emailOf(t.memberA2.id);
    await owner.member.import({
      teamId: t.team.id,
      csv: csvOf(
        ["Ana", ana!.email, a2],
        ["Sam", sam!.email, ana!.email],
        ["Bo", bo!.email, a2],
        ["Cy", cy!.email, bo!.email],
      ),
      commit: true,
    });
    // Ana declines: Sam's invitation opens under member A2, where Ana's would have landed.
    const [anaPending] = await env.caller(ana!).invite.mine();
    await env.caller(ana!).invite.declineInvitation({ inviteId: anaPending!.id });
    const [samPending] = await env.caller(sam!).invite.mine();
    expect(samPending).toBeDefined();
    const joinedSam = await env.caller(sam!).invite.acceptInvitation({ inviteId: samPending!.id });
    expect(await env.db.membership.findUniqueOrThrow({ where: { id: joinedSam.membershipId } })).toMatchObject({
      parentId: t.memberA2.id,
    });

    // The owner revokes Bo's: Cy's opens under member A2, and is mailed.
    const boInvite = await env.db.invite.findFirstOrThrow({ where: { email: bo!.email } });
    await owner.invite.revoke({ teamId: t.team.id, inviteId: boInvite.id });
    expect(mailsTo(cy!.email)).toHaveLength(1);
    const [cyPending] = await env.caller(cy!).invite.mine();
    expect(cyPending).toBeDefined();
    expect(await env.db.invite.findUniqueOrThrow({ where: { id: cyPending!.id } })).toMatchObject({
      parentId: t.memberA2.id,
      afterInviteId: null,
    });
  });

  it("revoking a waiting invitation makes its downline wait for what it waited for", async () => {
    const { t } = env;
    const [ana, sam, kim] = await people("Ana", "Sam", "Kim");
    const owner = await env.as(t.owner.id);
    await owner.member.import({
      teamId: t.team.id,
      csv: csvOf(
        ["Ana", ana!.email, await emailOf(t.owner.id)],
        ["Sam", sam!.email, ana!.email],
        ["Kim", kim!.email, sam!.email],
      ),
      commit: true,
    });
    const [anaInv, samInv, kimInv] = await Promise.all(
      [ana, sam, kim].map((p) => env.db.invite.findFirstOrThrow({ where: { email: p!.email } })),
    );
    await owner.invite.revoke({ teamId: t.team.id, inviteId: samInv!.id });
    expect(mailsTo(kim!.email)).toHaveLength(0);
    expect(await env.db.invite.findUniqueOrThrow({ where: { id: kimInv!.id } })).toMatchObject({
      afterInviteId: anaInv!.id,
    });
    const [anaPending] = await env.caller(ana!).invite.mine();
    const joinedAna = await env.caller(ana!).invite.acceptInvitation({ inviteId: anaPending!.id });
    const [kimPending] = await env.caller(kim!).invite.mine();
    expect(await env.db.invite.findUniqueOrThrow({ where: { id: kimPending!.id } })).toMatchObject({
      parentId: joinedAna.membershipId,
    });
  });

  it("refuses circles and rows under a row with errors, and says nothing about members elsewhere", async () => {
    const { t } = env;
    const leaderA = await env.as(t.leaderA.id);
    const [x, y, z] = [uniqueEmail("x"), uniqueEmail("y"), uniqueEmail("z")];
    const elsewhere = await emailOf(t.memberB1.id);
    const csv = csvOf(
      ["Ex", x, y],
      ["Why", y, x],
      ["Zed", z, x],
      // A member outside leader A's branch, as a row: treated like anyone (no invitation is made, nothing is said),
      // and the row under them waits for them like any row.
      ["Bee", elsewhere, await emailOf(t.memberA1.id)],
      ["Under Bee", uniqueEmail("underbee"), elsewhere],
    );
    const preview = await leaderA.member.import({ teamId: t.team.id, csv });
    const errors = preview.rows.map((r) => r.errors.join("; "));
    expect(errors[0]).toMatch(/name each other as uplines/);
    expect(errors[1]).toMatch(/name each other as uplines/);
    expect(errors[2]).toBe(`Upline email: ${x}'s row (line 2) has errors`);
    expect(errors.slice(3)).toEqual(["", ""]);
    expect(preview.rows[4]!.waitsFor).toBe(elsewhere);

    const done = await leaderA.member.import({ teamId: t.team.id, csv, commit: true, onlyValid: true });
    expect(done).toMatchObject({ committed: true, invited: 2, waiting: 1 });
    // B1 got no invitation; the row under them opened where B1's would have landed (under member A1), and was mailed.
    expect(await env.db.invite.count({ where: { email: elsewhere } })).toBe(0);
    const under = preview.rows[4]!.email;
    expect(await env.db.invite.findFirstOrThrow({ where: { email: under } })).toMatchObject({
      parentId: t.memberA1.id,
      afterInviteId: null,
    });
    expect(mailsTo(under)).toHaveLength(1);
  });
});
