import { publicProcedure, router } from "@/server/api/trpc";
import { ZSignUpInput } from "@/server/schemas/auth";
import { signUp } from "@/server/services/auth/sign-up";

export const authRouter = router({
  signUp: publicProcedure.input(ZSignUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input)),
});
