/**
 * The server's Web Push (VAPID) identity, from the environment (env.ts). All three variables set = push is on;
 * otherwise it is off: the profile says "Push is not set up on this server" and queued pushes are skipped.
 */
import { env } from "@/env";

export interface VapidConfig {
  /** base64url, uncompressed P-256 point: given to browsers as `applicationServerKey`. */
  publicKey: string;
  privateKey: string;
  /** mailto:… or https://…: whom a push service can contact about this server. */
  subject: string;
}

export function vapidConfig(): VapidConfig | null {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT } = env;
  if (!VAPID_PUBLIC_KEY || !VAPID_PRIVATE_KEY || !VAPID_SUBJECT) return null;
  return { publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY, subject: VAPID_SUBJECT };
}
