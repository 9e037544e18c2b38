/**
 * The magic-link email next-auth's email provider sends: through SMTP when SMTP_URL is set, otherwise
 * written to the server log (dev, demo) — see server/mail.ts. HTML in Backplan's one email frame
 * (server/mail/templates/link-mail.tsx); the text as it always was.
 */
import { createElement } from "react";
import { sendMail } from "@/server/mail";
import { renderHtml } from "@/server/mail/render";
import { LinkMail } from "@/server/mail/templates/link-mail";

export const SIGN_IN_LINK_MINUTES = 15;

export async function sendSignInLink({ identifier, url }: { identifier: string; url: string }) {
  const note = `The link works once, for ${SIGN_IN_LINK_MINUTES} minutes. If you did not ask for it, ignore this email.`;
  return sendMail({
    to: identifier,
    subject: "Your Backplan sign-in link",
    text: `Sign in to Backplan:\n${url}\n\n${note}`,
    html: await renderHtml(
      createElement(LinkMail, {
        heading: "Sign in to Backplan",
        lead: "Open the link to sign in to Backplan.",
        link: { label: "Sign in to Backplan", url },
        note,
      }),
    ),
  });
}
