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
