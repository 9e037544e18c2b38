import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { readRequestUser } from "./request-user";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import * as clock from "@/server/clock";

const secret = "test-secret-of-enough-length-0123456789";
const user = { sub: "user_1", name: "Nina Member", email: "nina@example.com" };

describe("session token with the derived key cached", () => {
  it("reads cookies made by next-auth and makes cookies next-auth reads (same format)", async () => {
    const fromNextAuth = await encode({ token: user, secret });
    expect(await decodeSessionToken({ token: fromNextAuth, secret })).toMatchObject(user);
    const ours = await encodeSessionToken({ token: user, secret, maxAge: 60 });
    const payload = await decode({ token: ours, secret });
    expect(payload).toMatchObject(user);
    expect(payload!.exp).toBeGreaterThan(clock.nowMs() / 1000 + 50);
    expect(typeof payload!.jti).toBe("string");
  });

  it("refuses an expired token, one made with another secret, and garbage", async () => {
    const expired = await encode({ token: user, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    const other = await encode({ token: user, secret: "another-secret-another-secret-123" });
    await expect(decodeSessionToken({ token: other, secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: "not.a.token.at.all", secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });

  it("derives a different key per salt and per secret (the cache never mixes them)", async () => {
    const salted = await encodeSessionToken({ token: user, secret, salt: "a" });
    expect(await decodeSessionToken({ token: salted, secret, salt: "a" })).toMatchObject(user);
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: salted, secret: `${secret}x`, salt: "a" })).rejects.toThrow();
  });
});

describe("readRequestUser (the tRPC context's session, server/auth.ts getRequestUser)", () => {
  const getRequestUser = (req: Request, resHeaders?: Headers) =>
    readRequestUser(req, { secret, secureCookie: false }, resHeaders);
  const request = (headers: Record<string, string>) => new Request("http://127.0.0.1/api/trpc/entry.log", { headers });

  it("is the cookie's user; nobody without a valid, unexpired cookie", async () => {
    const cookie = await encode({ token: user, secret });
    expect(await getRequestUser(request({ cookie: `next-auth.session-token=${cookie}` }))).toEqual({
      id: "user_1",
      email: "nina@example.com",
      name: "Nina Member",
      sessionVersion: 0,
    });
    expect(await getRequestUser(request({}))).toBeNull();
    const expired = await encode({ token: user, secret, maxAge: -60 });
    expect(await getRequestUser(request({ cookie: `next-auth.session-token=${expired}` }))).toBeNull();
    const forged = await encode({ token: user, secret: "another-secret-another-secret-123" });
    expect(await getRequestUser(request({ cookie: `next-auth.session-token=${forged}` }))).toBeNull();
    // A bearer token is not a session (getServerSession never accepted one either).
    expect(await getRequestUser(request({ authorization: `Bearer ${cookie}` }))).toBeNull();
    // The body is left for the handler (the tRPC request still has to read it).
    const post = new Request("http://127.0.0.1/api/trpc/entry.log", {
      method: "POST",
      headers: { cookie: `next-auth.session-token=${cookie}` },
      body: '{"json":1}',
    });
    expect(await getRequestUser(post)).toMatchObject({ id: "user_1" });
    expect(await post.text()).toBe('{"json":1}');
    // The session version rides in the token (`sv`), for the revocation check (server/auth/session-version.ts).
    const versioned = await encode({ token: { ...user, sv: 3 }, secret });
    expect(await getRequestUser(request({ cookie: `next-auth.session-token=${versioned}` }))).toMatchObject({
      sessionVersion: 3,
    });
    // A token without an email is not a session user.
    const noEmail = await encode({ token: { sub: "user_2" }, secret });
    expect(await getRequestUser(request({ cookie: `next-auth.session-token=${noEmail}` }))).toBeNull();
  });

  it("renews a cookie older than a day (a rolling 30-day session) and leaves a fresh one alone", async () => {
    const fresh = await encode({ token: user, secret });
    const freshHeaders = new Headers();
    expect(await getRequestUser(request({ cookie: `next-auth.session-token=${fresh}` }), freshHeaders)).toMatchObject({
      id: "user_1",
    });
    expect(freshHeaders.get("set-cookie")).toBeNull();

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(clock.nowMs() - 2 * 24 * 3600 * 1000);
    const old = await encode({ token: user, secret });
    vi.useRealTimers();
    const headers = new Headers();
    expect(await getRequestUser(request({ cookie: `next-auth.session-token=${old}` }), headers)).toEqual({
      id: "user_1",
      email: "nina@example.com",
      name: "Nina Member",
      sessionVersion: 0,
    });
    const setCookie = headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const renewed = await decode({
      token: setCookie.slice("next-auth.session-token=".length, setCookie.indexOf(";")),
      secret,
    });
    const now = clock.nowMs() / 1000;
    expect(renewed).toMatchObject(user);
    expect(renewed!.iat).toBeGreaterThan(now - 60);
    expect(renewed!.exp).toBeGreaterThan(now + 29 * 24 * 3600);
    expect(Date.parse(setCookie.match(/Expires=([^;]+)/)![1]!) / 1000).toBeGreaterThan(now + 29 * 24 * 3600);
  });

  it("never renews a session the server says is over (signed out, or outdated): a copied token cannot outlive it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(clock.nowMs() - 2 * 24 * 3600 * 1000);
    const old = await encode({ token: { ...user, sid: "s1" }, secret });
    vi.useRealTimers();
    const asked: unknown[] = [];
    const read = (current: boolean) => {
      const headers = new Headers();
      const mayRenew = (u: unknown) => {
        asked.push(u);
        return Promise.resolve(current);
      };
      return readRequestUser(
        request({ cookie: `next-auth.session-token=${old}` }),
        { secret, secureCookie: false, mayRenew },
        headers,
      ).then((u) => ({ u, setCookie: headers.get("set-cookie") }));
    };
    const refused = await read(false);
    expect(refused.u).toMatchObject({ id: "user_1", sid: "s1" });
    expect(refused.setCookie).toBeNull();
    expect((await read(true)).setCookie).toMatch(/^next-auth\.session-token=/);
    expect(asked).toEqual([expect.objectContaining({ sid: "s1" }), expect.objectContaining({ sid: "s1" })]);
  });
});
