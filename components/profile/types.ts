import type { RouterOutputs } from "@/components/api-types";

export type Profile = RouterOutputs["member"]["profile"];
export type ConversionRates = RouterOutputs["member"]["conversionRates"];
