import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "@/server/domain/notification-kinds";
import { readUnsubscribeToken, signUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "test-secret-0123456789";
const userId = fc.stringMatching(/^[a-z0-9]{1,30}$/);
const kind = fc.constantFrom(...NOTIFICATION_KINDS);

describe("unsubscribe tokens", () => {
  it("read back the person and kind they were signed for", () => {
    fc.assert(
      fc.property(userId, kind, (id, k) => {
        expect(readUnsubscribeToken(SECRET, signUnsubscribeToken(SECRET, id, k))).toEqual({ userId: id, kind: k });
      }),
    );
  });

  it("refuse any change of a character, another secret, and another person's or kind's signature", () => {
    fc.assert(
      fc.property(userId, kind, fc.nat(), fc.constantFrom(..."abcXYZ019-_."), (id, k, at, c) => {
        const token = signUnsubscribeToken(SECRET, id, k);
        const i = at % token.length;
        const changed = token.slice(0, i) + c + token.slice(i + 1);
        if (changed !== token) expect(readUnsubscribeToken(SECRET, changed)).toBeNull();
        expect(readUnsubscribeToken("another-secret", token)).toBeNull();
      }),
    );
    const mine = signUnsubscribeToken(SECRET, "alice", "DAILY_REMINDER");
    const theirs = signUnsubscribeToken(SECRET, "bob", "WEEKLY_DIGEST");
    expect(readUnsubscribeToken(SECRET, `${theirs.split(".")[0]}.${mine.split(".")[1]}`)).toBeNull();
    for (const bad of ["", ".", "a.b.c", "x".repeat(500)]) expect(readUnsubscribeToken(SECRET, bad)).toBeNull();
  });
});
