/**
 * Plausible inputs for a zod schema, for fuzzing procedures past their first validation: objects are built field by
 * field, and each leaf takes the first candidate the leaf's own schema accepts (so regexes, formats and ranges are
 * met without a generator per format). Candidates include real ids from the test data, so services run deep.
 */
import { z } from "zod";

type AnySchema = z.ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  options?: AnySchema[];
  in?: AnySchema;
  out?: AnySchema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => AnySchema;
  left?: AnySchema;
  right?: AnySchema;
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

export function plausible(schema: AnySchema, candidates: readonly unknown[], depth = 0): unknown {
  if (depth > 8) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = (schema as unknown as { shape: Record<string, AnySchema> }).shape;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const keyed = [...candidatesForKey(key, candidates), ...candidates];
        const value = plausible(field, keyed, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return plausible(def.innerType!, candidates, depth + 1);
    case "pipe": {
      // The input side's sample must also pass the output side (e.g. a string piped into z.uuid()).
      const value = plausible(def.in!, candidates, depth + 1);
      return schema.safeParse(value).success ? value : firstAccepted(schema, candidates);
    }
    case "lazy":
      return plausible(def.getter!(), candidates, depth + 1);
    case "array": {
      const item = plausible(def.element!, candidates, depth + 1);
      const value = item === undefined ? [] : [item];
      return schema.safeParse(value).success ? value : firstAccepted(schema, candidates);
    }
    case "union":
      for (const option of def.options ?? []) {
        const value = plausible(option, candidates, depth + 1);
        if (schema.safeParse(value).success) return value;
      }
      return plausible(def.options![0]!, candidates, depth + 1);
    case "intersection": {
      const left = plausible(def.left!, candidates, depth + 1);
      const right = plausible(def.right!, candidates, depth + 1);
      return typeof left === "object" && typeof right === "object" ? { ...left, ...right } : left;
    }
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "record":
      return {};
    default:
      return firstAccepted(schema, candidates);
  }
}

function firstAccepted(schema: AnySchema, candidates: readonly unknown[]): unknown {
  for (const candidate of candidates) if (schema.safeParse(candidate).success) return candidate;
  return undefined;
}

function candidatesForKey(key: string, candidates: readonly unknown[]): unknown[] {
  const lower = key.toLowerCase();
  if (lower.includes("email")) return ["fuzz.person@example.test"];
  if (lower.includes("phone")) return ["+44 20 7946 0958"];
  if (lower.includes("currency")) return ["GBP"];
  if (lower.includes("timezone")) return ["Europe/London"];
  if (lower.includes("time") && !lower.includes("zone")) return ["18:30"];
  if (lower === "password") return ["a-long-enough-password"];
  if (
    lower.includes("date") ||
    lower === "day" ||
    lower.includes("deadline") ||
    lower === "asof" ||
    lower === "weekstart"
  )
    return ["2026-11-23", "2026-12-31"];
  return candidates.filter((c) => typeof c !== "string" || !c.includes("@"));
}

/** Values no procedure should accept quietly: wrong types, extremes, fractions, bad dates, unknown ids. */
export function badValues(foreignIds: readonly string[]): unknown[] {
  return [
    null,
    "",
    "x".repeat(100_000),
    -1,
    1.5,
    2_147_483_648,
    1e308,
    Number.NaN,
    "9999-99-99",
    "2026-02-30",
    "cnotarealid0000000000000000",
    '\'; DROP TABLE "User"; --',
    {},
    [1, 2, 3],
    ...foreignIds,
  ];
}
