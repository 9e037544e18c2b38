/**
 * The one error the planning engine throws.
 *
 * Guarantees: every invalid input to a function in `server/domain/` is rejected with a `PlanningError` whose
 * `message` is a sentence a leader can read ("The deadline (2026-12-01) is before the start (2026-12-05)."),
 * whose `code` is a stable machine-readable string (snake_case) and whose `field`, when set, names the input field
 * at fault. Services map it to a 400-class error. Nothing else is thrown on purpose.
 */
export class PlanningError extends Error {
  readonly code: string;
  readonly field?: string;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = "PlanningError";
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** True for a safe integer (the representation of every amount: minor units or whole counts). */
export function isAmount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** Throws unless `value` is a safe integer ≥ `min` (default 0). Returns it for chaining. */
export function requireAmount(value: number, field: string, label: string = field, min = 0): number {
  if (!isAmount(value)) {
    throw new PlanningError("invalid_amount", `The ${label} must be a whole number (got ${String(value)}).`, field);
  }
  if (value < min) {
    throw new PlanningError(
      "invalid_amount",
      min === 0
        ? `The ${label} cannot be negative (got ${value}).`
        : `The ${label} must be at least ${min} (got ${value}).`,
      field,
    );
  }
  return value;
}
