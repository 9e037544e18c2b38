"use client";
/**
 * The app's toaster, rendered once sonner has loaded (right after hydration, off the first-load JavaScript).
 * Pages that import sonner themselves share the same module, so their toasts show here too.
 */
import { useEffect, useState } from "react";
import { loadSonner } from "./lazy-toast";

type ToasterComponent = (typeof import("sonner"))["Toaster"];

export function LazyToaster() {
  const [Toaster, setToaster] = useState<ToasterComponent | null>(null);
  useEffect(() => {
    let live = true;
    void loadSonner().then((m) => {
      if (live) setToaster(() => m.Toaster);
    });
    return () => {
      live = false;
    };
  }, []);
  return Toaster ? <Toaster position="top-center" richColors closeButton /> : null;
}
