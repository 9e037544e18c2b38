import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * Reads a tRPC error into what a form shows: field errors from zod (flattened by the server's
 * errorFormatter), the service's own `field`, and a message for everything else.
 */
export interface FormErrors {
  fields: Record<string, string>;
  message: string | null;
}

export function formErrorsFrom(error: unknown): FormErrors {
  if (!error || typeof error !== "object") return { fields: {}, message: null };
  const e = error as {
    message?: string;
    data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null; field?: string };
  };
  const fields: Record<string, string> = {};
  for (const [name, messages] of Object.entries(e.data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fields[name] = messages[0];
  }
  if (e.data?.field && e.message) fields[e.data.field] = e.message;
  const message = Object.keys(fields).length > 0 ? null : (e.message ?? "Something went wrong.");
  return { fields, message };
}

/**
 * Puts a tRPC error on a react-hook-form: each field error beside its field (only the form's own `fields`; the first
 * takes the focus) and anything else as the form's message, `errors.root.server` (shown by `<FormAlert>`; react-hook-form
 * clears it on the next submit).
 */
export function setServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): void {
  const { fields: found, message } = formErrorsFrom(error);
  let focus = true;
  const unplaced: string[] = [];
  for (const [name, text] of Object.entries(found)) {
    const field = fields.find((f) => f === name);
    if (field) {
      setError(field, { message: text }, { shouldFocus: focus });
      focus = false;
    } else unplaced.push(text);
  }
  const rest = message ?? unplaced[0];
  if (rest) setError("root.server", { message: rest });
}
