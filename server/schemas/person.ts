/**
 * The names list's inputs (issue 18), shared by the person procedures and the names forms. Every text goes through
 * `zText`; ids made on the device are UUIDs (`ZPersonId`); days are `ZIsoDate`.
 */
import { z } from "zod";
import { ZEmail, ZId, ZIsoDate, zText } from "@/server/schemas/common";

/** A person's id, made on the device (crypto.randomUUID) so an offline add is created exactly once. */
export const ZPersonId = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Not a valid person id")
  .transform((id) => id.toLowerCase());

export const PERSON_OUTCOMES = ["JOINED", "CUSTOMER", "LOST"] as const;
export const ZPersonOutcome = z.enum(PERSON_OUTCOMES);
export type TPersonOutcome = z.output<typeof ZPersonOutcome>;

/** How many tags a person may carry, and a tag's length. */
export const MAX_TAGS = 20;
export const ZTag = zText({ min: 1, max: 40, minMessage: "A tag cannot be empty" });

const optionalText = (max: number, multiline = false) =>
  zText({ max, multiline })
    .nullish()
    .transform((text) => (text ? text : null));

/** An email address, or empty (= none). */
const ZOptionalEmail = z
  .union([z.literal(""), ZEmail])
  .nullish()
  .transform((email) => (email ? email : null));

/** A phone number as typed: digits, spaces, + ( ) - . / only. */
const ZOptionalPhone = zText({ max: 40 })
  .refine((phone) => phone === "" || /^[+\d][\d\s().\-/]*$/.test(phone), "Enter a phone number (digits, spaces, +)")
  .nullish()
  .transform((phone) => (phone ? phone : null));

const ZTags = z
  .array(ZTag)
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
  .transform((tags) => [...new Set(tags.map((tag) => tag.toLowerCase()))]);

/** The details a member types about a person (quick add needs only the name). */
export const ZPersonFields = z.object({
  name: zText({ min: 1, max: 120, minMessage: "Enter a name" }),
  phone: ZOptionalPhone,
  email: ZOptionalEmail,
  handle: optionalText(80),
  source: optionalText(80),
  tags: ZTags.optional(),
  notes: optionalText(4000, true),
  nextFollowUp: ZIsoDate.nullish(),
  sharedWithUpline: z.boolean().optional(),
});
export type TPersonFields = z.input<typeof ZPersonFields>;

/** `person.add`: the id is the device's; adding the same id twice creates one person. */
export const ZAddPersonInput = ZPersonFields.extend({ id: ZPersonId });
export type TAddPersonInput = z.output<typeof ZAddPersonInput>;

export const ZPersonRef = z.object({ personId: ZPersonId });

/** `person.update`: only the fields sent change; null clears an optional field. */
export const ZUpdatePersonInput = ZPersonFields.partial();
export type TUpdatePersonInput = z.output<typeof ZUpdatePersonInput>;

/**
 * `person.setStage`: a funnel metric of the team (`stageMetricId`; null = back to "not contacted yet"), or an
 * outcome. Exactly one of the two is meant; an outcome keeps the stage reached.
 */
export const ZSetStageInput = z
  .object({ stageMetricId: ZId.nullable().optional(), outcome: ZPersonOutcome.nullable().optional() })
  .refine((input) => (input.stageMetricId === undefined) !== (input.outcome === undefined), {
    message: "Choose a stage or an outcome",
  });
export type TSetStageInput = z.output<typeof ZSetStageInput>;

/** A stage filter of the list: a funnel metric's id, "none" (not contacted yet) or an outcome. */
export const ZStageFilter = z.union([z.literal("none"), ZPersonOutcome, ZId]);

export const PEOPLE_PAGE_SIZE = 50;
export const ZListPeopleInput = z.object({
  search: zText({ max: 100 }).optional(),
  stage: ZStageFilter.optional(),
  tag: ZTag.transform((tag) => tag.toLowerCase()).optional(),
  archived: z.boolean().optional(),
  /** The opaque cursor of the previous page. */
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(200).optional(),
});
export type TListPeopleInput = z.output<typeof ZListPeopleInput>;

/** Tags as typed in a form: comma-separated ("gym, school"), turned into the list `ZPersonFields.tags` takes. */
export const ZTagsText = z
  .string()
  .max(1000, "Too many tags")
  .transform((text) =>
    text
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
  )
  .pipe(ZTags);

/** The person form (quick add's "more" and the person sheet): the fields, with tags as text. */
export const ZPersonForm = ZPersonFields.extend({ tags: ZTagsText, nextFollowUp: z.union([z.literal(""), ZIsoDate]) });
export type TPersonFormIn = z.input<typeof ZPersonForm>;
export type TPersonFormOut = z.output<typeof ZPersonForm>;
