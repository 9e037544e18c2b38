import { z } from "zod";
import { sameSitePath } from "@/components/auth/safe-callback";
import { isIsoDate } from "@/server/domain/calendar";

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

/**
 * Control characters: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). None belongs in a name; a multi-line text
 * (a note) may hold line breaks and tabs, never the others. Refused, not stripped: bad input is a 400, never a silent
 * change.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const NO_CONTROL_MESSAGE = "Remove the control characters (invisible characters such as tabs or escapes)";

/** True when `text` holds a control character (line breaks and tabs allowed when `multiline`). */
export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(text);
}

/**
 * The one free-text field: trimmed, `min`–`max` characters, no control characters (line breaks and tabs only when
 * `multiline`). Names, notes, reasons, commitments: every text a person types goes through it.
 */
export function zText(options: {
  min?: number;
  max: number;
  multiline?: boolean;
  minMessage?: string;
  maxMessage?: string;
}) {
  const { min = 0, max, multiline = false } = options;
  let field = z.string().trim();
  if (min > 0) field = field.min(min, options.minMessage ?? (min === 1 ? "Required" : `At least ${min} characters`));
  return field
    .max(max, options.maxMessage ?? `At most ${max} characters`)
    .refine((text) => !hasControlCharacters(text, { multiline }), NO_CONTROL_MESSAGE);
}

export const ZPersonName = zText({ min: 1, max: 80, minMessage: "Enter a name" });

/**
 * The one calendar-day field: a real day written YYYY-MM-DD. "2027-02-30" and "2027-13-01" are a clear 400, never a
 * day shifted into the next month nor an internal error. Every date of every schema is this field.
 */
export const ZIsoDate = z
  .string({ error: "Choose a date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  .refine(isIsoDate, "That date does not exist");

/**
 * Where to go after signing in or verifying: a path of this site. Control characters and backslashes (which
 * browsers strip or read as "/", turning "/\t/evil.example" into another site) and other origins are a 400.
 */
export const ZCallbackPath = z
  .string()
  .max(500, "At most 500 characters")
  .refine((value) => sameSitePath(value) !== null, "Not a page of this site");

/** Amounts are stored in 32-bit integer columns (minor units for money): the largest amount a form may send. */
export { MAX_STORED_AMOUNT } from "@/server/domain/money";
