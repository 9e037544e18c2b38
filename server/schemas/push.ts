/**
 * Web Push subscriptions and notification preferences (server/api/routers/push.ts): the procedures' inputs, shared
 * with the profile's Notifications section (components/profile/notification-settings.tsx).
 */
import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/server/domain/notification-kinds";
import { hasControlCharacters, zText } from "./common";

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** How many bytes a base64url text decodes to (no padding); NaN when it is not base64url. */
function base64urlBytes(text: string): number {
  const trimmed = text.replace(/=+$/, "");
  if (!BASE64URL.test(trimmed) || trimmed.length % 4 === 1) return Number.NaN;
  return Math.floor((trimmed.length * 3) / 4);
}

/** Hosts a push service never has: a server must not be steered into POSTing to its own network. */
function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[") || /^[\d.]+$/.test(host)) return true; // IP literals (v6 in brackets, v4 dotted)
  if (!host.includes(".")) return true; // single-label names (localhost, intranet hosts)
  return /\.(localhost|local|internal|lan|home\.arpa|intranet|corp)$/.test(host);
}

/**
 * A push service's endpoint: https on a public host name, at most 2,000 characters. Every real push service (FCM,
 * Mozilla autopush, Windows WNS, Apple) answers on such an address; anything else is refused so a stored
 * subscription can never make the server call into its own network.
 */
export const ZPushEndpoint = z
  .string()
  .max(2000, "The push endpoint is too long.")
  .refine((value) => !hasControlCharacters(value), "This is not a push service address.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && !url.username && !url.password && !isPrivateHost(url.hostname);
    } catch {
      return false;
    }
  }, "This is not a push service address (https on a public host).");

/** `PushSubscription.toJSON()` of the browser. */
export const ZPushSubscriptionJson = z.object({
  endpoint: ZPushEndpoint,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    /** The browser's uncompressed P-256 public key: 65 bytes. */
    p256dh: z
      .string()
      .max(100)
      .refine((v) => base64urlBytes(v) === 65, "The subscription's p256dh key is not a P-256 public key."),
    /** The browser's auth secret: 16 bytes. */
    auth: z
      .string()
      .max(40)
      .refine((v) => base64urlBytes(v) === 16, "The subscription's auth secret is not 16 bytes."),
  }),
});
export type TPushSubscriptionJson = z.infer<typeof ZPushSubscriptionJson>;

export const ZSubscribePushInput = z.object({
  subscription: ZPushSubscriptionJson,
  /** The browser's user agent, shown to the person to tell their devices apart. */
  userAgent: zText({ max: 500 }).optional(),
});
export type TSubscribePushInput = z.infer<typeof ZSubscribePushInput>;

/** An endpoint given back (turning push off, asking about this device): any text, matched exactly. */
const ZEndpointText = z
  .string()
  .min(1, "Which device?")
  .max(2000, "The push endpoint is too long.")
  .refine((value) => !hasControlCharacters(value), "This is not a push service address.");

export const ZUnsubscribePushInput = z.object({ endpoint: ZEndpointText });
export type TUnsubscribePushInput = z.infer<typeof ZUnsubscribePushInput>;

/** The status of push for the caller; `endpoint`: this device's subscription, to say whether it is on here. */
export const ZPushStatusInput = z.object({ endpoint: ZEndpointText.optional() }).optional();
export type TPushStatusInput = z.infer<typeof ZPushStatusInput>;

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS, { error: "Unknown notification kind." });
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS, { error: "Unknown channel." });

export const ZSetNotificationPreferenceInput = z.object({
  kind: ZNotificationKind,
  channel: ZNotificationChannel,
  enabled: z.boolean(),
});
export type TSetNotificationPreferenceInput = z.infer<typeof ZSetNotificationPreferenceInput>;
