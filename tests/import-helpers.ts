/**
 * The set-up shared by the member-import integration tests (server/api/routers/import-*.integration.test.ts): a real
 * SMTP peer for the suite (tests/smtp-inbox.ts), a member's address, and the import file.
 */
import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/server/db-client";
import { startInbox } from "@/tests/smtp-inbox";

/** The suite's inbox: started before its tests, stopped after; `mails` is every mail received so far. */
export function suiteInbox() {
  let inbox: Awaited<ReturnType<typeof startInbox>> | undefined;
  beforeAll(async () => {
    inbox = await startInbox();
  });
  afterAll(() => inbox?.stop());
  return {
    get mails() {
      if (!inbox) throw new Error("The inbox starts before the suite's tests.");
      return inbox.mails;
    },
  };
}

/** The address of a membership's account. */
export async function emailOf(db: Db, membershipId: string): Promise<string> {
  return (await db.membership.findUniqueOrThrow({ where: { id: membershipId }, select: { user: true } })).user.email;
}

/** An import file: the header, then a line per row (name, email, upline email). */
export const csvOf = (...rows: string[][]) => ["name,email,upline email", ...rows.map((r) => r.join(","))].join("\n");
