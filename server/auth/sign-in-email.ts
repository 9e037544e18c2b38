/**
 * The magic-link email next-auth's email provider sends: through SMTP when SMTP_URL is set, otherwise
 * written to the server log (dev, demo) — see server/mail.ts.
 */
import { sendMail } from "@/server/mail";

export const SIGN_IN_LINK_MINUTES = 15;

export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }) {
  const note = `The link works once, for ${SIGN_IN_LINK_MINUTES} minutes. If you did not ask for it, ignore this email.`;
  return sendMail({
    to: identifier,
    subject: "Your Backplan sign-in link",
    text: `Sign in to Backplan:\n${url}\n\n${note}`,
    html: `<p><a href="${escapeHtml(url)}">Sign in to Backplan</a></p><p>${note}</p>`,
  });
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
