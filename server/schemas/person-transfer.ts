/**
 * Inputs of the names list's import and sponsoring (issue 18), shared by the procedures and the import form. The file
 * travels as text (a phone's contacts export or a CSV file); the rows are read and checked on the server
 * (server/domain/person-transfer.ts).
 */
import { z } from "zod";
import { hasControlCharacters } from "./common";
import { ZPersonId } from "./person";

/** 5,000 people at up to ~1 KB each, with room to spare. */
export const MAX_IMPORT_CHARS = 6_000_000;

export const ZImportPreviewInput = z.object({
  format: z.enum(["vcf", "csv"]),
  content: z
    .string()
    .min(1, "The file is empty.")
    .max(MAX_IMPORT_CHARS, "The file is too large: import at most 5,000 people (6 MB) at a time.")
    .refine(
      (text) => !hasControlCharacters(text, { multiline: true }),
      "The file holds control characters: save it again as a text (vCard or CSV) file.",
    ),
});
export type TImportPreviewInput = z.infer<typeof ZImportPreviewInput>;

export const ZImportPeopleInput = ZImportPreviewInput.extend({
  /** Made on the device once per import: retrying the same import creates nobody twice. */
  importId: ZPersonId,
  /** false: refuse the whole file while a row has errors; true: import the valid rows, skip the others. */
  onlyValid: z.boolean().default(false),
});
export type TImportPeopleInput = z.infer<typeof ZImportPeopleInput>;
