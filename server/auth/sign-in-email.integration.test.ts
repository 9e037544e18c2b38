/**
 * The magic-link email against a real SMTP peer (smtp-server on a loopback port), and the server-log
 * fallback when SMTP_URL is not set. Also checks that next-auth's email provider sends through it.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/server/auth";
import { sendSignInLink } from "@/server/auth/sign-in-email";
import { setMailSettings } from "@/server/mail";
import type { Database } from "@/server/db-client";
import { createTestDatabase } from "@/tests/setup/test-db";

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let database: Database;
let smtpUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  // The provider rate-limits requests through the app's database (server/db.ts): give it a real test database.
  database = await createTestDatabase();
  (globalThis as { backplanDatabase?: Database }).backplanDatabase = database;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  delete (globalThis as { backplanDatabase?: Database }).backplanDatabase;
  await database.close();
});

let restoreMail: () => void = () => undefined;
afterEach(() => {
  restoreMail();
  vi.restoreAllMocks();
  received.length = 0;
});

const url = "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fteams&token=abc123&email=ana%40example.test";

/** Quoted-printable bodies wrap long lines ("=\r\n") and escape "=" as "=3D"; undo that to read the link. */
const decodeQuotedPrintable = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe("magic-link email", () => {
  it("is delivered through SMTP when SMTP_URL is set", async () => {
    restoreMail = setMailSettings({ smtpUrl, from: "Backplan <hello@backplan.test>" });
    const log = vi.spyOn(console, "info");

    const result = await sendSignInLink({ identifier: "ana@example.test", url });

    expect(result).toEqual({ delivered: "smtp" });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.from).toBe("hello@backplan.test");
    expect(mail.to).toEqual(["ana@example.test"]);
    expect(mail.raw).toMatch(/^Subject: Your Backplan sign-in link$/m);
    expect(decodeQuotedPrintable(mail.raw)).toContain(url);
    expect(log).not.toHaveBeenCalled();
  });

  it("is written to the server log when SMTP_URL is not set", async () => {
    restoreMail = setMailSettings({ smtpUrl: undefined });
    const log = vi.spyOn(console, "info").mockImplementation(() => undefined);

    const result = await sendSignInLink({ identifier: "ben@example.test", url });

    expect(result).toEqual({ delivered: "log" });
    expect(received).toHaveLength(0);
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).toContain("To: ben@example.test");
    expect(line).toContain(url);
  });

  it("fails loudly (so next-auth shows 'could not send') when the SMTP server is unreachable", async () => {
    restoreMail = setMailSettings({ smtpUrl: "smtp://127.0.0.1:1" });
    await expect(sendSignInLink({ identifier: "cy@example.test", url })).rejects.toThrow();
  });

  it("is what next-auth's email provider sends", async () => {
    restoreMail = setMailSettings({ smtpUrl });
    const provider = authOptions.providers.find((p) => p.id === "email") as unknown as {
      options: {
        maxAge: number;
        sendVerificationRequest: (params: { identifier: string; url: string }) => Promise<void>;
      };
    };
    expect(provider.options.maxAge).toBe(15 * 60);
    await provider.options.sendVerificationRequest({ identifier: "dee@example.test", url });
    expect(received.map((m) => m.to)).toEqual([["dee@example.test"]]);
  });
});
