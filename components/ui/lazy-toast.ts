"use client";
/**
 * sonner, loaded on first use instead of in every page's first-load JavaScript. `toast` here has the subset of
 * sonner's API the app uses (plain, success, error, with options); each call loads sonner (once) and forwards.
 * sonner replays toasts made before its <Toaster> subscribed, so nothing shown early is lost.
 */
import type { ExternalToast } from "sonner";

type Sonner = typeof import("sonner");
let sonner: Promise<Sonner> | null = null;

/** The sonner module (loaded once; the same instance the lazy Toaster renders). */
export const loadSonner = () => (sonner ??= import("sonner"));

const call = (show: (t: Sonner["toast"]) => void) => {
  void loadSonner().then(({ toast: t }) => show(t));
};

export const toast = Object.assign((message: string, options?: ExternalToast) => call((t) => t(message, options)), {
  success: (message: string, options?: ExternalToast) => call((t) => t.success(message, options)),
  error: (message: string, options?: ExternalToast) => call((t) => t.error(message, options)),
});
