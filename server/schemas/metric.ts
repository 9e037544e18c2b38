import { z } from "zod";
import { ZId, zText } from "./common";

export const ZMetricKey = z
  .string()
  .trim()
  .min(2, "At least 2 characters")
  .max(40, "At most 40 characters")
  .regex(/^[a-z][a-z0-9_]*$/, "Lower-case letters, digits and underscores, starting with a letter");

export const ZMetricFields = z.object({
  key: ZMetricKey,
  name: zText({ min: 2, max: 60 }),
  kind: z.enum(["RESULT", "ACTIVITY"]),
  unit: z.enum(["COUNT", "MONEY", "MINUTES"]).default("COUNT"),
  direction: z.enum(["INCREASE", "DECREASE"]).default("INCREASE"),
  minutesPerAction: z
    .number()
    .int("Whole minutes")
    .min(0, "Cannot be negative")
    .max(600, "At most 600 minutes")
    .nullable()
    .default(null),
});
export type TMetricFields = z.infer<typeof ZMetricFields>;

export const ZCreateMetricInput = ZMetricFields;
export const ZUpdateMetricInput = ZMetricFields.partial().extend({ metricId: ZId });
export type TUpdateMetricInput = z.infer<typeof ZUpdateMetricInput>;
export const ZMetricRef = z.object({ metricId: ZId });
export type TMetricRef = z.infer<typeof ZMetricRef>;

export const ZFunnelStepInput = z.object({
  activityMetricId: ZId,
  fromCount: z.number().int("Whole numbers only").min(1, "At least 1").max(1_000_000),
  toCount: z.number().int("Whole numbers only").min(1, "At least 1").max(1_000_000_000),
});
export const ZSetFunnelInput = z.object({
  resultMetricId: ZId,
  steps: z.array(ZFunnelStepInput).max(8, "At most 8 steps"),
});
export type TSetFunnelInput = z.infer<typeof ZSetFunnelInput>;

export const TEMPLATE_KEYS = ["NETWORK_MARKETING", "SALES", "CONTENT"] as const;
export const ZApplyTemplateInput = z.object({ template: z.enum(TEMPLATE_KEYS) });
export type TApplyTemplateInput = z.infer<typeof ZApplyTemplateInput>;
