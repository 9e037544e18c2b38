"use client";
/**
 * The app's toaster, rendered once sonner has loaded: when the browser is first idle after the page became
 * interactive, or sooner when something shows a toast (components/ui/lazy-toast.ts) — off the first-load
 * JavaScript. Pages that import sonner themselves share the same module, so their toasts show here too.
 */
import { useEffect, useState } from "react";
import { loadSonner, sonnerLoaded } from "./lazy-toast";
import { whenIdle } from "./when-idle";

type ToasterComponent = (typeof import("sonner"))["Toaster"];

export function LazyToaster() {
  const [Toaster, setToaster] = useState<ToasterComponent | null>(null);
  useEffect(() => {
    let live = true;
    void sonnerLoaded().then((m) => {
      if (live) setToaster(() => m.Toaster);
    });
    const cancel = whenIdle(() => void loadSonner());
    return () => {
      live = false;
      cancel();
    };
  }, []);
  // On phones a toast spans the screen's width: it sits below the header (56 px), so the header's menus stay
  // reachable while it shows (a toast that is hovered or touched pauses and would otherwise block them).
  return Toaster ? (
    <Toaster position="top-center" richColors closeButton mobileOffset={{ top: 64, left: 16, right: 16 }} />
  ) : null;
}
