/**
 * The session cookie's JWT, in next-auth's own format (JWE, `dir` + A256GCM, the key derived from NEXTAUTH_SECRET
 * by HKDF-SHA256 with next-auth's info string), with the derived key computed once per secret instead of on every
 * encode and decode. next-auth 4 derives it on each call, twice a request for a tRPC call (decode, then the
 * refreshed cookie's encode): measurable on the logging path (docs/PERFORMANCE.md, Logging).
 *
 * Nothing about the token changes: cookies made by next-auth's `encode` decode here and the other way round
 * (session-token.test.ts), expiry is enforced the same way (`exp`, 15 s clock tolerance), and a token made with
 * another secret is refused.
 */
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";
import * as clock from "@/server/clock";

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

const keys = new Map<string, Uint8Array>();

/** next-auth's `getDerivedEncryptionKey`, memoised per secret and salt. */
function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const material = typeof secret === "string" ? secret : secret.toString("base64");
  const id = `${salt}\u0000${typeof secret}\u0000${material}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(
      hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32),
    );
    if (keys.size > 16) keys.clear(); // only a rotated secret adds one; never grows without bound
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE,
  salt = "",
}: JWTEncodeParams): Promise<string> {
  const now = Math.floor(clock.nowMs() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret, salt));
}

export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), {
    clockTolerance: 15,
    currentDate: clock.now(),
  });
  return payload as JWT;
}
