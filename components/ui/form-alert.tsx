/** A form's own message (not tied to one field), announced when it appears. */
export function FormAlert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm font-medium text-red-700">
      {message}
    </p>
  );
}

/** A form's outcome once it is done ("Saved…"), announced politely when it appears. */
export function FormStatus({ message, breakWords = false }: { message?: string | null; breakWords?: boolean }) {
  if (!message) return null;
  return (
    <p
      role="status"
      className={breakWords ? "text-sm font-medium break-words text-slate-800" : "text-sm font-medium text-slate-800"}
    >
      {message}
    </p>
  );
}
