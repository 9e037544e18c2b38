/**
 * The one-click unsubscribe of a mail kind (RFC 8058 + RFC 2369): the link (POST /api/unsubscribe?token=…, no
 * sign-in) and the two headers mail clients read to show their own "Unsubscribe" button:
 *   List-Unsubscribe: <https://…/api/unsubscribe?token=…&team=…>
 *   List-Unsubscribe-Post: List-Unsubscribe=One-Click
 * `team` (the team's slug, not signed: it only chooses the settings link on the page) leads back to the profile.
 */
import type { NotificationKind } from "@/server/domain/notification-kinds";
import { unsubscribeToken } from "./unsubscribe-secret";

export interface ListUnsubscribe {
  /** The https link for the footer and the header (opened in a browser, it shows the page with the button). */
  url: string;
  headers: Record<string, string>;
}

export function listUnsubscribe(args: {
  appUrl: string;
  userId: string;
  kind: NotificationKind;
  teamSlug?: string;
}): ListUnsubscribe {
  const query = new URLSearchParams({ token: unsubscribeToken(args.userId, args.kind) });
  if (args.teamSlug) query.set("team", args.teamSlug);
  const url = `${args.appUrl.replace(/\/$/, "")}/api/unsubscribe?${query.toString()}`;
  return {
    url,
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
