import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { PlanningError } from "@/server/domain/errors";
import { AppError } from "@/server/errors";
import { errorResponse, toTRPCError, withErrorResponse } from "./error-mapping";

afterEach(() => vi.restoreAllMocks());

const zodError = () => {
  const parsed = z.object({ email: z.email() }).safeParse({ email: "nope" });
  if (parsed.success) throw new Error("expected a zod error");
  return parsed.error;
};

describe("one error mapper for tRPC and REST", () => {
  it("gives a REST route the same code and message as tRPC, as JSON with the HTTP status", async () => {
    const cases: [unknown, number, string][] = [
      [new AppError("NOT_FOUND", "Team was not found."), 404, "Team was not found."],
      [new AppError("FORBIDDEN", "Only the owner."), 403, "Only the owner."],
      [new AppError("UNAUTHORIZED", "Sign in."), 401, "Sign in."],
      [new AppError("TOO_MANY_REQUESTS", "Slow down."), 429, "Slow down."],
      [
        new PlanningError("bad_deadline", "The deadline is before the start."),
        400,
        "The deadline is before the start.",
      ],
      [Object.assign(new Error("unique"), { code: "P2002" }), 409, "That already exists."],
      [zodError(), 400, "Invalid input — email: Invalid email address"],
    ];
    for (const [error, status, message] of cases) {
      const res = errorResponse(error);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(await res.json()).toEqual({ error: message });
      const trpc = toTRPCError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error as Error }));
      expect(trpc.message).toBe(message);
    }
  });

  it("hides an unknown error behind a generic 500 and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const handler = withErrorResponse(() => Promise.reject(new Error("connection string with a password")));
    const res = await handler();
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "Something went wrong on our side." });
    expect(log).toHaveBeenCalledTimes(1);
  });
});
