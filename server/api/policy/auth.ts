/**
 * Who may call the public account procedures: anyone, within the sign-up limits — per email address and per client
 * address (server/services/security/sign-in-limits.ts). The input is validated first, so malformed requests are a
 * 400 and are not counted.
 */
import { publicProcedure } from "@/server/api/trpc";
import { ZSignUpInput } from "@/server/schemas/auth";
import { UNKNOWN_ADDRESS } from "@/server/services/security/rate-limit";
import { assertSignUpAllowed } from "@/server/services/security/sign-in-limits";

export const signUpProcedure = publicProcedure.input(ZSignUpInput).use(async ({ ctx, input, next }) => {
  await assertSignUpAllowed(ctx.db, { email: input.email, address: ctx.ip ?? UNKNOWN_ADDRESS });
  return next();
});
