/** Account emails (verify, reset, "already registered") to one address are rate limited: no mail bombing. */
import type { DbClient } from "@/server/db-client";
import { hitRateLimit, RATE_LIMITS } from "@/server/services/security/rate-limit";

export async function accountMailAllowed(db: DbClient, email: string): Promise<boolean> {
  const limit = await hitRateLimit(db, `accountmail:${email.toLowerCase()}`, RATE_LIMITS.magicLinkAccount);
  if (!limit.allowed) console.warn(`[auth] account email to ${email} not sent: rate limit reached`);
  return limit.allowed;
}
