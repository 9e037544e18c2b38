/**
 * The email of an invitation bound to an address (a leader's import): the team's name and the link to accept it
 * (/join/<token>), which works only for the account of that address once it is verified. Rate limited per address
 * (server/services/auth/account-mail-limit.ts); a mail that cannot be sent is logged — the invitation still waits on
 * the person's teams page.
 */
import type { DbClient } from "@/server/db-client";
import { accountMailAllowed } from "@/server/services/auth/account-mail-limit";
import { appUrl, sendLinkMail } from "@/server/services/auth/auth-mail";
import { IMPORT_INVITATION_DAYS_TEXT } from "./invitation-days";

export async function sendInvitationEmail(db: DbClient, args: { to: string; token: string; teamName: string }) {
  if (!(await accountMailAllowed(db, args.to))) return { sent: false };
  const url = appUrl(`/join/${args.token}`);
  const lead = `You are invited to join ${args.teamName} on Backplan.`;
  const note = `Open the link to accept or ignore it: nothing happens unless you accept. It works once, for ${IMPORT_INVITATION_DAYS_TEXT}. Signed in to Backplan, you also find it on your teams page.`;
  try {
    await sendLinkMail(args.to, `Invitation to join ${args.teamName} on Backplan`, {
      heading: `Join ${args.teamName} on Backplan`,
      lead,
      link: { label: "Accept the invitation", url },
      note,
    });
    return { sent: true };
  } catch (error) {
    console.error(`[mail] invitation to ${args.to} not sent`, error);
    return { sent: false };
  }
}
