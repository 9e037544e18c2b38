/**
 * The email of an invitation bound to an address (a leader's import): the team's name and the link to accept it
 * (/join/<token>), which works only for the account of that address once it is verified. Rate limited per address
 * (server/services/auth/account-mail-limit.ts); a mail that cannot be sent is logged — the invitation still waits on
 * the person's teams page.
 */
import type { DbClient } from "@/server/db-client";
import { sendMail } from "@/server/mail";
import { accountMailAllowed } from "@/server/services/auth/account-mail-limit";
import { appUrl } from "@/server/services/auth/auth-mail";
import { IMPORT_INVITATION_DAYS_TEXT } from "./invitation-days";

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export async function sendInvitationEmail(db: DbClient, args: { to: string; token: string; teamName: string }) {
  if (!(await accountMailAllowed(db, args.to))) return { sent: false };
  const url = appUrl(`/join/${args.token}`);
  const lead = `You are invited to join ${args.teamName} on Backplan.`;
  const note = `Open the link to accept or ignore it: nothing happens unless you accept. It works once, for ${IMPORT_INVITATION_DAYS_TEXT}. Signed in to Backplan, you also find it on your teams page.`;
  try {
    await sendMail({
      to: args.to,
      subject: `Invitation to join ${args.teamName} on Backplan`,
      text: `${lead}\n\nAccept the invitation:\n${url}\n\n${note}`,
      html: `<p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(url)}">Accept the invitation</a></p><p>${escapeHtml(note)}</p>`,
    });
    return { sent: true };
  } catch (error) {
    console.error(`[mail] invitation to ${args.to} not sent`, error);
    return { sent: false };
  }
}
