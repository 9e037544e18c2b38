/**
 * The one home for what each notification kind is: its label (profile settings, unsubscribe page), the channels it
 * may use, and each channel's default when the person has not chosen (no NotificationPreference row).
 *
 * Pure: the browser (profile settings) and the server (notify(), the email jobs, one-click unsubscribe) read it.
 */
export const NOTIFICATION_KINDS = [
  "PROPOSAL_WAITING",
  "PROPOSAL_DECIDED",
  "CHEER",
  "REVIEW_STARTED",
  "COMMITMENT_DUE",
  "DOWNLINE_BEHIND",
  "BEHIND_PACE",
  "RECRUIT_JOINED",
  "GOAL_CLOSED",
  "DAILY_REMINDER",
  "WEEKLY_DIGEST",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["INBOX", "PUSH", "EMAIL"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface NotificationKindInfo {
  /** What a person reads in their settings: "A proposal waits for my decision". */
  label: string;
  /** Channel → default when not chosen. A channel absent here is never used for the kind. */
  channels: Partial<Record<NotificationChannel, boolean>>;
}

/**
 * Push is opt-in for every kind (the browser asks for permission; the profile turns kinds on). The inbox always
 * keeps what happened in the person's teams. Email is for the daily reminder and the weekly digest only.
 */
export const NOTIFICATION_KIND_INFO: Record<NotificationKind, NotificationKindInfo> = {
  PROPOSAL_WAITING: { label: "A proposal waits for my decision", channels: { INBOX: true, PUSH: false } },
  PROPOSAL_DECIDED: { label: "My proposal was decided", channels: { INBOX: true, PUSH: false } },
  CHEER: { label: "Someone cheered my victory", channels: { INBOX: true, PUSH: false } },
  REVIEW_STARTED: { label: "A weekly review started for my branch", channels: { INBOX: true, PUSH: false } },
  COMMITMENT_DUE: { label: "A commitment of mine is due", channels: { INBOX: true, PUSH: false } },
  DOWNLINE_BEHIND: {
    label: "Someone in my downline is behind pace",
    channels: { INBOX: true, PUSH: false },
  },
  BEHIND_PACE: { label: "I am behind pace", channels: { INBOX: true, PUSH: false } },
  RECRUIT_JOINED: { label: "A recruit joined under me", channels: { INBOX: true, PUSH: false } },
  GOAL_CLOSED: { label: "A goal closed: the result", channels: { INBOX: true, PUSH: false } },
  DAILY_REMINDER: { label: "Daily reminder to log", channels: { PUSH: false, EMAIL: true } },
  WEEKLY_DIGEST: { label: "Weekly digest of my branch", channels: { EMAIL: true } },
};

/** Whether a kind may use a channel at all. */
export function kindUsesChannel(kind: NotificationKind, channel: NotificationChannel): boolean {
  return NOTIFICATION_KIND_INFO[kind].channels[channel] !== undefined;
}

/**
 * Whether a person gets a kind on a channel: their stored choice, else the kind's default; never for a channel the
 * kind does not use.
 */
export function channelEnabled(
  kind: NotificationKind,
  channel: NotificationChannel,
  stored: boolean | undefined,
): boolean {
  const fallback = NOTIFICATION_KIND_INFO[kind].channels[channel];
  if (fallback === undefined) return false;
  return stored ?? fallback;
}
