/**
 * Maps anything a procedure throws to a TRPCError whose message is safe and useful to show a person.
 * Unknown errors become INTERNAL_SERVER_ERROR with a generic message (the cause is logged, not sent).
 */
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError } from "@/server/errors";
import { PlanningError } from "@/server/domain/errors";

interface PrismaLikeError {
  code: string;
  meta?: { target?: unknown; modelName?: string };
}

function isPrismaKnownError(error: unknown): error is PrismaLikeError {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof (error as { code: unknown }).code === "string" &&
    /^P\d{4}$/.test((error as { code: string }).code)
  );
}

export function toTRPCError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof ZodError) return new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
  if (cause instanceof AppError) return new TRPCError({ code: cause.code, message: cause.message, cause });
  if (cause instanceof PlanningError) return new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
  if (isPrismaKnownError(cause)) {
    switch (cause.code) {
      case "P2002":
        return new TRPCError({ code: "CONFLICT", message: "That already exists.", cause: error.cause });
      case "P2025":
        return new TRPCError({ code: "NOT_FOUND", message: "That record was not found.", cause: error.cause });
      case "P2003":
        return new TRPCError({ code: "BAD_REQUEST", message: "That refers to something that does not exist.", cause: error.cause });
      case "P2034":
        return new TRPCError({ code: "CONFLICT", message: "Someone else changed this at the same time. Please try again.", cause: error.cause });
    }
  }
  if (error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof TRPCError)) {
    console.error("[trpc] unexpected error", cause ?? error);
    return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side.", cause: error.cause });
  }
  return error;
}

/** "email: Enter a valid email address; name: Required" — readable, one line, at most three issues. */
export function describeZodError(error: ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return `Invalid input — ${parts.join("; ")}${more}`;
}
