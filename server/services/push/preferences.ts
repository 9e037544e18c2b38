/**
 * A person's notification preferences: every kind × channel it uses (server/domain/notification-kinds.ts), with the
 * stored choice or the kind's default. The inbox is always on (its rows are the record of what happened in the
 * person's teams), so only Push and Email can be changed.
 */
import { badRequest } from "@/server/errors";
import type { DbClient } from "@/server/db-client";
import type { SessionUser } from "@/server/auth/session-user";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_INFO,
  channelEnabled,
  kindUsesChannel,
  type NotificationChannel,
  type NotificationKind,
} from "@/server/domain/notification-kinds";
import type { TSetNotificationPreferenceInput } from "@/server/schemas/push";

export interface ChannelPreference {
  channel: NotificationChannel;
  enabled: boolean;
  /** False for the inbox: always on. */
  changeable: boolean;
}

export interface KindPreferences {
  kind: NotificationKind;
  label: string;
  /** Only the channels the kind uses, in INBOX, PUSH, EMAIL order. */
  channels: ChannelPreference[];
}

export async function getNotificationPreferences(
  db: DbClient,
  user: Pick<SessionUser, "id">,
): Promise<KindPreferences[]> {
  const rows = await db.notificationPreference.findMany({
    where: { userId: user.id },
    select: { kind: true, channel: true, enabled: true },
  });
  const stored = new Map(rows.map((r) => [`${r.kind}:${r.channel}`, r.enabled]));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    label: NOTIFICATION_KIND_INFO[kind].label,
    channels: NOTIFICATION_CHANNELS.filter((channel) => kindUsesChannel(kind, channel)).map((channel) => ({
      channel,
      enabled: channel === "INBOX" || channelEnabled(kind, channel, stored.get(`${kind}:${channel}`)),
      changeable: channel !== "INBOX",
    })),
  }));
}

const CHANNEL_NAME: Record<NotificationChannel, string> = { INBOX: "the inbox", PUSH: "push", EMAIL: "email" };

export async function setNotificationPreference(
  db: DbClient,
  user: Pick<SessionUser, "id">,
  input: TSetNotificationPreferenceInput,
) {
  const { kind, channel, enabled } = input;
  const label = NOTIFICATION_KIND_INFO[kind].label;
  if (!kindUsesChannel(kind, channel)) {
    throw badRequest(`"${label}" is not sent by ${CHANNEL_NAME[channel]}.`, "channel");
  }
  if (channel === "INBOX") {
    throw badRequest("The inbox always keeps your notifications: turn push or email on or off instead.", "channel");
  }
  await db.notificationPreference.upsert({
    where: { userId_kind_channel: { userId: user.id, kind, channel } },
    create: { userId: user.id, kind, channel, enabled },
    update: { enabled },
  });
  return { kind, channel, enabled };
}
