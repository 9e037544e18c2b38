import { z } from "zod";
import { ZCallbackPath as ZSameSitePath, ZEmail, ZPersonName } from "./common";

export const ZPassword = z.string().min(10, "Use at least 10 characters").max(200, "At most 200 characters");

/** Where to go after verifying and signing in: a same-site path (./common.ts; checked again by the service). */
const ZCallbackPath = ZSameSitePath.optional();

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
  callbackUrl: ZCallbackPath,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password").max(200),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

/** The tokens of account links are 43 url-safe base64 characters (32 random bytes). */
export const ZAccountLinkToken = z
  .string()
  .trim()
  .min(20, "This link is not valid")
  .max(100, "This link is not valid")
  .regex(/^[A-Za-z0-9_-]+$/, "This link is not valid");

export const ZVerifyEmailInput = z.object({ token: ZAccountLinkToken });
export type TVerifyEmailInput = z.infer<typeof ZVerifyEmailInput>;

export const ZResendVerificationInput = z.object({ callbackUrl: ZCallbackPath });
export type TResendVerificationInput = z.infer<typeof ZResendVerificationInput>;

export const ZRequestPasswordResetInput = z.object({ email: ZEmail });
export type TRequestPasswordResetInput = z.infer<typeof ZRequestPasswordResetInput>;

export const ZResetPasswordInput = z.object({ token: ZAccountLinkToken, password: ZPassword });
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword: ZPassword,
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
