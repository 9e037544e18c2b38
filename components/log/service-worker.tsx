"use client";
/**
 * Registers the service worker (public/sw.js) from the Log page and asks it to cache this page and the scripts it
 * already loaded, so the next visit works offline. Production only (the dev server's assets change constantly).
 */
import { useEffect } from "react";
import { whenIdle } from "@/components/ui/when-idle";

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    // After the page is interactive: installing the worker fetches and caches, which the first paint does not need.
    const cancelIdle = whenIdle(() => {
      navigator.serviceWorker
        .register("/sw.js", { scope: "/" })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
          if (cancelled) return;
          const assets = performance
            .getEntriesByType("resource")
            .map((entry) => entry.name)
            .filter((name) => name.startsWith(`${location.origin}/_next/static/`));
          for (const el of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
            "script[src], link[rel=stylesheet][href]",
          )) {
            assets.push("src" in el && el.src ? el.src : (el as HTMLLinkElement).href);
          }
          registration.active?.postMessage({ type: "warm", page: location.href, assets: [...new Set(assets)] });
        })
        .catch((error: unknown) => console.warn("[log] service worker not registered", error));
    });
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, []);
  return null;
}
