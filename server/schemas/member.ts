import { z } from "zod";
import { hasControlCharacters, ZId } from "./common";

export const ZMemberTreeInput = z.object({
  /** Root of the subtree to show; defaults to the caller (or the team root for the owner). */
  rootId: ZId.optional(),
  /** How many levels below the root to return (counts always cover the whole subtree). */
  depth: z.number().int().min(1).max(50).default(50),
});
export type TMemberTreeInput = z.infer<typeof ZMemberTreeInput>;

export const ZMoveMemberInput = z.object({ memberId: ZId, newParentId: ZId });
export type TMoveMemberInput = z.infer<typeof ZMoveMemberInput>;

export const ZRemoveMemberInput = z.object({ memberId: ZId });
export type TRemoveMemberInput = z.infer<typeof ZRemoveMemberInput>;

export const ZSetRoleInput = z.object({ memberId: ZId, role: z.enum(["LEADER", "MEMBER"]) });
export type TSetRoleInput = z.infer<typeof ZSetRoleInput>;

/**
 * True for an IANA zone name ("America/New_York", "Etc/GMT+5", "UTC") this runtime knows, its aliases included
 * (Asia/Kolkata and Asia/Calcutta): a browser's `Intl.supportedValuesOf("timeZone")` may list other spellings than
 * the server's ICU. Offsets ("+05:30") and abbreviations ("EST") are not zones here.
 */
export function isKnownTimeZone(value: string): boolean {
  if (value !== "UTC" && !/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A member's own time zone: an IANA name (the Log offers `Intl.supportedValuesOf("timeZone")`). */
export const ZMemberTimeZone = z
  .string()
  .trim()
  .max(64, "Choose a time zone such as Europe/London")
  .refine(isKnownTimeZone, "Choose a time zone such as Europe/London or America/New_York");

/** The signed-in member's own time zone; null = the team's. */
export const ZSetMyTimeZoneInput = z.object({ timeZone: ZMemberTimeZone.nullable() });
export type TSetMyTimeZoneInput = z.infer<typeof ZSetMyTimeZoneInput>;

/** A CSV of members to import (name, email, upline email): previewed first, written only on commit. */
export const ZImportRow = z.object({ name: z.string(), email: z.string(), upline: z.string() });
export const ZImportMembersInput = z.object({
  csv: z
    .string()
    .max(2_000_000, "The file is too large (at most 2 MB).")
    .refine(
      (csv) => !hasControlCharacters(csv, { multiline: true }),
      "The file holds control characters (it is not a plain-text CSV).",
    ),
  /** false = preview only (nothing is written). */
  commit: z.boolean().default(false),
  /** Import the valid rows even if some rows have errors. */
  onlyValid: z.boolean().default(false),
});
export type TImportMembersInput = z.infer<typeof ZImportMembersInput>;
