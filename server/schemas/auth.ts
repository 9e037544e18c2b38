import { z } from "zod";
import { ZEmail, ZPersonName } from "./common";

export const ZPassword = z.string().min(10, "Use at least 10 characters").max(200, "At most 200 characters");

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password").max(200),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;
