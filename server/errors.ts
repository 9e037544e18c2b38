/**
 * Application errors thrown by services. The tRPC error formatter maps `code` to an HTTP-ish tRPC code,
 * so a service never needs to know about transport. Messages are written for the person using the app.
 */
export type AppErrorCode =
  "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Optional form field the error belongs to, so forms can show it beside the input. */
  readonly field?: string;

  constructor(code: AppErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options?.field;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const badRequest = (message: string, field?: string) => new AppError("BAD_REQUEST", message, { field });
