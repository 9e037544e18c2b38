/**
 * Outgoing email. With SMTP_URL set (smtp://user:pass@host:port), mail goes through SMTP via nodemailer;
 * otherwise (dev, demo, tests) it is written to the server log so links can be copied from there.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (server/mail/list-unsubscribe.ts). */
  headers?: Record<string, string>;
}

export interface MailSettings {
  /** SMTP server; undefined = write mail to the server log. */
  smtpUrl: string | undefined;
  /** The From header. */
  from: string;
}

const fromEnvironment = (): MailSettings => ({ smtpUrl: env.SMTP_URL, from: env.EMAIL_FROM });
let settings = fromEnvironment();

/**
 * Sends mail elsewhere than the environment says until the returned function is called — for tests that read
 * real emails from a local SMTP server (tests/smtp-inbox.ts), since the environment is read once, at start.
 */
export function setMailSettings(next: Partial<MailSettings>): () => void {
  settings = { ...settings, ...next };
  return () => {
    settings = fromEnvironment();
  };
}

const transporters = new Map<string, Transporter>();

/** One pooled transport per SMTP_URL (reused across emails). */
function smtpTransport(url: string): Transporter {
  let transporter = transporters.get(url);
  if (!transporter) {
    transporter = nodemailer.createTransport(url);
    transporters.set(url, transporter);
  }
  return transporter;
}

export async function sendMail(mail: Mail): Promise<{ delivered: "smtp" | "log" }> {
  const { smtpUrl, from } = settings;
  if (smtpUrl) {
    await smtpTransport(smtpUrl).sendMail({ from, ...mail });
    return { delivered: "smtp" };
  }
  console.info(
    `[mail] (SMTP_URL not set, logging instead)\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`,
  );
  return { delivered: "log" };
}
