/**
 * Import, export and sponsoring of the names list (issue 18), through the router on the real database: a preview
 * writes nothing; an import creates the new people (once, even retried), flags duplicates against the caller's own
 * list and within the file, and refuses a file with errors unless only the valid rows are wanted; the export holds
 * the caller's people only (a removed member still exports theirs) and imports back as the same people; nobody
 * reaches anyone else's list; sponsoring a person makes an invite under the member, and accepting it links the person
 * to the new membership in the join's transaction.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { codeOf } from "@/tests/caller";
import { parsePeopleCsv, peopleToVcf } from "@/server/domain/person-transfer";
import { makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });
const teamId = () => env.t.team.id;

const VCF = peopleToVcf([
  {
    name: "Ann Lee",
    email: "ann@example.test",
    phone: "+44 7700 900123",
    handle: null,
    source: null,
    tags: ["gym"],
    notes: null,
  },
  {
    name: "Bob Roe",
    email: null,
    phone: "07700 900456",
    handle: "@bob",
    source: null,
    tags: [],
    notes: "Met at the fair",
  },
  { name: "Cy Doe", email: null, phone: null, handle: null, source: null, tags: [], notes: null },
]);

describe("person.importPreview / person.import", () => {
  it("previews without writing, imports once, and flags duplicates instead of doubling them", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    await a1a.person.add({ teamId: teamId(), id: randomUUID(), name: "Ann (already here)", email: "ANN@example.test" });
    const before = await env.db.person.count();

    const preview = await a1a.person.importPreview({ teamId: teamId(), format: "vcf", content: VCF });
    expect(preview.counts).toEqual({ new: 2, duplicate: 1, error: 0 });
    expect(preview.rows[0]).toMatchObject({ row: 1, status: "duplicate", duplicateOf: "list" });
    expect(await env.db.person.count()).toBe(before);

    const importId = randomUUID();
    const done = await a1a.person.import({ teamId: teamId(), format: "vcf", content: VCF, importId });
    expect(done).toEqual({ created: 2, duplicates: 1, skipped: 0 });
    const mine = await env.db.person.findMany({
      where: { membershipId: env.t.memberA1a.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true, phone: true, handle: true, notes: true, teamId: true },
    });
    expect(mine.map((p) => p.name)).toEqual(["Ann (already here)", "Bob Roe", "Cy Doe"]);
    expect(mine[1]).toMatchObject({
      phone: "07700 900456",
      handle: "@bob",
      notes: "Met at the fair",
      teamId: teamId(),
    });
    expect(new Set(mine.map((p) => p.id)).size).toBe(3);
    expect(await env.db.auditEvent.count({ where: { action: "person.imported", actorId: env.t.memberA1a.id } })).toBe(
      1,
    );

    // A retry of the same import (a lost response) creates nobody twice; a new import flags the phone duplicate.
    expect(await a1a.person.import({ teamId: teamId(), format: "vcf", content: VCF, importId })).toMatchObject({
      created: 0,
    });
    const again = await a1a.person.importPreview({ teamId: teamId(), format: "vcf", content: VCF });
    expect(again.rows.map((r) => r.status)).toEqual(["duplicate", "duplicate", "new"]);
    expect(await env.db.person.count({ where: { membershipId: env.t.memberA1a.id } })).toBe(3);
  });

  it("shows row errors; refuses the file with errors unless only the valid rows are wanted; flags in-file repeats", async () => {
    const a1 = await env.as(env.t.memberA1.id);
    const csv =
      "name,email,phone,tags\r\nDee,dee@x.test,,a; b\r\n,bad-email,,\r\nDee again,DEE@x.test,,\r\nEd,,12,\r\nFay,,,\r\n";
    const preview = await a1.person.importPreview({ teamId: teamId(), format: "csv", content: csv });
    expect(preview.rows.map((r) => r.status)).toEqual(["new", "error", "duplicate", "error", "new"]);
    expect(preview.rows[1]).toMatchObject({
      errors: ["Name: required.", 'Email: "bad-email" is not an email address.'],
    });
    expect(preview.rows[2]).toMatchObject({ duplicateOf: 1 });

    const all = a1.person.import({ teamId: teamId(), format: "csv", content: csv, importId: randomUUID() });
    expect(await codeOf(all)).toBe("BAD_REQUEST");
    expect(await env.db.person.count({ where: { membershipId: env.t.memberA1.id } })).toBe(0);

    const valid = await a1.person.import({
      teamId: teamId(),
      format: "csv",
      content: csv,
      importId: randomUUID(),
      onlyValid: true,
    });
    expect(valid).toEqual({ created: 2, duplicates: 1, skipped: 2 });
    const dee = await env.db.person.findFirstOrThrow({ where: { membershipId: env.t.memberA1.id, name: "Dee" } });
    expect(dee.tags).toEqual(["a", "b"]);

    // Not a file at all: a clear 400 from the preview's file error, and nothing written.
    expect(
      await codeOf(a1.person.import({ teamId: teamId(), format: "vcf", content: "hello", importId: randomUUID() })),
    ).toBe("BAD_REQUEST");
    expect(
      (await a1.person.importPreview({ teamId: teamId(), format: "csv", content: "email\r\nx@y.z" })).fileError,
    ).toMatch(/name/);
  });

  it("imports into the caller's own list only; duplicates are judged against that list alone", async () => {
    const b1 = await env.as(env.t.memberB1.id);
    await b1.person.add({ teamId: teamId(), id: randomUUID(), name: "Ann B1", email: "ann@example.test" });
    const a1a = await env.as(env.t.memberA1a.id);
    const preview = await a1a.person.importPreview({ teamId: teamId(), format: "vcf", content: VCF });
    expect(preview.counts).toEqual({ new: 3, duplicate: 0, error: 0 });
    await a1a.person.import({ teamId: teamId(), format: "vcf", content: VCF, importId: randomUUID() });
    expect(await env.db.person.count({ where: { membershipId: env.t.memberB1.id } })).toBe(1);
    expect(await env.db.person.count({ where: { membershipId: env.t.memberA1a.id } })).toBe(3);

    const stranger = await makeUser(env.db, { name: "Stranger" });
    const outsider = env.caller({ id: stranger.id, email: stranger.email, name: stranger.name });
    expect(
      await codeOf(outsider.person.import({ teamId: teamId(), format: "vcf", content: VCF, importId: randomUUID() })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(outsider.person.export({ teamId: teamId() }))).toBe("NOT_FOUND");
  });
});

describe("person.export", () => {
  it("holds only my people, is formula-safe, imports back as the same people; a removed member still exports", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    await a1a.person.import({ teamId: teamId(), format: "vcf", content: VCF, importId: randomUUID() });
    await a1a.person.add({ teamId: teamId(), id: randomUUID(), name: "=HYPERLINK(1)", notes: "-1+2" });
    const leaderA = await env.as(env.t.leaderA.id);
    await leaderA.person.add({ teamId: teamId(), id: randomUUID(), name: "Leader's secret", sharedWithUpline: true });
    const b1 = await env.as(env.t.memberB1.id);
    await b1.person.add({ teamId: teamId(), id: randomUUID(), name: "Someone else's" });

    const file = await a1a.person.export({ teamId: teamId() });
    expect(file.fileName).toBe(`${env.t.team.slug}-names.csv`);
    expect(file.count).toBe(4);
    expect(file.csv).not.toMatch(/secret|Someone else/);
    expect(file.csv).toContain(`"'=HYPERLINK(1)"`);
    const back = parsePeopleCsv(file.csv).rows.map((r) => (r.ok ? r.person.name : "error"));
    expect(back).toEqual(["=HYPERLINK(1)", "Ann Lee", "Bob Roe", "Cy Doe"]);

    // Uplines export their own list, never a downline's.
    const upline = await leaderA.person.export({ teamId: teamId() });
    expect(upline.count).toBe(1);
    expect(upline.csv).not.toMatch(/Ann Lee/);

    const owner = await env.as(env.t.owner.id);
    await owner.member.remove({ teamId: teamId(), memberId: env.t.memberA1a.id });
    expect((await a1a.person.export({ teamId: teamId() })).count).toBe(4);
    expect(
      await codeOf(a1a.person.import({ teamId: teamId(), format: "vcf", content: VCF, importId: randomUUID() })),
    ).toBe("NOT_FOUND");
  });
});

describe("person.invite: sponsoring turns into a member", () => {
  it("a link without email: accepting it places them under me and links the person to the new membership", async () => {
    const a1 = await env.as(env.t.memberA1.id);
    const id = randomUUID();
    await a1.person.add({ teamId: teamId(), id, name: "Gia Green" });
    const invite = await a1.person.invite({ teamId: teamId(), personId: id });
    expect(invite).toMatchObject({ email: null, mailed: false, path: `/join/${invite.token}` });
    expect(await env.db.invite.findUniqueOrThrow({ where: { id: invite.inviteId } })).toMatchObject({
      personId: id,
      parentId: env.t.memberA1.id,
      maxUses: 1,
      email: null,
    });

    const gia = await makeUser(env.db, { name: "Gia Green" });
    const joined = await env.caller(gia).invite.accept({ token: invite.token });
    const membership = await env.db.membership.findUniqueOrThrow({ where: { id: joined.membershipId } });
    expect(membership.parentId).toBe(env.t.memberA1.id);
    const person = await env.db.person.findUniqueOrThrow({ where: { id } });
    expect(person).toMatchObject({ joinedMembershipId: joined.membershipId, outcome: "JOINED" });

    expect(await codeOf(a1.person.invite({ teamId: teamId(), personId: id }))).toBe("CONFLICT");
  });

  it("a person with an email gets an invitation bound to it; a new invite revokes the earlier one", async () => {
    const a1 = await env.as(env.t.memberA1.id);
    const id = randomUUID();
    const email = `hal-${randomUUID().slice(0, 8)}@example.test`;
    await a1.person.add({ teamId: teamId(), id, name: "Hal", email });
    const first = await a1.person.invite({ teamId: teamId(), personId: id });
    const second = await a1.person.invite({ teamId: teamId(), personId: id });
    expect(second.email).toBe(email);
    expect((await env.db.invite.findUniqueOrThrow({ where: { id: first.inviteId } })).revokedAt).not.toBeNull();

    const someoneElse = await makeUser(env.db);
    expect(await codeOf(env.caller(someoneElse).invite.accept({ token: second.token }))).toBe("FORBIDDEN");
    expect((await env.db.person.findUniqueOrThrow({ where: { id } })).joinedMembershipId).toBeNull();

    const hal = await makeUser(env.db, { email, name: "Hal" });
    const joined = await env.caller(hal).invite.acceptInvitation({ inviteId: second.inviteId });
    expect((await env.db.person.findUniqueOrThrow({ where: { id } })).joinedMembershipId).toBe(joined.membershipId);
  });

  it("only the list's owner sponsors; the team's invite rule applies", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const id = randomUUID();
    await a1a.person.add({ teamId: teamId(), id, name: "Ivy", sharedWithUpline: true });
    const upline = await env.as(env.t.memberA1.id);
    expect(await codeOf(upline.person.invite({ teamId: teamId(), personId: id }))).toBe("FORBIDDEN");
    const other = await env.as(env.t.memberB1.id);
    expect(await codeOf(other.person.invite({ teamId: teamId(), personId: id }))).toBe("NOT_FOUND");

    await env.db.team.update({ where: { id: teamId() }, data: { membersCanInvite: false } });
    expect(await codeOf(a1a.person.invite({ teamId: teamId(), personId: id }))).toBe("FORBIDDEN");
    expect(await env.db.invite.count({ where: { personId: id } })).toBe(0);
  });
});
