/**
 * The one error mapper of the app's entry points: what a person is told about anything a service, the domain, zod
 * or Prisma throws, for tRPC (`toTRPCError`, used by server/api/trpc.ts) and for the REST route handlers under
 * app/api (`withErrorResponse` / `errorResponse`: a JSON `{ error }` body with the matching HTTP status).
 * Unknown errors become INTERNAL_SERVER_ERROR with a generic message (the cause is logged, not sent).
 */
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "@/server/errors";
import { PlanningError } from "@/server/domain/errors";

export type ErrorCode = AppErrorCode | "INTERNAL_SERVER_ERROR";

/** A code and a message that are safe and useful to show a person. */
export interface PublicError {
  code: ErrorCode;
  message: string;
}

/** The HTTP status of each code (tRPC's own table for these codes). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

const UNEXPECTED = "Something went wrong on our side.";

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

/** What a person may be told about an error we know (a service's, the domain's, zod's, Prisma's); null otherwise. */
export function publicError(error: unknown): PublicError | null {
  if (error instanceof ZodError) return { code: "BAD_REQUEST", message: describeZodError(error) };
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof PlanningError) return { code: "BAD_REQUEST", message: error.message };
  if (isPrismaKnownError(error)) {
    switch (error.code) {
      case "P2002":
        return { code: "CONFLICT", message: "That already exists." };
      case "P2025":
        return { code: "NOT_FOUND", message: "That record was not found." };
      case "P2003":
        return { code: "BAD_REQUEST", message: "That refers to something that does not exist." };
      case "P2034":
        return { code: "CONFLICT", message: "Someone else changed this at the same time. Please try again." };
    }
  }
  return null;
}

/** Maps anything a procedure throws (tRPC wraps it as the cause of a TRPCError) to the TRPCError a client sees. */
export function toTRPCError(error: TRPCError): TRPCError {
  const cause = error.cause;
  const known = publicError(cause);
  if (known) return new TRPCError({ code: known.code, message: known.message, cause });
  if (error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof TRPCError)) {
    console.error("[trpc] unexpected error", cause ?? error);
    return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED, cause });
  }
  return error;
}

/** The JSON response of a REST route for an error: `{ error: message }` with the code's HTTP status. */
export function errorResponse(error: unknown): Response {
  const known = publicError(error);
  if (!known) console.error("[api] unexpected error", error);
  const { code, message } = known ?? { code: "INTERNAL_SERVER_ERROR", message: UNEXPECTED };
  return jsonErrorResponse(HTTP_STATUS[code], message);
}

/** `{ error: message }` with a status of HTTP's own (413, 415…) that no service error maps to. */
export function jsonErrorResponse(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** A route handler whose errors become `errorResponse`s: `export const GET = withErrorResponse(async (req) => …)`. */
export function withErrorResponse<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
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
