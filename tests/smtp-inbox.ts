/**
 * A local SMTP server for integration tests that check real emails: `startInbox()` listens on a free port, points
 * outgoing mail at it (server/mail.ts setMailSettings) and collects each message (recipients and decoded text); `stop()` undoes both.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { setMailSettings } from "@/server/mail";

export interface ReceivedMail {
  to: string[];
  /** The raw message as received. */
  raw: string;
  /** The text of a one-part message (of a multipart one: its text/plain part), decoded from quoted-printable or base64 (UTF-8). */
  text: string;
}

export async function startInbox(): Promise<{ mails: ReceivedMail[]; stop: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const restoreMail = setMailSettings({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
  return {
    mails,
    stop: async () => {
      restoreMail();
      await new Promise<void>((resolve) => smtp.close(resolve));
    },
  };
}

function decodeMail(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  // multipart/alternative (text + html): the text/plain part.
  const boundary = /content-type:\s*multipart\/[a-z]+;[\s\S]*?boundary="?([^"\r\n;]+)"?/i.exec(head)?.[1];
  if (boundary) {
    const parts = body.split(`--${boundary}`).map((p) => p.replace(/^\r?\n/, ""));
    const text = parts.find((p) => /content-type:\s*text\/plain/i.test(p.split(/\r?\n\r?\n/)[0] ?? ""));
    if (text) return decodeMail(text);
  }
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return Buffer.from(body, "latin1").toString("utf8");
}
