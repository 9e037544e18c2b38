/**
 * The small next-auth adapter the email (magic link) provider needs: users by id/email and one-time
 * verification tokens (next-auth hashes them before they reach us). Sessions are JWTs, so no session table.
 *
 * A magic-link sign-in proves the address: next-auth then calls `updateUser` with `emailVerified`. If the account
 * was NOT verified yet (a password sign-up nobody confirmed — possibly someone else's, made with this address), the
 * owner of the address must not inherit it as it is: its password is cleared and its sessions end (the session
 * version is bumped) before it is marked verified.
 */
import type { Adapter, AdapterUser } from "next-auth/adapters";
import type { Db } from "@/server/db-client";

const userSelect = { id: true, email: true, name: true, emailVerified: true, sessionVersion: true } as const;

function toAdapterUser(user: {
  id: string;
  email: string;
  name: string;
  emailVerified: Date | null;
  sessionVersion: number;
}): AdapterUser {
  // `sessionVersion` goes into the JWT (server/auth.ts jwt callback).
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerified,
    sessionVersion: user.sessionVersion,
  } as AdapterUser;
}

/** Name for someone who signed up by email link alone: "ana.lopez@x.com" → "Ana Lopez". */
export function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  const words = local.split(/[._+-]+/).filter(Boolean);
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
  return name.slice(0, 80) || "New member";
}

export function backplanAdapter(db: Db): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const email = user.email.trim().toLowerCase();
      const created = await db.user.upsert({
        where: { email },
        create: { email, name: user.name?.trim() || nameFromEmail(email), emailVerified: user.emailVerified },
        update: { emailVerified: user.emailVerified },
        select: userSelect,
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const user = await db.user.findUnique({ where: { id }, select: userSelect });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByEmail(email) {
      const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: userSelect });
      return user ? toAdapterUser(user) : null;
    },
    getUserByAccount: () => null,
    async updateUser(user) {
      if (user.emailVerified) {
        // Taking over an unverified account: no password, no sessions carried over (one statement, so a
        // concurrent verification cannot slip between the read and the write).
        await db.user.updateMany({
          where: { id: user.id, emailVerified: null },
          data: { passwordHash: null, sessionVersion: { increment: 1 }, emailVerified: user.emailVerified },
        });
      }
      const updated = await db.user.update({
        where: { id: user.id },
        data: { emailVerified: user.emailVerified ?? undefined, ...(user.name ? { name: user.name } : {}) },
        select: userSelect,
      });
      return toAdapterUser(updated);
    },
    linkAccount: () => undefined,
    async createVerificationToken(token) {
      await db.verificationToken.create({ data: token });
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      // deleteMany + read in one statement would be nicer; a delete that finds nothing means "already used".
      const found = await db.verificationToken.findUnique({ where: { identifier_token: { identifier, token } } });
      if (!found) return null;
      const deleted = await db.verificationToken.deleteMany({ where: { identifier, token } });
      return deleted.count === 1 ? found : null;
    },
  };
}
