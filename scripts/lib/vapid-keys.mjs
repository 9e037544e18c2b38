// Web Push (VAPID) keys for demo and e2e runs: generated once into .data/vapid-keys.json (like .data/auth-secret), so
// browsers subscribed in one run keep receiving in the next. A real deployment sets VAPID_PUBLIC_KEY,
// VAPID_PRIVATE_KEY and VAPID_SUBJECT itself (docs/OPERATIONS.md, "Web Push (VAPID keys)").
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";

export function ensureVapidKeys(projectRoot) {
  const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT } = process.env;
  if (VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY) {
    return { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT: VAPID_SUBJECT || "mailto:demo@backplan.example" };
  }
  const file = path.join(projectRoot, ".data", "vapid-keys.json");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const keys = webpush.generateVAPIDKeys();
    writeFileSync(file, JSON.stringify({ publicKey: keys.publicKey, privateKey: keys.privateKey }), { mode: 0o600 });
  }
  const keys = JSON.parse(readFileSync(file, "utf8"));
  return {
    VAPID_PUBLIC_KEY: keys.publicKey,
    VAPID_PRIVATE_KEY: keys.privateKey,
    VAPID_SUBJECT: VAPID_SUBJECT || "mailto:demo@backplan.example",
  };
}
