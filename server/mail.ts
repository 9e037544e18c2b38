/**
 * Outgoing email. With SMTP_URL set (smtp://user:pass@host:port), mail goes through SMTP via nodemailer;
 * otherwise (dev, demo, tests) it is written to the server log so links can be copied from there.
 */
import nodemailer, { type Transporter } from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
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

export const mailFrom = () => process.env.EMAIL_FROM ?? "Backplan <no-reply@backplan.local>";

export async function sendMail(mail: Mail): Promise<{ delivered: "smtp" | "log" }> {
  const smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    await smtpTransport(smtpUrl).sendMail({ from: mailFrom(), ...mail });
    return { delivered: "smtp" };
  }
  console.info(`[mail] (SMTP_URL not set, logging instead)\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
  return { delivered: "log" };
}
