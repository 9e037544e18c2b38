/** Accounts: sign-up and email verification, password reset and change, sign out everywhere, name and address. */
import { signUpProcedure } from "@/server/api/policy/auth";
import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import {
  ZChangePasswordInput,
  ZRequestPasswordResetInput,
  ZResendVerificationInput,
  ZResetPasswordInput,
  ZVerifyEmailInput,
} from "@/server/schemas/auth";
import {
  ZConfirmEmailChangeInput,
  ZRequestEmailChangeInput,
  ZSetLocaleInput,
  ZSetNameInput,
} from "@/server/schemas/profile";
import { changePassword, signOutEverywhere } from "@/server/services/auth/change-password";
import { cancelEmailChange, confirmEmailChange, requestEmailChange } from "@/server/services/auth/change-email";
import { setLocale } from "@/server/services/auth/set-locale";
import { setName } from "@/server/services/auth/set-name";
import { requestPasswordReset, resetPassword } from "@/server/services/auth/reset-password";
import { signUp } from "@/server/services/auth/sign-up";
import { getAccountStatus, resendVerification, verifyEmail } from "@/server/services/auth/verify-email";

export const authRouter = router({
  signUp: signUpProcedure.mutation(({ ctx, input }) => signUp(ctx.db, input)),
  verifyEmail: publicProcedure.input(ZVerifyEmailInput).mutation(({ ctx, input }) => verifyEmail(ctx.db, input)),
  requestPasswordReset: publicProcedure
    .input(ZRequestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input)),
  resetPassword: publicProcedure.input(ZResetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
  /** The signed-in account: address, whether it is verified, whether it has a password. */
  status: protectedProcedure.query(({ ctx }) => getAccountStatus(ctx.db, ctx.user)),
  resendVerification: protectedProcedure
    .input(ZResendVerificationInput)
    .mutation(({ ctx, input }) => resendVerification(ctx.db, ctx.user, input)),
  changePassword: protectedProcedure
    .input(ZChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user, input)),
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.user)),
  /** The caller's own name (the account's, in every team). */
  setName: protectedProcedure.input(ZSetNameInput).mutation(({ ctx, input }) => setName(ctx.db, ctx.user, input)),
  /** The formats of dates and numbers in my emails. */
  setLocale: protectedProcedure.input(ZSetLocaleInput).mutation(({ ctx, input }) => setLocale(ctx.db, ctx.user, input)),
  /** A new address for the caller's account: mailed a link; applied only once that link is opened. */
  requestEmailChange: protectedProcedure
    .input(ZRequestEmailChangeInput)
    .mutation(({ ctx, input }) => requestEmailChange(ctx.db, ctx.user, input)),
  cancelEmailChange: protectedProcedure.mutation(({ ctx }) => cancelEmailChange(ctx.db, ctx.user)),
  /** The link mailed to the new address (anyone holding it: it proves the address). */
  confirmEmailChange: publicProcedure
    .input(ZConfirmEmailChangeInput)
    .mutation(({ ctx, input }) => confirmEmailChange(ctx.db, input)),
});
