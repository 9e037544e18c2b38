import { z } from "zod";

/** Database ids (cuid) as they arrive from clients: bounded, no whitespace. */
export const ZId = z
  .string()
  .trim()
  .min(1, "Required")
  .max(64, "Too long")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address is at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export const ZPersonName = z.string().trim().min(1, "Enter a name").max(80, "At most 80 characters");

/** Amounts are stored in 32-bit integer columns (minor units for money): the largest amount a form may send. */
export { MAX_STORED_AMOUNT } from "@/server/domain/money";
