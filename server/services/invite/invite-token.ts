/** Invite tokens: 32 random bytes (256 bits, unguessable), url-safe; only the SHA-256 is stored. */
import { createHash, randomBytes } from "node:crypto";

export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
