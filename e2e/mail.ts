/**
 * Email in the e2e run: the server sends through SMTP (playwright.config.ts sets SMTP_URL to E2E_SMTP_PORT), and
 * `startMailDrop` (the config's global setup, e2e/global-setup.ts) receives each message and writes its decoded text
 * to `.data/e2e-mail/`. Tests read it with `waitForMail(to, pattern)`: verification links, reset links, invitations.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { decodeMail } from "../tests/mail-text";

export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3125);
export const MAIL_DIR = fileURLToPath(new URL("../.data/e2e-mail/", import.meta.url));

export async function startMailDrop(): Promise<() => Promise<void>> {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  let n = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const text = decodeMail(Buffer.concat(chunks).toString("latin1"));
        for (const rcpt of session.envelope.rcptTo) {
          n += 1;
          writeFileSync(path.join(MAIL_DIR, `${String(n).padStart(6, "0")}-${rcpt.address.toLowerCase()}.txt`), text);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(E2E_SMTP_PORT, "127.0.0.1", resolve));
  return () => new Promise<void>((resolve) => smtp.close(() => resolve()));
}

/** The newest mail to `to` whose text matches `pattern` (waits up to 15 s); returns the first capture group or the match. */
export async function waitForMail(to: string, pattern: RegExp): Promise<string> {
  const suffix = `-${to.toLowerCase()}.txt`;
  for (let waited = 0; waited < 15_000; waited += 250) {
    const files = readdirSync(MAIL_DIR)
      .filter((f) => f.endsWith(suffix))
      .sort()
      .reverse();
    for (const file of files) {
      const match = pattern.exec(readFileSync(path.join(MAIL_DIR, file), "utf8"));
      if (match) return match[1] ?? match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail to ${to} matching ${pattern} within 15 s (${MAIL_DIR}).`);
}
