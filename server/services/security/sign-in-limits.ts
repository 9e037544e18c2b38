/**
 * The limits around signing in and signing up, in one place (the rules: `RATE_LIMITS`, rate-limit.ts).
 *
 * - Password sign-in: every attempt is counted first (per account, and per client address when it is known), so
 *   concurrent guesses cannot slip past the limit; a successful sign-in takes its attempt back, so only failures lead
 *   to a lockout — a person who signs in many times a day is never locked out by their own successes.
 * - Sign-up: per email address and per client address.
 * - Magic links: per email address (`magicLinkAccount`, the email provider) and per client address.
 *
 * Over a limit, callers answer with a generic message: a limit never tells whether an account exists. Per-address
 * limits apply only when the client address is known (`clientAddress`): lumping unknown clients together would let
 * one of them lock everybody out.
 */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { hitRateLimit, RATE_LIMITS, refundRateLimit, UNKNOWN_ADDRESS, type RateLimitRule } from "./rate-limit";

interface Counted {
  key: string;
  rule: RateLimitRule;
}

async function hitAll(db: DbClient, counters: readonly Counted[]) {
  const hits = await Promise.all(counters.map(({ key, rule }) => hitRateLimit(db, key, rule)));
  return {
    allowed: hits.every((h) => h.allowed),
    retryAfterSeconds: Math.max(0, ...hits.filter((h) => !h.allowed).map((h) => h.retryAfterSeconds)),
    refund: () => Promise.all(counters.map(({ key }, i) => refundRateLimit(db, key, hits[i]!))),
  };
}

const perAddress = (address: string, key: string, rule: RateLimitRule): Counted[] =>
  address === UNKNOWN_ADDRESS ? [] : [{ key: `${key}:${address}`, rule }];

export type SignInOutcome<U> = { status: "signed-in"; user: U } | { status: "refused" } | { status: "rate-limited" };

/**
 * A password sign-in under the limits: `verify` runs only when the account and the address are under their limits
 * of failed attempts; a success does not count toward them.
 */
export async function signInWithinLimits<U>(
  db: DbClient,
  args: { email: string; address: string },
  verify: () => Promise<U | null>,
): Promise<SignInOutcome<U>> {
  const attempt = await hitAll(db, [
    // Counted whether or not the account exists, so the limit reveals nothing about accounts.
    { key: `signin:account:${args.email.toLowerCase()}`, rule: RATE_LIMITS.signInAccount },
    ...perAddress(args.address, "signin:address", RATE_LIMITS.signInAddress),
  ]);
  if (!attempt.allowed) return { status: "rate-limited" };
  const user = await verify();
  if (!user) return { status: "refused" };
  await attempt.refund();
  return { status: "signed-in", user };
}

const tooMany = (retryAfterSeconds: number) =>
  new AppError(
    "TOO_MANY_REQUESTS",
    `Too many attempts. Please try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes.`,
  );

/** A sign-up, per email address and per client address; TOO_MANY_REQUESTS over either limit. */
export async function assertSignUpAllowed(db: DbClient, args: { email: string | null; address: string }) {
  const attempt = await hitAll(db, [
    ...(args.email
      ? [{ key: `signup:account:${args.email.trim().toLowerCase()}`, rule: RATE_LIMITS.signUpAccount }]
      : []),
    ...perAddress(args.address, "signup:address", RATE_LIMITS.signUpAddress),
  ]);
  if (!attempt.allowed) throw tooMany(attempt.retryAfterSeconds);
}

/** A magic-link request from a client address (the email address has its own limit, in the email provider). */
export async function magicLinkAddressAllowed(db: DbClient, address: string): Promise<boolean> {
  const attempt = await hitAll(db, perAddress(address, "magiclink:address", RATE_LIMITS.magicLinkAddress));
  return attempt.allowed;
}
