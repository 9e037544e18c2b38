"use client";
/**
 * sonner, loaded on first use instead of in every page's first-load JavaScript. `toast` here has the subset of
 * sonner's API the app uses (plain, success, error, with options); each call loads sonner (once) and forwards.
 * sonner replays toasts made before its <Toaster> subscribed, so nothing shown early is lost.
 */
import type { ExternalToast } from "sonner";

type Sonner = typeof import("sonner");
let sonner: Promise<Sonner> | null = null;
const waiting: ((module: Sonner) => void)[] = [];

/** The sonner module (loaded once; the same instance the lazy Toaster renders). */
export function loadSonner(): Promise<Sonner> {
  if (!sonner) {
    sonner = import("sonner");
    void sonner.then((module) => waiting.splice(0).forEach((resolve) => resolve(module)));
  }
  return sonner;
}

/** Resolves when something has loaded sonner (without loading it itself). */
export const sonnerLoaded = (): Promise<Sonner> => sonner ?? new Promise((resolve) => waiting.push(resolve));

const call = (show: (t: Sonner["toast"]) => void) => {
  void loadSonner().then(({ toast: t }) => show(t));
};

export const toast = Object.assign((message: string, options?: ExternalToast) => call((t) => t(message, options)), {
  success: (message: string, options?: ExternalToast) => call((t) => t.success(message, options)),
  error: (message: string, options?: ExternalToast) => call((t) => t.error(message, options)),
});
