/**
 * A local SMTP server for integration tests that check real emails: `startInbox()` listens on a free port, points
 * outgoing mail at it (server/mail.ts setMailSettings) and collects each message (recipients and decoded text); `stop()` undoes both.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { setMailSettings } from "@/server/mail";
import { decodeMail } from "./mail-text";

export interface ReceivedMail {
  to: string[];
  /** The raw message as received. */
  raw: string;
  /** The text of a one-part message (of a multipart one: its text/plain part), decoded from quoted-printable or base64 (UTF-8). */
  text: string;
  /** The text/html part of a multipart message, decoded ("" when there is none). */
  html: string;
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
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: decodeMail(raw),
          html: decodeMail(raw, "html"),
        });
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
